using Inbox.Core.Events;
using Inbox.Core.Model;
using Inbox.Core.Outbox;

namespace Inbox.Channels.Email.Outbound;

/// <summary>Puts every operator reply the customer may see, in a conversation that came by email, in the outbox for sending.</summary>
/// <remarks>Notes, system lines and the customer's own mails are not sent; email deliveries have their own partition per conversation,
/// so a slow mail server holds up neither Slack nor Teams.</remarks>
public sealed class EmailOutboxRouter : IOutboxRouter
{
    public void Route(InboxEvent inboxEvent, ICollection<OutboxMessage> outbox)
    {
        if (inboxEvent.Conversation.Channel != ChannelKind.Email) return;
        if (inboxEvent is not MessageAdded { Message: { Direction: MessageDirection.FromOperator, IsVisibleToCustomer: true } message }) return;
        var id = inboxEvent.Conversation.Id;
        outbox.Add(new OutboxMessage(EmailChannel.Destination, Partition(id), $"email:reply:{message.Id}",
            new ReplyPush(id, message.Id).ToJson(), message.Id));
    }

    public static string Partition(long conversationId) => OutboxMessage.ConversationPartition(EmailChannel.Destination, conversationId);
}
