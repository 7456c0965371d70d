using Inbox.Core.Events;
using Inbox.Core.Outbox;
using Inbox.Teams.Install;

namespace Inbox.Teams.Mirroring;

/// <summary>Decides what each inbox event means for the conversation's Teams thread and puts it in the outbox.</summary>
/// <remarks>
/// Nothing is routed while Teams has not said where the bot is installed. Messages written in Teams are already in the
/// thread and are not posted again; everything else (customers, other surfaces, the operator API) is.
/// Teams deliveries have their own partition per conversation, so a slow Teams never holds up Slack or the widget.
/// A conversation whose route has no Teams channel gets no Teams thread (without routing rules, every route is the default).
/// </remarks>
public sealed class TeamsOutboxRouter(TeamsTargets targets, Core.Routing.RouteBook? book = null) : IOutboxRouter
{
    private readonly Routing.TeamsRoutes _routes = new(targets, book ?? new Core.Routing.RouteBook(new Core.Routing.RoutingOptions()));

    public const string Destination = "teams";

    /// <summary>Messages written in Teams carry external ids with this prefix.</summary>
    public const string Surface = "teams";

    public void Route(InboxEvent inboxEvent, ICollection<OutboxMessage> outbox)
    {
        if (targets.Current is null || _routes.TargetOf(inboxEvent.Conversation) is null) return;
        ThreadMirrorRouting.Route(inboxEvent, outbox, Destination, Surface, (step, id, messageId) => new TeamsPush(step switch
        {
            ThreadMirrorStep.Root => TeamsPushKind.Root,
            ThreadMirrorStep.Message => TeamsPushKind.Message,
            _ => TeamsPushKind.RootUpdate,
        }, id, messageId).ToJson(), (id, channel) => new TeamsPush(TeamsPushKind.Move, id, Channel: channel).ToJson(), _routes.ChannelOf);
    }

    public static string Partition(long conversationId) => OutboxMessage.ConversationPartition(Destination, conversationId);
}
