namespace Inbox.Teams.Mirroring;

/// <summary>Deep links that open a Teams channel thread (its root message) in the Teams client.</summary>
public static class TeamsThreadLinks
{
    /// <summary>The link to thread <paramref name="threadId"/> ("channel;messageid=root"); null when it names no root.</summary>
    public static string? Of(string threadId, string? tenantId)
    {
        if (TeamsThreadId.RootActivityId(threadId) is not { } root) return null;
        var channel = TeamsThreadId.ChannelOf(threadId);
        var tenant = tenantId is null ? "" : $"tenantId={Uri.EscapeDataString(tenantId)}&";
        return $"https://teams.microsoft.com/l/message/{Uri.EscapeDataString(channel)}/{Uri.EscapeDataString(root)}?{tenant}parentMessageId={Uri.EscapeDataString(root)}";
    }
}
