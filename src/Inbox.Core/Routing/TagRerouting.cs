using Inbox.Core.Events;
using Inbox.Core.Model;
using Inbox.Core.Outbox;
using Inbox.Core.Storage;

namespace Inbox.Core.Routing;

/// <summary>Tries the routing rules again on a live conversation whose tags (or its visitor's) changed, and gives it the route that now matches.</summary>
/// <remarks>
/// Only open conversations move: a closed one is history, and a reopened one keeps the route it had. A conversation an
/// operator moved by hand stays where they put it. Each surface decides from <see cref="ConversationRerouted"/> whether its
/// thread moves (see <see cref="ThreadMirrorRouting"/>).
/// </remarks>
public sealed class TagRerouting(RouteBook routes, OutboxRouting routing)
{
    /// <returns>The route the conversation moved to; null when it stays on its route.</returns>
    public Route? Reroute(IInboxUnitOfWork uow, Conversation conversation, Contact contact, Operator actor, DateTimeOffset now)
    {
        if (conversation.Status != ConversationStatus.Open || conversation.MovedByHandAt is not null) return null;
        var previous = routes.Of(conversation);
        var current = routes.Match(conversation, contact);
        if (ReferenceEquals(previous, current)) return null;
        conversation.RouteTo(current.Name);
        routing.Publish(uow, new ConversationRerouted(conversation, contact, previous, current, actor, now));
        return current;
    }
}
