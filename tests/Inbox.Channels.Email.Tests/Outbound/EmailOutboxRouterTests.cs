using Inbox.Channels.Email.Outbound;
using Inbox.Core.Events;
using Inbox.Core.Model;
using Inbox.Core.Outbox;

namespace Inbox.Channels.Email.Tests.Outbound;

public sealed class EmailOutboxRouterTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 3, 10, 0, 0, TimeSpan.Zero);
    private readonly EmailOutboxRouter _router = new();

    [Fact]
    public void An_operator_reply_in_an_email_conversation_is_routed_to_email_in_its_own_partition()
    {
        var (conversation, contact) = Conversation(ChannelKind.Email);
        var reply = new Message(41, conversation.Id, MessageDirection.FromOperator, "Fixed it", At, Guid.NewGuid(), "Dana Scully");

        var outbox = Route(new MessageAdded(conversation, contact, reply, At));

        var message = Assert.Single(outbox);
        Assert.Equal("email", message.Destination);
        Assert.Equal(OutboxMessage.ConversationPartition("email", conversation.Id), message.PartitionKey);
        Assert.Equal("email:reply:41", message.IdempotencyKey);
        Assert.Equal(41, message.MessageId);
        Assert.Equal(new ReplyPush(conversation.Id, 41), ReplyPush.FromJson(message.Payload));
    }

    [Fact]
    public void Notes_system_lines_and_the_customers_own_mails_are_not_sent()
    {
        var (conversation, contact) = Conversation(ChannelKind.Email);

        var outbox = Route(
            new MessageAdded(conversation, contact, new Message(1, conversation.Id, MessageDirection.Note, "internal", At, Guid.NewGuid(), "Dana"), At),
            new MessageAdded(conversation, contact, new Message(2, conversation.Id, MessageDirection.System, "closed", At), At),
            new MessageAdded(conversation, contact, new Message(3, conversation.Id, MessageDirection.FromCustomer, "hello", At), At),
            new StatusChanged(conversation, contact, ConversationStatus.Open, null, At));

        Assert.Empty(outbox);
    }

    [Fact]
    public void Replies_in_conversations_of_other_channels_are_not_sent_by_email()
    {
        var (conversation, contact) = Conversation(ChannelKind.Widget);
        var reply = new Message(5, conversation.Id, MessageDirection.FromOperator, "Hi", At, Guid.NewGuid(), "Dana");

        Assert.Empty(Route(new MessageAdded(conversation, contact, reply, At)));
    }

    private List<OutboxMessage> Route(params InboxEvent[] events)
    {
        var outbox = new List<OutboxMessage>();
        foreach (var inboxEvent in events) _router.Route(inboxEvent, outbox);
        return outbox;
    }

    private static (Conversation, Contact) Conversation(ChannelKind channel)
    {
        var contact = new Contact(Guid.NewGuid(), new ContactIdentity(channel, "ann@example.test"), At);
        return (new Conversation(7, contact.Id, channel, "support@acme.test", At, "Printer"), contact);
    }
}
