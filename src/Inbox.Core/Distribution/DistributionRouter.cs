using Inbox.Core.Events;
using Inbox.Core.Outbox;

namespace Inbox.Core.Distribution;

/// <summary>
/// Asks for a distribution pass, durably through the outbox, whenever a conversation may need an assignee or an
/// operator may have room: a conversation starts or comes back, or one is closed, marked spam or handed over.
/// </summary>
/// <remarks>A crash between the change and the pass loses nothing: the request waits in the outbox.</remarks>
public sealed class DistributionRouter(DistributionOptions options) : IOutboxRouter
{
    public const string Destination = "distribution";

    public void Route(InboxEvent inboxEvent, ICollection<OutboxMessage> outbox)
    {
        if (options.Mode == DistributionMode.Off || inboxEvent.IsSilenced) return;
        var reason = inboxEvent switch
        {
            ConversationStarted => "started",
            StatusChanged changed when changed.Conversation.Status != changed.Previous => $"status-{changed.Conversation.Status}",
            AssigneeChanged { Previous: not null } => "handed-over",
            _ => null,
        };
        if (reason is null) return;
        // One partition: passes run one after another.
        outbox.Add(new OutboxMessage(Destination, Destination,
            $"distribution:{inboxEvent.Conversation.Id}:{reason}:{inboxEvent.OccurredAt.UtcTicks}", "{}"));
    }
}

/// <summary>Runs the distribution pass an outbox request asked for.</summary>
public sealed class DistributionDeliverer(Distributor distributor) : IOutboxDeliverer
{
    public string Destination => DistributionRouter.Destination;

    public async Task<DeliveryResult> DeliverAsync(OutboxDelivery delivery, CancellationToken cancellationToken)
    {
        await distributor.AssignWaitingAsync(cancellationToken);
        return DeliveryResult.Done();
    }
}
