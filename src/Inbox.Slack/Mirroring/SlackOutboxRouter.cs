using Inbox.Core.Events;
using Inbox.Core.Model;
using Inbox.Core.Outbox;

namespace Inbox.Slack.Mirroring;

/// <summary>Decides what each inbox event means for the conversation's Slack thread and puts it in the outbox.</summary>
public sealed class SlackOutboxRouter : IOutboxRouter
{
    public const string Destination = "slack";

    /// <summary>Messages written in Slack carry external ids starting "slack:"; they are already in the thread.</summary>
    public const string Surface = "slack";

    public const string ExternalIdPrefix = Surface + ":";

    public void Route(InboxEvent inboxEvent, ICollection<OutboxMessage> outbox)
    {
        if (inboxEvent.IsSilenced) return;
        var id = inboxEvent.Conversation.Id;
        var partition = OutboxMessage.ConversationPartition(Destination, id);
        switch (inboxEvent)
        {
            case ConversationStarted:
                outbox.Add(Root(id, partition));
                break;
            // A conversation taken out of Spam may never have had a thread (spam notifies nobody): start it now.
            // A repeat of the key is not enqueued, and the deliverer keeps a thread that exists.
            case StatusChanged { Previous: ConversationStatus.Spam, Conversation.Status: ConversationStatus.Open }:
                outbox.Add(Root(id, partition));
                outbox.Add(RootUpdate(inboxEvent, id, partition));
                break;
            case MessageAdded { Message: var message } when !MessageOrigin.IsFrom(message, Surface):
                outbox.Add(new OutboxMessage(Destination, partition, $"slack:message:{message.Id}",
                    new SlackPush(SlackPushKind.Message, id, message.Id).ToJson(), message.Id));
                break;
            case AssigneeChanged or StatusChanged or FactsChanged or OperatorJoined:
                outbox.Add(RootUpdate(inboxEvent, id, partition));
                break;
        }
    }

    private static OutboxMessage Root(long id, string partition) =>
        new(Destination, partition, $"slack:root:{id}", new SlackPush(SlackPushKind.Root, id).ToJson(), ThreadOf: id);

    private static OutboxMessage RootUpdate(InboxEvent inboxEvent, long id, string partition) =>
        new(Destination, partition, $"slack:root-update:{id}:{inboxEvent.OccurredAt.UtcTicks}:{inboxEvent.GetType().Name}",
            new SlackPush(SlackPushKind.RootUpdate, id).ToJson());
}
