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
    /// <summary>The destination's id of the thread root (for Slack "channel:ts", for Teams "channel;messageid=root"); it names the channel too.</summary>
    public string ExternalId { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    /// <summary>The root the thread had before it was moved to another channel (now marked "moved"); null when never moved.</summary>
    public string? MovedFromExternalId { get; private set; }
    /// <summary>When an operator last moved the thread; a moved conversation is never re-routed automatically.</summary>
    public DateTimeOffset? MovedAt { get; private set; }

    /// <summary>The thread now lives at <paramref name="externalId"/> (a new root in another channel); the old root is remembered.</summary>
    public void MoveTo(string externalId, DateTimeOffset now)
    {
        if (externalId == ExternalId) return;
        MovedFromExternalId = ExternalId;
        ExternalId = externalId;
        MovedAt = now;
    }
}
