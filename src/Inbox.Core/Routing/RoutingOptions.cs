namespace Inbox.Core.Routing;

/// <summary>
/// Which Slack and Teams channels get a conversation's thread, in which thread mode, and whose name its customer sees;
/// bound from the "Routing" section. Rules are tried in order, the first match wins, <see cref="Default"/> takes the rest.
/// </summary>
public sealed class RoutingOptions
{
    public const string Section = "Routing";

    public List<RouteOptions> Rules { get; set; } = [];

    public RouteOptions Default { get; set; } = new();

    /// <summary>Returns what is wrong, each line naming the rule (<c>Routing:Rules:2 ("vip")</c>); empty when valid.</summary>
    public IEnumerable<string> Validate()
    {
        var errors = new List<string>();
        var names = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < Rules.Count; i++)
        {
            var rule = Rules[i];
            var where = $"{Section}:Rules:{i}" + (string.IsNullOrWhiteSpace(rule?.Name) ? "" : $" (\"{rule.Name.Trim()}\")");
            if (rule is null)
            {
                errors.Add($"{where} is empty.");
                continue;
            }
            if (string.IsNullOrWhiteSpace(rule.Name))
                errors.Add($"{where} needs a Name.");
            else if (!names.TryAdd(rule.Name.Trim(), where))
                errors.Add($"{where}: the name \"{rule.Name.Trim()}\" is already used by {names[rule.Name.Trim()]}.");
            if (rule.Match.IsEmpty)
                errors.Add($"{where} matches everything: give it a Match (Channel, Site, Country, VisitorTag or ChatTag), or use {Section}:Default.");
            if (string.IsNullOrWhiteSpace(rule.SlackChannel) && string.IsNullOrWhiteSpace(rule.TeamsChannel))
                errors.Add($"{where} has no target: set SlackChannel and/or TeamsChannel.");
            errors.AddRange(CommonErrors(rule, where));
        }

        var defaultWhere = $"{Section}:Default";
        var defaultName = string.IsNullOrWhiteSpace(Default.Name) ? Route.DefaultName : Default.Name.Trim();
        if (names.TryGetValue(defaultName, out var clash))
            errors.Add($"{clash}: the name \"{defaultName}\" is the default route's ({defaultWhere}); give the rule another name.");
        if (!Default.Match.IsEmpty)
            errors.Add($"{defaultWhere} takes every conversation no rule took; it cannot have a Match (make it a rule under {Section}:Rules).");
        errors.AddRange(CommonErrors(Default, defaultWhere));
        return errors;
    }

    private static IEnumerable<string> CommonErrors(RouteOptions rule, string where)
    {
        if (rule.Name is { Length: > 100 })
            yield return $"{where}: Name must be at most 100 characters.";
        if (rule.ThreadMode is { } mode && !string.IsNullOrWhiteSpace(mode) && !ThreadModes.TryParse(mode, out _))
            yield return $"{where}: ThreadMode \"{mode}\" is not two-way, notes-by-default or alerts-only.";
        if (rule.CustomerSees is { } sees && !string.IsNullOrWhiteSpace(sees) && !Route.TryParseCustomerSees(sees, out _))
            yield return $"{where}: CustomerSees \"{sees}\" is not operator or alias.";
        if (rule.SendPrefix is { } prefix && prefix.Length > 0 && string.IsNullOrWhiteSpace(prefix))
            yield return $"{where}: SendPrefix must not be only spaces.";
        if (rule.Alias is { Length: > 80 })
            yield return $"{where}: Alias must be at most 80 characters.";
        if (rule.Alias is { } alias && alias.Trim().Equals("bot", StringComparison.OrdinalIgnoreCase))
            yield return $"{where}: Alias must name your team, not \"Bot\".";
        if (rule.SlackChannel is { } slack && !string.IsNullOrWhiteSpace(slack) && !IsSlackChannelId(slack.Trim()))
            yield return $"{where}: SlackChannel \"{slack}\" is not a Slack channel id (C… or G…, as in the channel's details).";
        if (rule.TeamsChannel is { } teams && !string.IsNullOrWhiteSpace(teams) && !teams.Trim().StartsWith("19:", StringComparison.Ordinal))
            yield return $"{where}: TeamsChannel \"{teams}\" is not a Teams channel id (19:…@thread.tacv2).";
        foreach (var channel in RouteMatch.Values(rule.Match.Channel))
            if (!RouteMatch.TryParseChannel(channel, out _))
                yield return $"{where}: Match:Channel \"{channel}\" is not widget, email or telegram.";
        foreach (var country in RouteMatch.Values(rule.Match.Country))
            if (country.Length != 2 || !country.All(char.IsAsciiLetter))
                yield return $"{where}: Match:Country \"{country}\" is not a two-letter ISO country code (DE, GB, …).";
    }

    private static bool IsSlackChannelId(string id) =>
        id.Length >= 9 && id[0] is 'C' or 'G' && id.All(char.IsAsciiLetterOrDigit) && id.Skip(1).All(c => !char.IsAsciiLetterLower(c));
}
