using Inbox.Core.Events;
using Inbox.Core.Outbox;

namespace Inbox.Slack.Mirroring;

/// <summary>Decides what each inbox event means for the conversation's Slack thread and puts it in the outbox.</summary>
/// <remarks>A conversation whose route has no Slack channel gets no Slack thread at all; one re-routed to another channel moves its thread.</remarks>
public sealed class SlackOutboxRouter(Routing.SlackRoutes routes) : IOutboxRouter
{
    public const string Destination = "slack";

    /// <summary>Messages written in Slack carry external ids starting "slack:"; they are already in the thread.</summary>
    public const string Surface = "slack";

    public const string ExternalIdPrefix = Surface + ":";

    public void Route(InboxEvent inboxEvent, ICollection<OutboxMessage> outbox)
    {
        if (routes.ChannelOf(inboxEvent.Conversation) is null) return;
        ThreadMirrorRouting.Route(inboxEvent, outbox, Destination, Surface, (step, id, messageId) => new SlackPush(step switch
        {
            ThreadMirrorStep.Root => SlackPushKind.Root,
            ThreadMirrorStep.Message => SlackPushKind.Message,
            _ => SlackPushKind.RootUpdate,
        }, id, messageId).ToJson(), (id, channel) => new SlackPush(SlackPushKind.Move, id, Channel: channel).ToJson(), routes.ChannelOf);
    }
}
