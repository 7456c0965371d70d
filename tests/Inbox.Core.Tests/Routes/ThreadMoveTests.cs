using Inbox.Core.Events;
using Inbox.Core.Model;
using Inbox.Core.Outbox;
using Inbox.Core.Routing;

namespace Inbox.Core.Tests.Routes;

public sealed class ThreadMoveTests
{
    [Fact]
    public async Task A_move_is_recorded_for_its_surface_with_a_history_line_customers_never_see()
    {
        var inbox = new InMemoryInbox();
        var fox = await inbox.OperatorAsync("Fox Mulder", "fox@example.test");
        var received = await inbox.ReceiveAsync("v1", "Hello");
        var moves = new ThreadMoves(inbox.Store, inbox.Routing, inbox.Time);

        var result = await moves.MoveAsync(received.Conversation.Id, "slack", "CVIP000001", "#vip", fox.Id, CancellationToken.None);

        Assert.True(result.Succeeded, result.Error?.Message);
        Assert.Contains("moves to #vip", result.Value.Summary);
        var moved = Assert.Single(inbox.Router.EventsOf<ThreadMoved>());
        Assert.Equal(("slack", "CVIP000001"), (moved.Destination, moved.Channel));
        var line = inbox.Router.EventsOf<MessageAdded>().Last().Message;
        Assert.Equal(MessageDirection.System, line.Direction);
        Assert.True(line.IsInternal);
        Assert.Equal("Fox Mulder moved the conversation's Slack thread to #vip.", line.Text);
    }

    [Fact]
    public async Task Moving_an_unknown_conversation_says_so_and_changes_nothing()
    {
        var inbox = new InMemoryInbox();
        var fox = await inbox.OperatorAsync("Fox Mulder", "fox@example.test");
        var moves = new ThreadMoves(inbox.Store, inbox.Routing, inbox.Time);

        var result = await moves.MoveAsync(404, "slack", "CVIP000001", "#vip", fox.Id, CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Equal("Conversation #404 does not exist.", result.Error!.Message);
        Assert.Empty(inbox.Router.EventsOf<ThreadMoved>());
    }

    [Fact]
    public void A_move_asks_only_its_own_surface_for_a_new_root_recorded_as_the_thread()
    {
        var contact = new Contact(Guid.NewGuid(), new ContactIdentity(ChannelKind.Widget, "v"), InMemoryInbox.Start);
        var conversation = new Conversation(7, contact.Id, ChannelKind.Widget, null, InMemoryInbox.Start);
        var actor = new Operator(Guid.NewGuid(), "Fox", "fox@example.test");
        var moved = new ThreadMoved(conversation, contact, "slack", "CVIP000001", actor, InMemoryInbox.Start);

        List<OutboxMessage> Route(string destination)
        {
            var outbox = new List<OutboxMessage>();
            ThreadMirrorRouting.Route(moved, outbox, destination, destination, (_, _, _) => "step", (id, channel) => $"move {id} to {channel}");
            return outbox;
        }

        var slack = Assert.Single(Route("slack"));
        Assert.Equal(("move 7 to CVIP000001", 7L), (slack.Payload, slack.ThreadOf!.Value));
        Assert.Equal(OutboxMessage.ConversationPartition("slack", 7), slack.PartitionKey);
        Assert.Empty(Route("teams"));
    }

    [Fact]
    public void A_moved_thread_keeps_its_old_root_and_when()
    {
        var thread = new ConversationThread(7, "slack", "COLD:1.1", InMemoryInbox.Start);

        thread.MoveTo("CNEW:2.2", InMemoryInbox.Start.AddHours(1));
        thread.MoveTo("CNEW:2.2", InMemoryInbox.Start.AddHours(2));

        Assert.Equal(("CNEW:2.2", "COLD:1.1"), (thread.ExternalId, thread.MovedFromExternalId));
        Assert.Equal(InMemoryInbox.Start.AddHours(1), thread.MovedAt);
    }
}
