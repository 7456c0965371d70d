using Inbox.Core.Model;
using Inbox.Core.Routing;
using Inbox.Teams.Install;

namespace Inbox.Teams.Routing;

/// <summary>The routing rules as Teams sees them: which channel of the installed team each route's threads start in.</summary>
/// <remarks>Every route's channel is in the team Inbox is installed in: the same tenant and Connector address as <see cref="TeamsTargets.Current"/>.</remarks>
public sealed class TeamsRoutes(TeamsTargets targets, RouteBook book)
{
    public RouteBook Book => book;

    /// <summary>The route's Teams channel; the default route without one uses the installed channel; null: the route has no Teams thread.</summary>
    public string? ChannelOf(Route route) => route.TeamsChannel ?? (route.IsDefault ? targets.Current?.ChannelId : null);

    public Route RouteOf(Conversation conversation) => book.Of(conversation);

    /// <summary>Where a thread in <paramref name="channel"/> starts: the installed target with that channel; null while Teams is not installed.</summary>
    public TeamsTarget? TargetIn(string channel) => targets.Current is { } installed ? installed with { ChannelId = channel } : null;

    /// <summary>Where the conversation's thread starts; null when its route keeps it out of Teams or Teams is not installed.</summary>
    public TeamsTarget? TargetOf(Conversation conversation) =>
        targets.Current is not null && ChannelOf(book.Of(conversation)) is { } channel ? TargetIn(channel) : null;

    /// <summary>The routes whose threads start in <paramref name="channel"/>.</summary>
    public IReadOnlyList<Route> In(string channel) => book.RoutesIn(channel, ChannelOf);
}
