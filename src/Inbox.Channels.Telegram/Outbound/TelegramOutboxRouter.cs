using System.Globalization;
using Inbox.Core.Events;
using Inbox.Core.Model;
using Inbox.Core.Outbox;

namespace Inbox.Channels.Telegram.Outbound;

/// <summary>Puts operators' replies in Telegram conversations in the outbox, one sendMessage per part of a long reply.</summary>
/// <remarks>
/// Each part is its own outbox row, so a retry (after a 429, say) never sends a part that already went out. Only the first
/// part carries the message id, so the Telegram message id recorded for the reply is that of its first part.
/// Telegram deliveries have their own partition per conversation: a slow Telegram holds up neither Slack nor Teams.
/// </remarks>
public sealed class TelegramOutboxRouter : IOutboxRouter
{
    public const string Destination = "telegram";

    public void Route(InboxEvent inboxEvent, ICollection<OutboxMessage> outbox)
    {
        if (inboxEvent.Conversation.Channel != ChannelKind.Telegram) return;
        if (inboxEvent is not MessageAdded { Message: { Direction: MessageDirection.FromOperator, IsVisibleToCustomer: true } message }) return;
        if (!long.TryParse(inboxEvent.Contact.ExternalIdOn(ChannelKind.Telegram), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var chatId))
            return;

        var conversationId = inboxEvent.Conversation.Id;
        var parts = TelegramReplyText.Render(message.SenderName ?? message.AuthorName, message.Text, message.Attachments);
        for (var i = 0; i < parts.Count; i++)
            outbox.Add(new OutboxMessage(Destination, Partition(conversationId), $"telegram:message:{message.Id}:{i}",
                new TelegramSend(chatId, parts[i], conversationId, i, parts.Count).ToJson(), i == 0 ? message.Id : null));
    }

    public static string Partition(long conversationId) => OutboxMessage.ConversationPartition(Destination, conversationId);
}
