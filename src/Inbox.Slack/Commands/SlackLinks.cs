using Inbox.Core.Model;
using Inbox.Slack.Mirroring;
using Inbox.Slack.Rendering;
using Inbox.Slack.WebApi;

namespace Inbox.Slack.Commands;

/// <summary>Links to conversation threads, built from the workspace URL (auth.test, asked once) and the thread's channel and ts.</summary>
public sealed class SlackLinks(SlackWebApi slack)
{
    private string? _workspaceUrl;

    /// <summary>"#123" as a link to its thread when the thread and the workspace are known, else plain.</summary>
    public async Task<string> ConversationAsync(long conversationId, ConversationThread? thread, CancellationToken cancellationToken)
    {
        if (thread is null) return $"#{conversationId}";
        var workspace = await WorkspaceUrlAsync(cancellationToken);
        if (workspace is null) return $"#{conversationId}";
        var (channel, ts) = SlackThreadId.Parse(thread.ExternalId);
        return $"<{workspace}archives/{channel}/p{ts.Replace(".", "", StringComparison.Ordinal)}|#{conversationId}>";
    }

    /// <summary>A link labelled <paramref name="label"/> (mrkdwn, already escaped) to a thread root "channel:ts", or the label alone when the workspace is unknown.</summary>
    public async Task<string> ThreadAsync(string threadExternalId, string label, CancellationToken cancellationToken)
    {
        var workspace = await WorkspaceUrlAsync(cancellationToken);
        if (workspace is null) return label;
        var (channel, ts) = SlackThreadId.Parse(threadExternalId);
        return $"<{workspace}archives/{channel}/p{ts.Replace(".", "", StringComparison.Ordinal)}|{label}>";
    }

    private async Task<string?> WorkspaceUrlAsync(CancellationToken cancellationToken)
    {
        if (_workspaceUrl is not null) return _workspaceUrl;
        var answer = await slack.CallAsync("auth.test", new { }, cancellationToken);
        var url = answer.Ok ? answer.Field("url") : null;
        if (url is null || !Uri.TryCreate(url, UriKind.Absolute, out _)) return null;
        return _workspaceUrl = SlackText.Escape(url.EndsWith('/') ? url : url + "/");
    }
}
