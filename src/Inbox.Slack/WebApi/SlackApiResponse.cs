using System.Text.Json.Nodes;

namespace Inbox.Slack.WebApi;

/// <summary>What one Web API call came back with, classified for retrying.</summary>
public sealed record SlackApiResponse(SlackOutcome Outcome, string? Error, JsonObject? Body, TimeSpan? RetryAfter = null)
{
    public bool Ok => Outcome == SlackOutcome.Ok;

    /// <summary>A string field of the answer, e.g. "ts" or "channel".</summary>
    public string? Field(string name) => Body?[name]?.GetValue<string>();

    public override string ToString() => Ok ? "ok" : $"{Outcome}: {Error}";
}

/// <summary>Whether a call worked, may work later, or never will.</summary>
public enum SlackOutcome
{
    Ok,
    /// <summary>HTTP 429 or <c>ratelimited</c>: try again after <see cref="SlackApiResponse.RetryAfter"/>.</summary>
    RateLimited,
    /// <summary>5xx, a timeout, a network error or one of Slack's own transient errors.</summary>
    Transient,
    /// <summary><c>ok:false</c> with an error retrying cannot fix (channel_not_found, invalid_auth, ...).</summary>
    Permanent,
}
