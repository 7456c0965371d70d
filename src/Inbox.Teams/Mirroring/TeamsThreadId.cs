namespace Inbox.Teams.Mirroring;

/// <summary>
/// A Teams channel thread is a conversation id "{channel};messageid={root activity id}": what Inbox stores as the
/// conversation's Teams thread, and what replies in the thread carry as their conversation id.
/// </summary>
public static class TeamsThreadId
{
    private const string Marker = ";messageid=";

    /// <summary>The thread id for the answer to POST v3/conversations (its <c>id</c>, and <c>activityId</c> of the root).</summary>
    public static string Of(string conversationId, string? rootActivityId) =>
        conversationId.Contains(Marker, StringComparison.OrdinalIgnoreCase) || rootActivityId is null
            ? conversationId
            : conversationId + Marker + rootActivityId;

    /// <summary>The root card's activity id, which is the thread's message id.</summary>
    public static string? RootActivityId(string threadId)
    {
        var at = threadId.IndexOf(Marker, StringComparison.OrdinalIgnoreCase);
        return at < 0 ? null : threadId[(at + Marker.Length)..];
    }

    /// <summary>The channel a thread (or a channel conversation id) belongs to.</summary>
    public static string ChannelOf(string conversationId)
    {
        var at = conversationId.IndexOf(Marker, StringComparison.OrdinalIgnoreCase);
        return at < 0 ? conversationId : conversationId[..at];
    }
}
