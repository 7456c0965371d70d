using System.Text.Json;
using Inbox.Core.Events;
using Inbox.Core.Model;
using Inbox.Core.Outbox;

namespace Inbox.Channels.Widget.Live;

/// <summary>Puts what a widget visitor must see live (operator replies, visible system lines, status changes) in the outbox.</summary>
public sealed class WidgetOutboxRouter : IOutboxRouter
{
    public const string Destination = "widget";

    public void Route(InboxEvent inboxEvent, ICollection<OutboxMessage> outbox)
    {
        if (inboxEvent.Conversation.Channel != ChannelKind.Widget) return;
        var visitorKey = inboxEvent.Contact.ExternalIdOn(ChannelKind.Widget);
        if (visitorKey is null) return;
        var conversation = inboxEvent.Conversation;

        switch (inboxEvent)
        {
            // The visitor's own messages are already on their screen; only what others wrote is pushed.
            case MessageAdded { Message: { IsVisibleToCustomer: true, Direction: not MessageDirection.FromCustomer } message }:
                outbox.Add(new OutboxMessage(Destination, OutboxMessage.ConversationPartition(conversation.Id),
                    $"widget:message:{message.Id}",
                    Payload(visitorKey, WidgetNotificationKind.Message, conversation.Id), message.Id));
                break;
            case MessageChanged { Message: { IsVisibleToCustomer: true } changed }:
                outbox.Add(new OutboxMessage(Destination, OutboxMessage.ConversationPartition(conversation.Id),
                    $"widget:changed:{changed.Id}:{inboxEvent.OccurredAt.UtcTicks}",
                    Payload(visitorKey, WidgetNotificationKind.MessageChanged, conversation.Id, changed.Id)));
                break;
            // The stream waits at a held reply; once it is undone, a nudge lets it go on to what came after.
            case ReplyWithdrawn withdrawn:
                outbox.Add(new OutboxMessage(Destination, OutboxMessage.ConversationPartition(conversation.Id),
                    $"widget:withdrawn:{withdrawn.Message.Id}",
                    Payload(visitorKey, WidgetNotificationKind.Message, conversation.Id)));
                break;
            case StatusChanged changed:
                outbox.Add(new OutboxMessage(Destination, OutboxMessage.ConversationPartition(conversation.Id),
                    $"widget:status:{conversation.Id}:{changed.OccurredAt.UtcTicks}:{conversation.Status}",
                    Payload(visitorKey, WidgetNotificationKind.Conversation, conversation.Id)));
                break;
        }
    }

    private static string Payload(string visitorKey, WidgetNotificationKind kind, long conversationId, long? messageId = null) =>
        JsonSerializer.Serialize(new WidgetPush(visitorKey, kind, conversationId, messageId), WidgetPush.Json);
}

/// <summary>The outbox payload of a widget push.</summary>
public sealed record WidgetPush(string VisitorKey, WidgetNotificationKind Kind, long ConversationId, long? MessageId = null)
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
}
