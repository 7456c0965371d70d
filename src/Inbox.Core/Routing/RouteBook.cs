using Inbox.Core.Model;

namespace Inbox.Core.Routing;

/// <summary>The configured routes in order, and the one that takes a conversation.</summary>
public sealed class RouteBook
{
    private readonly Dictionary<string, Route> _byName;

    /// <param name="options">Already validated (<see cref="RoutingOptions.Validate"/>).</param>
    public RouteBook(RoutingOptions options)
    {
        Rules = options.Rules.Select(r => new Route(r, isDefault: false)).ToList();
        Default = new Route(options.Default, isDefault: true);
        _byName = new Dictionary<string, Route>(StringComparer.OrdinalIgnoreCase);
        foreach (var route in Rules.Append(Default)) _byName.TryAdd(route.Name, route);
    }

    /// <summary>The rules, in the order they are tried.</summary>
    public IReadOnlyList<Route> Rules { get; }
    public Route Default { get; }
    /// <summary>Every route: the rules, then the default.</summary>
    public IEnumerable<Route> All => Rules.Append(Default);

    /// <summary>The first rule the conversation matches, else the default.</summary>
    public Route Match(Conversation conversation, Contact contact) =>
        Rules.FirstOrDefault(r => r.Match.Matches(conversation, contact)) ?? Default;

    /// <summary>The route a conversation was given; one that is no longer configured (or none) means the default.</summary>
    public Route Named(string? name) => name is not null && _byName.TryGetValue(name, out var route) ? route : Default;

    /// <summary>The routes whose threads start in <paramref name="channel"/> on a surface, with <paramref name="channelOf"/> giving each route's channel there.</summary>
    public IReadOnlyList<Route> RoutesIn(string channel, Func<Route, string?> channelOf) =>
        All.Where(r => string.Equals(channelOf(r), channel, StringComparison.Ordinal)).ToList();

    /// <summary>The view filter for conversations these routes took (those without a route name count as the default's).</summary>
    public static Views.ConversationFilter FilterFor(IReadOnlyList<Route> routes, Views.ConversationFilter? filter = null) =>
        (filter ?? new Views.ConversationFilter()) with
        {
            Routes = routes.Select(r => r.Name).ToList(),
            IncludeUnrouted = routes.Any(r => r.IsDefault),
        };

    /// <summary>The route of a stored conversation.</summary>
    public Route Of(Conversation conversation) => Named(conversation.RouteName);
}
