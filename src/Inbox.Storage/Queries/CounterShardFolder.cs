using Microsoft.EntityFrameworkCore;

namespace Inbox.Storage.Queries;

/// <summary>PostgreSQL: folds the view counter rows of server processes that have ended into one set (shard 0).</summary>
/// <remarks>
/// The counters' trigger writes to a row per server process (<c>pg_backend_pid()</c>), so hosts never wait on each other's
/// counters; every pooled connection ever opened leaves its rows, and a read sums them all. Rows of a process that is no
/// longer running cannot change, so moving their sums into shard 0 keeps every count as it was. A new process that got
/// the same pid meanwhile only ever upserts its row: the delete locks it first or sees the upsert committed, and either
/// way each change is counted once.
/// </remarks>
public sealed class CounterShardFolder(IDbContextFactory<InboxDbContext> contexts)
{
    /// <summary>Folds the rows of ended processes; returns how many rows it folded (always 0 on SQLite, which keeps one set).</summary>
    public async Task<int> FoldEndedAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (!db.Database.IsNpgsql()) return 0;
        await db.Database.OpenConnectionAsync(cancellationToken);
        // One statement (a data-modifying WITH, which must stay at the top level, so not composed by EF).
        await using var fold = db.Database.GetDbConnection().CreateCommand();
        fold.CommandText = """
            WITH ended AS (
                DELETE FROM "ConversationCounts"
                WHERE "Shard" <> 0 AND "Shard" NOT IN (SELECT pid FROM pg_stat_activity)
                RETURNING *),
            folded AS (
                INSERT INTO "ConversationCounts"
                SELECT 0, "Status", "IsContactBlocked", "AwaitingReply", SUM("Conversations"), SUM("Durations"), SUM("DurationSeconds"),
                       SUM("FirstResponses"), SUM("FirstResponseSeconds")
                FROM ended GROUP BY "Status", "IsContactBlocked", "AwaitingReply"
                ON CONFLICT ("Shard", "Status", "IsContactBlocked", "AwaitingReply") DO UPDATE SET
                    "Conversations" = "ConversationCounts"."Conversations" + EXCLUDED."Conversations",
                    "Durations" = "ConversationCounts"."Durations" + EXCLUDED."Durations",
                    "DurationSeconds" = "ConversationCounts"."DurationSeconds" + EXCLUDED."DurationSeconds",
                    "FirstResponses" = "ConversationCounts"."FirstResponses" + EXCLUDED."FirstResponses",
                    "FirstResponseSeconds" = "ConversationCounts"."FirstResponseSeconds" + EXCLUDED."FirstResponseSeconds")
            SELECT COUNT(*)::int FROM ended
            """;
        return (int)(await fold.ExecuteScalarAsync(cancellationToken))!;
    }
}
