using System.Text.RegularExpressions;

namespace Inbox.Channels.Telegram;

/// <summary>The Telegram channel's settings, bound from the "Telegram" section (env: Telegram__BotToken, ...).</summary>
public sealed partial class TelegramOptions
{
    public const string Section = "Telegram";

    /// <summary>The bot's token from @BotFather (123456789:AA...); used for every Bot API call.</summary>
    public string? BotToken { get; set; }
    /// <summary>The secret_token given to setWebhook; Telegram sends it back in X-Telegram-Bot-Api-Secret-Token with every update.</summary>
    public string? WebhookSecret { get; set; }
    /// <summary>Where the Bot API lives; tests point it at the fake.</summary>
    public Uri ApiBaseUrl { get; set; } = new("https://api.telegram.org");
    /// <summary>The public address used in links to files customers send (e.g. https://inbox.example.com); empty: Widget:PublicBaseUrl, else the webhook request's.</summary>
    public Uri? PublicBaseUrl { get; set; }
    /// <summary>Longest single Bot API call (a file download included).</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The channel runs only with both a bot token and a webhook secret.</summary>
    public bool IsEnabled => !string.IsNullOrWhiteSpace(BotToken) && !string.IsNullOrWhiteSpace(WebhookSecret);

    public IEnumerable<string> Validate()
    {
        if (string.IsNullOrWhiteSpace(BotToken) != string.IsNullOrWhiteSpace(WebhookSecret))
            yield return $"{Section}:BotToken and {Section}:WebhookSecret go together: set both to turn the Telegram channel on, or neither.";
        if (!IsEnabled) yield break;
        if (!BotTokenShape().IsMatch(BotToken!))
            yield return $"{Section}:BotToken must be a bot token as @BotFather gives it (digits, a colon, then letters, digits, '_' or '-').";
        if (!WebhookSecretShape().IsMatch(WebhookSecret!))
            yield return $"{Section}:WebhookSecret must be 1 to 256 characters of A-Z, a-z, 0-9, '_' and '-' (Telegram's rule for secret_token).";
        if (!ApiBaseUrl.IsAbsoluteUri || ApiBaseUrl.Scheme is not ("http" or "https"))
            yield return $"{Section}:ApiBaseUrl must be an absolute http(s) address (default https://api.telegram.org).";
        if (PublicBaseUrl is { IsAbsoluteUri: false } || PublicBaseUrl?.Scheme is not (null or "http" or "https"))
            yield return $"{Section}:PublicBaseUrl must be an absolute http(s) address such as https://inbox.example.com.";
        if (RequestTimeout <= TimeSpan.Zero || RequestTimeout > TimeSpan.FromMinutes(5))
            yield return $"{Section}:RequestTimeout must be above 0 and at most 5 minutes.";
    }

    [GeneratedRegex("^[0-9]+:[A-Za-z0-9_-]+$")]
    private static partial Regex BotTokenShape();

    [GeneratedRegex("^[A-Za-z0-9_-]{1,256}$")]
    private static partial Regex WebhookSecretShape();
}
