namespace Inbox.Teams;

/// <summary>The Teams bridge's settings, bound from the "Teams" section (env: Teams__AppId, ...).</summary>
public sealed class TeamsOptions
{
    public const string Section = "Teams";

    /// <summary>The bot's Microsoft App ID: the audience of every token Teams sends.</summary>
    public string? AppId { get; set; }
    /// <summary>The bot's client secret, for the tokens Inbox sends with its own calls.</summary>
    public string? AppPassword { get; set; }
    /// <summary>For a single-tenant bot, its tenant; empty for multi-tenant.</summary>
    public string? TenantId { get; set; }
    /// <summary>Comma-separated tenant ids this Inbox serves; empty: <see cref="TenantId"/>, else the tenant that installed it first.</summary>
    public string AllowedTenants { get; set; } = "";
    /// <summary>Where Bot Framework publishes its token signing keys.</summary>
    public Uri OpenIdMetadataUrl { get; set; } = new("https://login.botframework.com/v1/.well-known/openidconfiguration");
    /// <summary>Where Inbox gets its own tokens (client credentials).</summary>
    public Uri TokenEndpoint { get; set; } = new("https://login.microsoftonline.com/botframework.com/oauth2/v2.0/token");
    /// <summary>The channel for conversation threads; empty: where the bot was installed or told "use this channel".</summary>
    public string? ChannelId { get; set; }
    /// <summary>The Connector address used before Teams has sent any activity (with a configured channel and tenant).</summary>
    public Uri ServiceUrl { get; set; } = new("https://smba.trafficmanager.net/teams/");
    /// <summary>Most posts per second into one thread (Teams allows a few; pacing keeps 429s rare).</summary>
    public double ThreadPostsPerSecond { get; set; } = 1;
    /// <summary>Posts to one thread that may go back to back before the pace applies.</summary>
    public int ThreadPostBurst { get; set; } = 3;
    /// <summary>Most Connector calls per second for the whole app (Teams allows about 50 per tenant).</summary>
    public double AppPostsPerSecond { get; set; } = 20;
    /// <summary>A thread reply starting with one of these (comma-separated) is an internal note.</summary>
    public string NotePrefix { get; set; } = "//,note:";
    /// <summary>Clock skew tolerated on token lifetimes.</summary>
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The note prefixes, longest first, so "note:" is not taken for a shorter one it starts with.</summary>
    public IReadOnlyList<string> NotePrefixes => NotePrefix.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        .OrderByDescending(p => p.Length).ToArray();

    /// <summary>The configured tenants served (<see cref="AllowedTenants"/> and <see cref="TenantId"/>); empty when none is configured.</summary>
    public IReadOnlyList<string> ServedTenants =>
        [.. AllowedTenants.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), .. string.IsNullOrWhiteSpace(TenantId) ? [] : new[] { TenantId.Trim() }];

    /// <summary>The bridge runs only with both an app id and a password.</summary>
    public bool IsEnabled => !string.IsNullOrWhiteSpace(AppId) && !string.IsNullOrWhiteSpace(AppPassword);

    public IEnumerable<string> Validate()
    {
        if (string.IsNullOrWhiteSpace(AppId) != string.IsNullOrWhiteSpace(AppPassword))
            yield return $"{Section}:AppId and {Section}:AppPassword go together: set both to turn the Teams bridge on, or neither.";
        if (!IsEnabled) yield break;
        if (!OpenIdMetadataUrl.IsAbsoluteUri) yield return $"{Section}:OpenIdMetadataUrl must be an absolute URL.";
        if (!TokenEndpoint.IsAbsoluteUri) yield return $"{Section}:TokenEndpoint must be an absolute URL.";
        if (NotePrefixes.Count == 0) yield return $"{Section}:NotePrefix must name at least one prefix (e.g. //).";
        if (!ServiceUrl.IsAbsoluteUri) yield return $"{Section}:ServiceUrl must be an absolute URL.";
        if (ThreadPostsPerSecond is <= 0 or > 50) yield return $"{Section}:ThreadPostsPerSecond must be above 0 and at most 50.";
        if (ThreadPostBurst is < 1 or > 50) yield return $"{Section}:ThreadPostBurst must be between 1 and 50.";
        if (AppPostsPerSecond is <= 0 or > 1000) yield return $"{Section}:AppPostsPerSecond must be above 0 and at most 1000.";
        if (AllowedTenants.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Any(t => !Guid.TryParse(t, out _)))
            yield return $"{Section}:AllowedTenants must be tenant ids (GUIDs), separated by commas.";
        if (TenantId is { Length: > 0 } tenant && !Guid.TryParse(tenant, out _))
            yield return $"{Section}:TenantId must be a tenant id (a GUID) or empty.";
        if (ClockSkew < TimeSpan.Zero || ClockSkew > TimeSpan.FromMinutes(10))
            yield return $"{Section}:ClockSkew must be between 0 and 10 minutes.";
    }
}
