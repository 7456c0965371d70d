using System.Text.Json.Nodes;

namespace Inbox.Channels.Telegram.BotApi;

/// <summary>What one Bot API call came back with, classified for retrying.</summary>
/// <param name="Result">The <c>result</c> of a successful call.</param>
/// <param name="Description">Telegram's <c>description</c> of a failure (or what went wrong on the way).</param>
/// <param name="RetryAfter">From <c>parameters.retry_after</c> of a 429.</param>
public sealed record TelegramApiResponse(TelegramOutcome Outcome, JsonNode? Result, string? Description, TimeSpan? RetryAfter = null)
{
    public bool Ok => Outcome == TelegramOutcome.Ok;

    public override string ToString() => Ok ? "ok" : $"{Outcome}: {Description}";
}

/// <summary>Whether a call worked, may work later, or never will.</summary>
public enum TelegramOutcome
{
    Ok,
    /// <summary>HTTP 429: try again after <see cref="TelegramApiResponse.RetryAfter"/>.</summary>
    Throttled,
    /// <summary>5xx, a timeout, a network error or an unreadable answer.</summary>
    Transient,
    /// <summary>Any other 4xx (blocked by the user, chat not found, bad token, ...): retrying cannot help.</summary>
    Refused,
}
