using Inbox.Core.Model;

namespace Inbox.Core.Routing;

/// <summary>The compiled conditions of a rule: every condition that is set must hold (each accepts any of its values).</summary>
public sealed class RouteMatch
{
    private readonly HashSet<ChannelKind> _channels;
    private readonly HashSet<string> _sites, _countries, _visitorTags, _chatTags;

    public RouteMatch(RouteMatchOptions options)
    {
        _channels = Values(options.Channel).Select(v => TryParseChannel(v, out var c) ? c : throw new ArgumentException($"Unknown channel {v}.")).ToHashSet();
        _sites = Set(options.Site);
        _countries = Set(options.Country);
        _visitorTags = Set(options.VisitorTag);
        _chatTags = Set(options.ChatTag);
    }

    public bool Matches(Conversation conversation, Contact contact) =>
        (_channels.Count == 0 || _channels.Contains(conversation.Channel))
        && (_sites.Count == 0 || conversation.Site is { } site && _sites.Contains(site.Trim()))
        && (_countries.Count == 0 || contact.Country is { } country && _countries.Contains(country.Trim()))
        && (_visitorTags.Count == 0 || contact.Tags.Any(_visitorTags.Contains))
        && (_chatTags.Count == 0 || conversation.Tags.Any(_chatTags.Contains));

    /// <summary>"channel widget, country DE|AT", as <c>/inbox routes</c> lists it.</summary>
    public string Describe()
    {
        var parts = new List<string>();
        if (_channels.Count > 0) parts.Add("channel " + string.Join("|", _channels.Select(c => c.ToString().ToLowerInvariant())));
        if (_sites.Count > 0) parts.Add("site " + string.Join("|", _sites));
        if (_countries.Count > 0) parts.Add("country " + string.Join("|", _countries.Select(c => c.ToUpperInvariant())));
        if (_visitorTags.Count > 0) parts.Add("visitor tag " + string.Join("|", _visitorTags));
        if (_chatTags.Count > 0) parts.Add("chat tag " + string.Join("|", _chatTags));
        return parts.Count == 0 ? "everything else" : string.Join(", ", parts);
    }

    internal static IEnumerable<string> Values(string? list) =>
        (list ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    internal static bool TryParseChannel(string text, out ChannelKind channel) =>
        Enum.TryParse(text, ignoreCase: true, out channel) && Enum.IsDefined(channel) && !int.TryParse(text, out _);

    private static HashSet<string> Set(string? list) => Values(list).ToHashSet(StringComparer.OrdinalIgnoreCase);
}
