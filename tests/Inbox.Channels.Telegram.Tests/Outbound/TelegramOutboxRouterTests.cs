using Inbox.Channels.Telegram.Outbound;
using Inbox.Core.Events;
using Inbox.Core.Model;
using Inbox.Core.Outbox;

namespace Inbox.Channels.Telegram.Tests.Outbound;

public sealed class TelegramOutboxRouterTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);
    private readonly TelegramOutboxRouter _router = new();

    private static (Conversation, Contact) Chat(ChannelKind channel = ChannelKind.Telegram, string externalId = "4242")
    {
        var contact = new Contact(Guid.NewGuid(), new ContactIdentity(channel, externalId), Now);
        return (new Conversation(17, contact.Id, channel, null, Now), contact);
    }

    private List<OutboxMessage> Route(InboxEvent inboxEvent)
    {
        var outbox = new List<OutboxMessage>();
        _router.Route(inboxEvent, outbox);
        return outbox;
    }

    private static Message Reply(string text, MessageDirection direction = MessageDirection.FromOperator, bool isInternal = false) =>
        new(501, 17, direction, text, Now, Guid.NewGuid(), "Dana Scully", isInternal: isInternal);

    [Fact]
    public void An_operator_reply_in_a_telegram_conversation_becomes_one_send_to_the_contacts_chat()
    {
        var (conversation, contact) = Chat();
        var routed = Assert.Single(Route(new MessageAdded(conversation, contact, Reply("Hi <there>"), Now)));

        Assert.Equal("telegram", routed.Destination);
        Assert.Equal("telegram:conversation:17", routed.PartitionKey);
        Assert.Equal("telegram:message:501:0", routed.IdempotencyKey);
        Assert.Equal(501, routed.MessageId);
        var send = TelegramSend.FromJson(routed.Payload)!;
        Assert.Equal(4242, send.ChatId);
        Assert.Equal("<b>Dana Scully</b>\nHi &lt;there&gt;", send.Html);
    }

    [Fact]
    public void A_long_reply_becomes_one_send_per_part_in_order_and_only_the_first_records_the_delivery()
    {
        var (conversation, contact) = Chat();
        var routed = Route(new MessageAdded(conversation, contact, Reply(new string('x', 9000)), Now));

        Assert.Equal(3, routed.Count);
        Assert.Equal(["telegram:message:501:0", "telegram:message:501:1", "telegram:message:501:2"], routed.Select(r => r.IdempotencyKey));
        Assert.Equal([501L, null, null], routed.Select(r => r.MessageId));
        Assert.All(routed, r => Assert.Equal("telegram:conversation:17", r.PartitionKey));
    }

    [Fact]
    public void Customer_messages_notes_and_internal_lines_do_not_go_to_telegram()
    {
        var (conversation, contact) = Chat();
        Assert.Empty(Route(new MessageAdded(conversation, contact, Reply("mine", MessageDirection.FromCustomer), Now)));
        Assert.Empty(Route(new MessageAdded(conversation, contact, Reply("note", MessageDirection.Note), Now)));
        Assert.Empty(Route(new MessageAdded(conversation, contact, Reply("assigned", MessageDirection.System, isInternal: true), Now)));
        Assert.Empty(Route(new StatusChanged(conversation, contact, ConversationStatus.Open, null, Now)));
    }

    [Fact]
    public void Replies_in_conversations_of_other_channels_are_not_routed()
    {
        var (conversation, contact) = Chat(ChannelKind.Widget, "visitor-key");
        Assert.Empty(Route(new MessageAdded(conversation, contact, Reply("hello"), Now)));
    }
}
