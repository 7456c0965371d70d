using Inbox.Core.Events;
using Inbox.Core.Model;
using Inbox.Core.Outbox;
using Inbox.Teams.Install;

namespace Inbox.Teams.Mirroring;

/// <summary>Decides what each inbox event means for the conversation's Teams thread and puts it in the outbox.</summary>
/// <remarks>
/// Nothing is routed while Teams has not said where the bot is installed. Messages written in Teams are already in the
/// thread and are not posted again; everything else (customers, other surfaces, the operator API) is.
/// Teams deliveries have their own partition per conversation, so a slow Teams never holds up Slack or the widget.
/// </remarks>
public sealed class TeamsOutboxRouter(TeamsTargets targets) : IOutboxRouter
{
    public const string Destination = "teams";

    /// <summary>Messages written in Teams carry external ids with this prefix.</summary>
    public const string Surface = "teams";

    public void Route(InboxEvent inboxEvent, ICollection<OutboxMessage> outbox)
    {
        if (inboxEvent.IsSilenced || targets.Current is null) return;
        var id = inboxEvent.Conversation.Id;
        var partition = Partition(id);
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
                outbox.Add(new OutboxMessage(Destination, partition, $"teams:message:{message.Id}",
                    new TeamsPush(TeamsPushKind.Message, id, message.Id).ToJson(), message.Id));
                break;
            case AssigneeChanged or StatusChanged or FactsChanged or OperatorJoined:
                outbox.Add(RootUpdate(inboxEvent, id, partition));
                break;
        }
    }

    private static OutboxMessage Root(long id, string partition) =>
        new(Destination, partition, $"teams:root:{id}", new TeamsPush(TeamsPushKind.Root, id).ToJson(), ThreadOf: id);

    private static OutboxMessage RootUpdate(InboxEvent inboxEvent, long id, string partition) =>
        new(Destination, partition, $"teams:root-update:{id}:{inboxEvent.OccurredAt.UtcTicks}:{inboxEvent.GetType().Name}",
            new TeamsPush(TeamsPushKind.RootUpdate, id).ToJson());

    public static string Partition(long conversationId) => OutboxMessage.ConversationPartition(Destination, conversationId);
}
