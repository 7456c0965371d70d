using Inbox.Core.Events;
using Inbox.Core.Outbox;

namespace Inbox.Slack.Mirroring;

/// <summary>Decides what each inbox event means for the conversation's Slack thread and puts it in the outbox.</summary>
public sealed class SlackOutboxRouter : IOutboxRouter
{
    public const string Destination = "slack";

    /// <summary>Messages written in Slack carry external ids starting "slack:"; they are already in the thread.</summary>
    public const string Surface = "slack";

    public const string ExternalIdPrefix = Surface + ":";

    public void Route(InboxEvent inboxEvent, ICollection<OutboxMessage> outbox) =>
        ThreadMirrorRouting.Route(inboxEvent, outbox, Destination, Surface, (step, id, messageId) => new SlackPush(step switch
        {
            ThreadMirrorStep.Root => SlackPushKind.Root,
            ThreadMirrorStep.Message => SlackPushKind.Message,
            _ => SlackPushKind.RootUpdate,
        }, id, messageId).ToJson());
}
