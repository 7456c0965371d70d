using Inbox.Core.Commands;
using Inbox.Core.Events;
using Inbox.Core.Model;

namespace Inbox.Core.Tests;

/// <summary>Replies wait out the undo window: undone inside it they never leave, edited inside it they leave with the new text.</summary>
public sealed class UndoWindowTests
{
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(5);
    private readonly InMemoryInbox _inbox = new(replies: new ReplyOptions { UndoWindow = Window });

    private async Task<(Operator Dana, long ConversationId, Message Reply)> HeldReplyAsync(string text = "Try turning it off and on", string? externalId = "slack:C1:1.1")
    {
        var dana = await _inbox.OperatorAsync("Dana Scully", "dana@acme.test");
        var received = await _inbox.ReceiveAsync("visitor-a", "My router is broken");
        _inbox.Router.Clear();
        var change = ResultAssert.Succeeds(await _inbox.Operators.ReplyAsync(received.Conversation.Id, dana.Id, text, externalId: externalId));
        return (dana, received.Conversation.Id, change.Message!);
    }

    private IEnumerable<Message> Added => _inbox.Router.EventsOf<MessageAdded>().Select(e => e.Message);

    [Fact]
    public async Task A_held_reply_reaches_no_destination_until_its_window_has_passed()
    {
        var (_, conversationId, reply) = await HeldReplyAsync();

        Assert.Equal(InMemoryInbox.Start + Window, reply.HeldUntil);
        Assert.False(reply.IsVisibleToCustomer);
        Assert.Empty(Added);
        Assert.True(_inbox.Store.Conversation(conversationId).AwaitingReply);
        Assert.Equal(0, await _inbox.DeliverDueReleasesAsync());

        _inbox.Wait(Window);
        Assert.Equal(1, await _inbox.DeliverDueReleasesAsync());

        Assert.Equal([reply], Added);
        Assert.True(reply.IsVisibleToCustomer);
        Assert.False(_inbox.Store.Conversation(conversationId).AwaitingReply);
        Assert.Equal(["My router is broken", "Try turning it off and on"], _inbox.Store.CustomerHistory(conversationId).Select(m => m.Text));
    }

    [Fact]
    public async Task A_reply_whose_visitor_was_blocked_inside_the_window_is_never_sent()
    {
        var (dana, conversationId, reply) = await HeldReplyAsync();
        ResultAssert.Succeeds(await _inbox.Operators.BlockAsync(conversationId, dana.Id));
        _inbox.Wait(Window);
        await _inbox.DeliverDueReleasesAsync();

        Assert.NotNull(reply.WithdrawnAt);
        Assert.DoesNotContain(reply, Added);
        Assert.DoesNotContain(_inbox.Store.CustomerHistory(conversationId), m => m.Id == reply.Id);
    }

    [Fact]
    public async Task A_customer_who_wrote_again_inside_the_window_still_awaits_a_reply_after_the_release()
    {
        var (_, conversationId, reply) = await HeldReplyAsync();
        _inbox.Wait(TimeSpan.FromSeconds(2));
        await _inbox.ReceiveAsync("visitor-a", "Also, the light is red", conversationId);
        _inbox.Wait(Window);
        await _inbox.DeliverDueReleasesAsync();

        var conversation = _inbox.Store.Conversation(conversationId);
        Assert.Contains(reply, Added);
        Assert.True(conversation.AwaitingReply);
        Assert.Equal("Also, the light is red", conversation.Preview);
        Assert.Equal(reply.CreatedAt, conversation.FirstResponseAt);
    }

    [Fact]
    public async Task Undo_inside_the_window_withdraws_the_reply_for_good_and_tells_the_operators()
    {
        var (dana, conversationId, reply) = await HeldReplyAsync();
        _inbox.Wait(TimeSpan.FromSeconds(4));

        var undone = ResultAssert.Succeeds(await _inbox.HeldReplies.UndoAsync(reply.Id, dana.Id, CancellationToken.None));
        _inbox.Wait(TimeSpan.FromSeconds(10));
        await _inbox.DeliverDueReleasesAsync();

        Assert.Equal("Undone: the reply was not sent.", undone.Summary);
        Assert.NotNull(reply.WithdrawnAt);
        Assert.DoesNotContain(reply, Added);
        Assert.Equal(["My router is broken"], _inbox.Store.CustomerHistory(conversationId).Select(m => m.Text));
        Assert.Contains(_inbox.Store.History(conversationId), m => m.Id == reply.Id && m.Text == "Try turning it off and on");
        var line = Assert.Single(Added);
        Assert.True(line.IsInternal);
        Assert.Equal("Dana Scully undid a reply; the customer did not get it.", line.Text);
        Assert.Single(_inbox.Router.EventsOf<ReplyWithdrawn>());
        Assert.True(_inbox.Store.Conversation(conversationId).AwaitingReply);
    }

    [Fact]
    public async Task Undo_once_the_window_has_passed_is_too_late_and_the_reply_still_goes_out()
    {
        var (dana, _, reply) = await HeldReplyAsync();
        _inbox.Wait(Window);

        var refused = ResultAssert.Refused(await _inbox.HeldReplies.UndoAsync(reply.Id, dana.Id, CancellationToken.None), InboxErrorKind.Conflict);
        await _inbox.DeliverDueReleasesAsync();

        Assert.Equal(HeldReplies.TooLate, refused.Message);
        Assert.Null(reply.WithdrawnAt);
        Assert.Equal([reply], Added);
    }

    [Fact]
    public async Task Undo_after_the_release_is_too_late()
    {
        var (dana, _, reply) = await HeldReplyAsync();
        _inbox.Wait(Window);
        await _inbox.DeliverDueReleasesAsync();

        var refused = ResultAssert.Refused(await _inbox.HeldReplies.UndoAsync(reply.Id, dana.Id, CancellationToken.None), InboxErrorKind.Conflict);

        Assert.Equal(HeldReplies.TooLate, refused.Message);
        Assert.True(reply.IsVisibleToCustomer);
    }

    [Fact]
    public async Task Only_the_author_can_undo_a_reply()
    {
        var (_, _, reply) = await HeldReplyAsync();
        var lee = await _inbox.OperatorAsync("Lee Adama", "lee@acme.test");

        ResultAssert.Refused(await _inbox.HeldReplies.UndoAsync(reply.Id, lee.Id, CancellationToken.None), InboxErrorKind.Conflict);

        Assert.True(reply.IsHeld);
    }

    [Fact]
    public async Task Pressing_undo_twice_undoes_once()
    {
        var (dana, conversationId, reply) = await HeldReplyAsync();

        ResultAssert.Succeeds(await _inbox.HeldReplies.UndoAsync(reply.Id, dana.Id, CancellationToken.None));
        var again = ResultAssert.Succeeds(await _inbox.HeldReplies.UndoAsync(reply.Id, dana.Id, CancellationToken.None));

        Assert.Equal("Already undone: the reply was not sent.", again.Summary);
        Assert.Single(_inbox.Store.History(conversationId), m => m.IsInternal);
    }

    [Fact]
    public async Task An_edit_inside_the_window_replaces_the_text_before_it_leaves()
    {
        var (dana, _, reply) = await HeldReplyAsync("Try turning it of", "slack:C1:2.2");

        var edited = ResultAssert.Succeeds(await _inbox.Operators.EditAsync("slack:C1:2.2", dana.Id, "Try turning it off"));
        Assert.Empty(_inbox.Router.EventsOf<MessageChanged>());
        _inbox.Wait(Window);
        await _inbox.DeliverDueReleasesAsync();

        Assert.Equal("Reply in #1 changed before it was sent.", edited.Summary);
        var released = Assert.Single(Added);
        Assert.Equal("Try turning it off", released.Text);
        Assert.Null(released.EditedAt); // the customer never saw another text
    }

    [Fact]
    public async Task An_edit_after_the_release_is_an_ordinary_edit()
    {
        var (dana, _, reply) = await HeldReplyAsync("Try turning it of", "slack:C1:3.3");
        _inbox.Wait(Window);
        await _inbox.DeliverDueReleasesAsync();

        ResultAssert.Succeeds(await _inbox.Operators.EditAsync("slack:C1:3.3", dana.Id, "Try turning it off"));

        var changed = Assert.Single(_inbox.Router.EventsOf<MessageChanged>());
        Assert.Equal("Try turning it off", changed.Message.Text);
        Assert.NotNull(reply.EditedAt);
    }

    [Fact]
    public async Task Deleting_a_reply_inside_the_window_withdraws_it()
    {
        var (dana, conversationId, reply) = await HeldReplyAsync("Oops", "slack:C1:4.4");

        ResultAssert.Succeeds(await _inbox.Operators.DeleteAsync("slack:C1:4.4", dana.Id));
        _inbox.Wait(Window);
        await _inbox.DeliverDueReleasesAsync();

        Assert.NotNull(reply.WithdrawnAt);
        Assert.Equal("Oops", reply.Text); // kept for operators
        Assert.Empty(Added);
        Assert.Equal(["My router is broken"], _inbox.Store.CustomerHistory(conversationId).Select(m => m.Text));
    }

    [Fact]
    public async Task A_release_that_comes_early_waits_for_the_rest_of_the_window()
    {
        var (_, _, reply) = await HeldReplyAsync();
        _inbox.Wait(TimeSpan.FromSeconds(3));

        var left = await _inbox.HeldReplies.ReleaseAsync(reply.Id, CancellationToken.None);

        Assert.Equal(TimeSpan.FromSeconds(2), left);
        Assert.True(reply.IsHeld);
        Assert.Empty(Added);
    }

    [Fact]
    public async Task A_release_delivered_twice_sends_the_reply_once()
    {
        var (_, _, reply) = await HeldReplyAsync();
        _inbox.Wait(Window);

        Assert.Null(await _inbox.HeldReplies.ReleaseAsync(reply.Id, CancellationToken.None));
        Assert.Null(await _inbox.HeldReplies.ReleaseAsync(reply.Id, CancellationToken.None));

        Assert.Equal([reply], Added);
    }

    [Fact]
    public async Task With_no_window_a_reply_goes_out_at_once()
    {
        var inbox = new InMemoryInbox(replies: new ReplyOptions { UndoWindow = TimeSpan.Zero });
        var dana = await inbox.OperatorAsync("Dana Scully", "dana@acme.test");
        var received = await inbox.ReceiveAsync("visitor-a", "Hello");

        var reply = ResultAssert.Succeeds(await inbox.Operators.ReplyAsync(received.Conversation.Id, dana.Id, "Hi")).Message!;

        Assert.Null(reply.HeldUntil);
        Assert.True(reply.IsVisibleToCustomer);
        Assert.Contains(reply, inbox.Router.EventsOf<MessageAdded>().Select(e => e.Message));
        Assert.DoesNotContain(inbox.Store.Outbox, o => o.Destination == HeldReplies.Destination);
    }

    [Theory]
    [InlineData("00:00:00", true)]
    [InlineData("00:00:05", true)]
    [InlineData("00:05:00", true)]
    [InlineData("00:05:01", false)]
    [InlineData("-00:00:01", false)]
    public void The_window_is_checked_at_start(string window, bool valid)
    {
        var errors = new ReplyOptions { UndoWindow = TimeSpan.Parse(window) }.Validate().ToList();

        Assert.Equal(valid, errors.Count == 0);
        if (!valid) Assert.Contains("Replies:UndoWindow", errors[0]);
    }
}
