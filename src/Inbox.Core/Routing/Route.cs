namespace Inbox.Core.Routing;

/// <summary>A routing rule ready to use: where its conversations' threads live, how replies in them behave, who the customer sees.</summary>
public sealed class Route
{
    public const string DefaultName = "default";
    public const string DefaultSendPrefix = ">>";
    public const string DefaultAlias = "Support";

    public Route(RouteOptions options, bool isDefault)
    {
        IsDefault = isDefault;
        Name = string.IsNullOrWhiteSpace(options.Name) ? DefaultName : options.Name.Trim();
        Match = new RouteMatch(isDefault ? new RouteMatchOptions() : options.Match);
        SlackChannel = string.IsNullOrWhiteSpace(options.SlackChannel) ? null : options.SlackChannel.Trim();
        TeamsChannel = string.IsNullOrWhiteSpace(options.TeamsChannel) ? null : options.TeamsChannel.Trim();
        Mode = ThreadModes.TryParse(options.ThreadMode, out var mode) ? mode : ThreadMode.TwoWay;
        SendPrefix = string.IsNullOrEmpty(options.SendPrefix) ? DefaultSendPrefix : options.SendPrefix;
        CustomerSees = TryParseCustomerSees(options.CustomerSees, out var sees) ? sees : CustomerSees.Operator;
        Alias = string.IsNullOrWhiteSpace(options.Alias) ? DefaultAlias : options.Alias.Trim();
    }

    public string Name { get; }
    /// <summary>The catch-all route; its empty targets mean the bridge's own default channel (<c>Slack:ChannelId</c>, the installed Teams channel).</summary>
    public bool IsDefault { get; }
    public RouteMatch Match { get; }
    /// <summary>Slack channel id; null: the default route uses the Slack bridge's channel, any other route has no Slack thread.</summary>
    public string? SlackChannel { get; }
    /// <summary>Teams channel id; null: the default route uses the installed channel, any other route has no Teams thread.</summary>
    public string? TeamsChannel { get; }
    public ThreadMode Mode { get; }
    public string SendPrefix { get; }
    public CustomerSees CustomerSees { get; }
    public string Alias { get; }

    /// <summary>The name a customer sees on a reply by an operator called <paramref name="operatorName"/>; never "Bot".</summary>
    public string SenderNameFor(string? operatorName) =>
        CustomerSees == CustomerSees.Operator && !string.IsNullOrWhiteSpace(operatorName)
            && !operatorName.Trim().Equals("bot", StringComparison.OrdinalIgnoreCase)
            ? operatorName.Trim()
            : Alias;

    public static bool TryParseCustomerSees(string? text, out CustomerSees sees)
    {
        (var known, sees) = (text ?? "").Trim().ToLowerInvariant() switch
        {
            "operator" => (true, CustomerSees.Operator),
            "alias" => (true, CustomerSees.Alias),
            _ => (false, CustomerSees.Operator),
        };
        return known;
    }
}
