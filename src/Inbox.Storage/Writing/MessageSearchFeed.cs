using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Inbox.Storage.Writing;

/// <summary>SQLite only: feeds new message texts to the full-text index in chunks, inside the single writer's batches.</summary>
/// <remarks>
/// FTS5 writes an index segment at each commit that changed it and merges segments later, so a trigger per message at
/// one commit per batch cost more than storing the messages (migration MessageSearchFedInChunks). The writer feeds the
/// index as soon as it has nothing else queued, so a quiet inbox is searchable at once; under load it feeds every
/// <see cref="Chunk"/> messages. A search first asks the writer to catch up (<see cref="GroupCommitStore.CatchUpSearchAsync"/>),
/// so it never misses a stored message. Ids only grow (one writer allocates them), so "every id above
/// IndexedThrough" is exactly what is left to feed.
/// </remarks>
internal sealed class MessageSearchFeed
{
    /// <summary>Messages a busy writer leaves unindexed before it feeds them in one go.</summary>
    public const int Chunk = 4_096;

    /// <summary>The most one batch feeds: a large backlog (after an upgrade, an import, a restore) is fed over several, with other writes between them.</summary>
    public const int MostPerBatch = 20_000;

    private long _indexedThrough;
    private long _written;

    private MessageSearchFeed(long indexedThrough, long written) => (_indexedThrough, _written) = (indexedThrough, written);

    public static async Task<MessageSearchFeed> LoadAsync(InboxDbContext db, CancellationToken cancellationToken)
    {
        var (indexed, written) = await ProgressAsync(db, transaction: null, cancellationToken);
        return new MessageSearchFeed(indexed, written);
    }

    /// <summary>Notes the ids of messages the batch inserted.</summary>
    public void Wrote(long messageId)
    {
        if (messageId > _written) _written = messageId;
    }

    /// <summary>Whether to feed now: asked by a search, or with nothing else queued, or a chunk behind.</summary>
    public bool Due(bool asked, bool idle) => asked || (_written > _indexedThrough && (idle || _written - _indexedThrough >= Chunk));

    /// <summary>True when every message written so far (as far as this feed knows) is fed.</summary>
    public bool CaughtUp => _indexedThrough >= _written;

    /// <summary>
    /// Feeds up to <see cref="MostPerBatch"/> messages above the indexed id in the batch's transaction; with
    /// <paramref name="all"/> it first looks for messages stored without this writer (see <see cref="CaughtUp"/> after).
    /// </summary>
    /// <returns>The id fed through; the feed counts it as indexed only when told (<see cref="Fed"/>), once its savepoint stands.</returns>
    public async Task<long> FeedAsync(InboxDbContext db, bool all, CancellationToken cancellationToken)
    {
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("The search index is fed only inside the batch's transaction.");
        if (all)
        {
            // Also messages this writer did not note itself (stored before it started: a bench's seeded rows, a backlog).
            var (_, stored) = await ProgressAsync(db, transaction, cancellationToken);
            Wrote(stored);
        }
        var upTo = Math.Min(_written, _indexedThrough + MostPerBatch);
        if (upTo <= _indexedThrough) return _indexedThrough;

        await using var feed = transaction.Connection!.CreateCommand();
        feed.Transaction = transaction;
        feed.CommandText = """
            INSERT INTO "MessageSearch" (rowid, "Text") SELECT "Id", "Text" FROM "Messages" WHERE "Id" > $from AND "Id" <= $upTo;
            UPDATE "MessageSearchProgress" SET "IndexedThrough" = $upTo;
            """;
        Add(feed, "$from", _indexedThrough);
        Add(feed, "$upTo", upTo);
        await feed.ExecuteNonQueryAsync(cancellationToken);
        return upTo;
    }

    /// <summary>Counts the messages through <paramref name="upTo"/> as indexed (their feeding is part of the batch now).</summary>
    public void Fed(long upTo) => _indexedThrough = Math.Max(_indexedThrough, upTo);

    /// <summary>How far the index holds message texts (0 before the migration that made the mark).</summary>
    public static async Task<long> IndexedThroughAsync(InboxDbContext db, CancellationToken cancellationToken)
    {
        if (!db.Database.IsSqlite()) return 0;
        return await db.Database.SqlQueryRaw<long>("""SELECT "IndexedThrough" AS "Value" FROM "MessageSearchProgress" """).SingleAsync(cancellationToken);
    }

    private static async Task<(long Indexed, long Written)> ProgressAsync(InboxDbContext db, DbTransaction? transaction, CancellationToken cancellationToken)
    {
        await using var read = db.Database.GetDbConnection().CreateCommand();
        read.Transaction = transaction;
        read.CommandText = """SELECT (SELECT "IndexedThrough" FROM "MessageSearchProgress"), (SELECT COALESCE(MAX("Id"), 0) FROM "Messages")""";
        await using var row = await read.ExecuteReaderAsync(cancellationToken);
        await row.ReadAsync(cancellationToken);
        return (row.GetInt64(0), row.GetInt64(1));
    }

    private static void Add(DbCommand command, string name, long value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
