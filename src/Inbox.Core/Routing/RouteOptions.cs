namespace Inbox.Core.Routing;

/// <summary>One routing rule as configured (<c>Routing:Rules:N</c>, or <c>Routing:Default</c> for the catch-all).</summary>
public sealed class RouteOptions
{
    /// <summary>Shown by <c>/inbox routes</c> and in thread roots; unique. The default route is called "default" unless named.</summary>
    public string? Name { get; set; }

    /// <summary>What a conversation must have for this rule to take it; every condition given must hold. Ignored on the default.</summary>
    public RouteMatchOptions Match { get; set; } = new();

    /// <summary>Slack channel id (C…) that gets this route's threads; empty: no Slack thread (the default route: <c>Slack:ChannelId</c>).</summary>
    public string? SlackChannel { get; set; }

    /// <summary>Teams channel id (19:…@thread.tacv2) in the installed team; empty: no Teams thread (the default route: the installed channel).</summary>
    public string? TeamsChannel { get; set; }

    /// <summary>"two-way" (default), "notes-by-default" or "alerts-only".</summary>
    public string? ThreadMode { get; set; }

    /// <summary>In notes-by-default threads, a reply starting with this goes to the customer. Default "&gt;&gt;".</summary>
    public string? SendPrefix { get; set; }

    /// <summary>"operator" (default): the operator's name and avatar; "alias": <see cref="Alias"/>.</summary>
    public string? CustomerSees { get; set; }

    /// <summary>The team name customers see with "alias", and whenever an operator's name is unknown. Default "Support".</summary>
    public string? Alias { get; set; }
}

/// <summary>The conditions of a rule; each is a comma-separated list of accepted values, compared without case.</summary>
public sealed class RouteMatchOptions
{
    /// <summary>Customer channel: widget, email, telegram.</summary>
    public string? Channel { get; set; }
    /// <summary>Widget site (as the widget reports it) or the email address mail came to.</summary>
    public string? Site { get; set; }
    /// <summary>Contact's country, ISO 3166-1 alpha-2 (DE, GB, …).</summary>
    public string? Country { get; set; }
    /// <summary>A tag on the visitor.</summary>
    public string? VisitorTag { get; set; }
    /// <summary>A tag on the conversation.</summary>
    public string? ChatTag { get; set; }

    internal bool IsEmpty =>
        string.IsNullOrWhiteSpace(Channel) && string.IsNullOrWhiteSpace(Site) && string.IsNullOrWhiteSpace(Country)
        && string.IsNullOrWhiteSpace(VisitorTag) && string.IsNullOrWhiteSpace(ChatTag);
}
