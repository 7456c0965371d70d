namespace Inbox.Core.Outbox;

/// <summary>Delivers outbox messages of one destination; must tolerate redelivery of the same idempotency key.</summary>
public interface IOutboxDeliverer
{
    string Destination { get; }

    Task<DeliveryResult> DeliverAsync(OutboxDelivery delivery, CancellationToken cancellationToken);
}

/// <summary>One attempt at delivering an outbox message.</summary>
/// <remarks><see cref="Attempt"/> above 1 means an earlier attempt started and may have reached the destination.</remarks>
public sealed record OutboxDelivery(
    long Id,
    string Destination,
    string PartitionKey,
    string IdempotencyKey,
    string Payload,
    long? MessageId,
    int Attempt,
    long? ThreadOf = null);
