using Inbox.Core.Model;
using Inbox.Core.Routing;
using Microsoft.Extensions.Options;

namespace Inbox.Slack.Routing;

/// <summary>The routing rules as Slack sees them: which channel each route's threads start in, and which routes a channel holds.</summary>
public sealed class SlackRoutes(RouteBook book, IOptions<SlackOptions> options)
{
    public RouteBook Book => book;

    /// <summary>The route's Slack channel; the default route without one uses <c>Slack:ChannelId</c>; null: the route has no Slack thread.</summary>
    public string? ChannelOf(Route route) => route.SlackChannel ?? (route.IsDefault ? options.Value.ChannelId : null);

    public Route RouteOf(Conversation conversation) => book.Of(conversation);

    /// <summary>Where the conversation's thread starts; null when its route keeps it out of Slack.</summary>
    public string? ChannelOf(Conversation conversation) => ChannelOf(book.Of(conversation));

    /// <summary>The routes whose threads start in <paramref name="channel"/>.</summary>
    public IReadOnlyList<Route> In(string channel) => book.RoutesIn(channel, ChannelOf);
}
