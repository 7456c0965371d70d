namespace Inbox.Core.Outbox;

/// <summary>Something that must leave the process, written in the same transaction as the change that caused it.</summary>
/// <param name="Destination">Which deliverer takes it ("widget", "slack", ...).</param>
/// <param name="PartitionKey">Deliveries with one key leave strictly in order (usually one per conversation).</param>
/// <param name="IdempotencyKey">Unique per intended effect; a repeat is never enqueued twice and receivers may use it to drop redeliveries.</param>
/// <param name="Payload">Deliverer-specific JSON.</param>
/// <param name="MessageId">The message whose delivery id the result records, if any.</param>
/// <param name="ThreadOf">The conversation whose thread on the destination this delivery starts: its external id is recorded as that thread.</param>
public sealed record OutboxMessage(string Destination, string PartitionKey, string IdempotencyKey, string Payload, long? MessageId = null, long? ThreadOf = null)
{
    /// <summary>Not delivered before this time (a reply waiting out its undo window); null: at once. Durable, so a restart keeps it.</summary>
    public DateTimeOffset? NotBefore { get; init; }

    public static string ConversationPartition(long conversationId) => $"conversation:{conversationId}";

    /// <summary>One destination's own order for a conversation: a destination that is down holds up none of the others.</summary>
    public static string ConversationPartition(string destination, long conversationId) => $"{destination}:conversation:{conversationId}";
}
