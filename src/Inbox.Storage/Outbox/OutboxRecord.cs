namespace Inbox.Storage.Outbox;

/// <summary>A row of the outbox table: an <see cref="Core.Outbox.OutboxMessage"/> plus its delivery state.</summary>
public sealed class OutboxRecord
{
    public long Id { get; set; }
    public required string Destination { get; set; }
    public required string PartitionKey { get; set; }
    public required string IdempotencyKey { get; set; }
    public required string Payload { get; set; }
    public long? MessageId { get; set; }
    /// <summary>The conversation whose thread this delivery starts (see <see cref="Core.Outbox.OutboxMessage.ThreadOf"/>).</summary>
    public long? ThreadOf { get; set; }
    public OutboxState State { get; set; }
    public int Attempts { get; set; }
    /// <summary>How many of the attempts the destination throttled (429): those are not failures and do not count towards giving up.</summary>
    public int Throttled { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset NextAttemptAt { get; set; }
    public DateTimeOffset? DeliveredAt { get; set; }
    public string? LastError { get; set; }

    /// <summary>A detached copy with the same values.</summary>
    public OutboxRecord Copy() => (OutboxRecord)MemberwiseClone();
}

/// <summary>Pending rows wait for delivery; Dead rows were rejected or ran out of attempts.</summary>
public enum OutboxState
{
    Pending = 0,
    Delivered = 1,
    Dead = 2,
}
