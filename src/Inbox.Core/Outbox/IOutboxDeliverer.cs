namespace Inbox.Core.Outbox;

/// <summary>Delivers outbox messages of one destination; must tolerate redelivery of the same idempotency key.</summary>
public interface IOutboxDeliverer
{
    string Destination { get; }

    Task<DeliveryResult> DeliverAsync(OutboxDelivery delivery, CancellationToken cancellationToken);

    /// <summary>
    /// Whether a delivery that keeps failing is given up on (parked as dead) after the outbox's attempts. False for work
    /// Inbox does for itself that must happen however long the database or a bug holds it up (releasing a held reply);
    /// such rows are retried at the longest backoff for as long as it takes.
    /// </summary>
    bool GivesUp => true;
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
