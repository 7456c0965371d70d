namespace Inbox.Core.Model;

/// <summary>Where a conversation is mirrored on an operator surface: its Slack thread (channel and root ts) or Teams thread.</summary>
public sealed class ConversationThread
{
    private ConversationThread() { Destination = ""; ExternalId = ""; }

    public ConversationThread(long conversationId, string destination, string externalId, DateTimeOffset createdAt)
    {
        ConversationId = conversationId;
        Destination = destination;
        ExternalId = externalId;
        CreatedAt = createdAt;
    }

    public long ConversationId { get; private set; }
    public string Destination { get; private set; }
    /// <summary>The destination's id of the thread root (for Slack "channel:ts").</summary>
    public string ExternalId { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
}
