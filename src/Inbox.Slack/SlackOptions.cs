namespace Inbox.Slack;

/// <summary>The Slack bridge's settings, bound from the "Slack" section (env: Slack__SigningSecret, ...).</summary>
public sealed class SlackOptions
{
    public const string Section = "Slack";

    /// <summary>The app's signing secret (Basic Information page); checks every request Slack sends.</summary>
    public string? SigningSecret { get; set; }
    /// <summary>The bot token (xoxb-...) used for Web API calls.</summary>
    public string? BotToken { get; set; }
    /// <summary>The channel where each conversation gets its thread (C...).</summary>
    public string? ChannelId { get; set; }
    /// <summary>Where the Web API lives; tests point it at the fake.</summary>
    public Uri ApiBaseUrl { get; set; } = new("https://slack.com/api/");
    /// <summary>A thread reply starting with one of these (comma-separated) is an internal note.</summary>
    public string NotePrefix { get; set; } = "//,note:";
    /// <summary>Requests whose timestamp is further than this from now are refused as replays.</summary>
    public TimeSpan MaxRequestAge { get; set; } = TimeSpan.FromMinutes(5);
    /// <summary>Posts per second into one channel (Slack allows about one, with short bursts).</summary>
    public double PostsPerSecond { get; set; } = 1;
    /// <summary>Posts that may go out back to back before the pace applies.</summary>
    public int PostBurst { get; set; } = 3;
    /// <summary>How long a slash command may work before Slack gets "working on it" and the answer follows through response_url (Slack allows 3 s).</summary>
    public TimeSpan CommandAnswerBudget { get; set; } = TimeSpan.FromSeconds(2.5);
    /// <summary>Longest single Web API call.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The bridge runs only with both a signing secret and a bot token.</summary>
    public bool IsEnabled => !string.IsNullOrWhiteSpace(SigningSecret) && !string.IsNullOrWhiteSpace(BotToken);

    public IReadOnlyList<string> NotePrefixes =>
        NotePrefix.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public IEnumerable<string> Validate()
    {
        if (string.IsNullOrWhiteSpace(SigningSecret) != string.IsNullOrWhiteSpace(BotToken))
            yield return $"{Section}:SigningSecret and {Section}:BotToken go together: set both to turn the Slack bridge on, or neither.";
        if (!IsEnabled) yield break;
        if (!BotToken!.StartsWith("xoxb-", StringComparison.Ordinal))
            yield return $"{Section}:BotToken must be a bot token (xoxb-...).";
        if (string.IsNullOrWhiteSpace(ChannelId))
            yield return $"{Section}:ChannelId must name the channel for conversation threads (e.g. C0123456789).";
        if (!ApiBaseUrl.IsAbsoluteUri || !ApiBaseUrl.AbsoluteUri.EndsWith('/'))
            yield return $"{Section}:ApiBaseUrl must be an absolute URL ending in '/' (default https://slack.com/api/).";
        if (NotePrefixes.Count == 0)
            yield return $"{Section}:NotePrefix must name at least one prefix (e.g. //).";
        if (MaxRequestAge <= TimeSpan.Zero || MaxRequestAge > TimeSpan.FromMinutes(30))
            yield return $"{Section}:MaxRequestAge must be between 0 and 30 minutes.";
        if (PostsPerSecond is <= 0 or > 1000)
            yield return $"{Section}:PostsPerSecond must be above 0 and at most 1000.";
        if (PostBurst is < 1 or > 100)
            yield return $"{Section}:PostBurst must be between 1 and 100.";
        if (CommandAnswerBudget <= TimeSpan.Zero || CommandAnswerBudget >= TimeSpan.FromSeconds(3))
            yield return $"{Section}:CommandAnswerBudget must be above 0 and below 3 seconds (Slack's deadline).";
        if (RequestTimeout <= TimeSpan.Zero)
            yield return $"{Section}:RequestTimeout must be positive.";
    }
}
