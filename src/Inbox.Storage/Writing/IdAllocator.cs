using Microsoft.EntityFrameworkCore;

namespace Inbox.Storage.Writing;

/// <summary>Hands out message, conversation and outbox ids to the single writer's batches.</summary>
internal interface IIdAllocator
{
    long NextMessageId();

    long NextConversationId();

    long NextOutboxId();
}

/// <summary>SQLite's ids: counted by the single writer, in commit order.</summary>
/// <remarks>
/// Seeded from the highest stored ids when the writer starts; ids of a rolled-back batch are simply skipped.
/// Only the writer loop calls it, so plain fields are enough. Right only while one process writes the database.
/// </remarks>
internal sealed class IdAllocator : IIdAllocator
{
    private long _message;
    private long _conversation;
    private long _outbox;

    /// <remarks>
    /// Message ids also start above the search index's mark (<see cref="MessageSearchFeed"/>): the newest messages may have
    /// been deleted since they were indexed, and an id at or below the mark would never be fed to the index.
    /// </remarks>
    public static async Task<IdAllocator> LoadAsync(InboxDbContext db, CancellationToken cancellationToken) => new()
    {
        _message = Math.Max(await db.Messages.MaxAsync(m => (long?)m.Id, cancellationToken) ?? 0,
            await MessageSearchFeed.IndexedThroughAsync(db, cancellationToken)),
        _conversation = await db.Conversations.MaxAsync(c => (long?)c.Id, cancellationToken) ?? 0,
        _outbox = await db.Outbox.MaxAsync(o => (long?)o.Id, cancellationToken) ?? 0,
    };

    public long NextMessageId() => ++_message;

    public long NextConversationId() => ++_conversation;

    public long NextOutboxId() => ++_outbox;
}
