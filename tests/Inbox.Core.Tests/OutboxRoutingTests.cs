using Inbox.Core.Events;
using Inbox.Core.Model;
using Inbox.Core.Outbox;
using Inbox.Core.Tests.Fakes;

namespace Inbox.Core.Tests;

public sealed class OutboxRoutingTests
{
    [Fact]
    public async Task Every_router_sees_every_event_and_its_deliveries_are_enqueued_in_the_same_write()
    {
        var slack = new RecordingOutboxRouter("slack");
        var widget = new RecordingOutboxRouter("widget");
        var inbox = new InMemoryInbox(moreRouters: [slack, widget]);

        var received = await inbox.ReceiveAsync("visitor-a", "Hello");

        Assert.Equal(1, inbox.Store.Writes);
        Assert.Equal([typeof(ConversationStarted), typeof(MessageAdded)], slack.Events.Select(e => e.GetType()));
        Assert.Equal(slack.Events, widget.Events);
        Assert.Equal(slack.Events, inbox.Router.Events);
        Assert.Equal(2, inbox.Store.Outbox.Count(m => m.Destination == "slack"));
        Assert.Equal(2, inbox.Store.Outbox.Count(m => m.Destination == "widget"));
        Assert.Equal(6, inbox.Store.Outbox.Count);
        Assert.All(inbox.Store.Outbox, m => Assert.Equal($"conversation:{received.Conversation.Id}", m.PartitionKey));
        Assert.Contains(inbox.Store.Outbox, m => m.Destination == "widget" && m.MessageId == received.Message.Id);
    }

    [Fact]
    public async Task An_operator_command_reaches_every_router_in_its_own_write()
    {
        var teams = new RecordingOutboxRouter("teams");
        var inbox = new InMemoryInbox(moreRouters: [teams]);
        var dana = await inbox.OperatorAsync("Dana Scully", "dana@acme.test");
        var received = await inbox.ReceiveAsync("visitor-a", "Hello");
        var writesBefore = inbox.Store.Writes;
        teams.Clear();

        await inbox.Operators.CloseAsync(received.Conversation.Id, dana.Id);

        Assert.Equal(writesBefore + 1, inbox.Store.Writes);
        Assert.Equal([typeof(MessageAdded), typeof(StatusChanged)], teams.Events.Select(e => e.GetType()));
        Assert.Equal(4, inbox.Store.Outbox.Count(m => m.Destination == "teams"));
    }

    [Fact]
    public async Task A_refused_command_enqueues_nothing()
    {
        var inbox = new InMemoryInbox();

        await inbox.Customers.ReceiveAsync(new(InMemoryInbox.Visitor("visitor-a"), ""), CancellationToken.None);

        Assert.Empty(inbox.Router.Events);
        Assert.Empty(inbox.Store.Outbox);
    }

    [Fact]
    public async Task Publishing_hands_the_event_to_each_router_in_order_and_enqueues_what_they_produce()
    {
        var store = new InMemoryInboxStore();
        var first = new RecordingOutboxRouter("first");
        var second = new RecordingOutboxRouter("second");
        var routing = new OutboxRouting([first, second]);

        await store.WriteAsync((uow, _) =>
        {
            routing.Publish(uow, SampleEvent());
            return ValueTask.FromResult(true);
        }, CancellationToken.None);

        Assert.Equal(["first", "second"], store.Outbox.Select(m => m.Destination));
        Assert.Single(first.Events);
        Assert.Single(second.Events);
    }

    [Fact]
    public async Task With_no_routers_publishing_enqueues_nothing()
    {
        var store = new InMemoryInboxStore();
        var routing = new OutboxRouting([]);

        await store.WriteAsync((uow, _) =>
        {
            routing.Publish(uow, SampleEvent());
            return ValueTask.FromResult(true);
        }, CancellationToken.None);

        Assert.Empty(store.Outbox);
    }

    private static FactsChanged SampleEvent()
    {
        var now = InMemoryInbox.Start;
        var contact = new Contact(Guid.NewGuid(), InMemoryInbox.Visitor("visitor-a"), now);
        return new FactsChanged(new Conversation(7, contact.Id, ChannelKind.Widget, null, now), contact, now);
    }
}
