namespace Inbox.Storage.Resilience;

/// <summary>The connection was lost while a COMMIT was on its way: the transaction may or may not have been committed.</summary>
/// <remarks>
/// The writer never runs such work again by itself (that could store it twice); the caller is told the database was
/// unavailable, and a client that sends the same request again with its idempotency key (a widget message's
/// <c>clientMessageId</c>, a Slack <c>event_id</c>...) gets the stored result if the commit did land.
/// </remarks>
public sealed class CommitOutcomeUnknownException(Exception inner)
    : Exception("The database connection was lost during COMMIT; the writes may or may not have been committed.", inner);
