namespace Inbox.Channels.Widget.Live;

/// <summary>A nudge to a visitor's open streams: new messages are stored, or a conversation changed state.</summary>
public sealed record WidgetNotification(WidgetNotificationKind Kind, long ConversationId, long? MessageId = null);

public enum WidgetNotificationKind
{
    Message,
    Conversation,
    /// <summary>An operator edited or deleted a message the visitor already has.</summary>
    MessageChanged,
}
