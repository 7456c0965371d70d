using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Inbox.Storage;

/// <summary>Brings the database to the latest checked-in migration and turns on WAL for SQLite.</summary>
public sealed class DatabaseMigrator(IDbContextFactory<InboxDbContext> contexts, ILogger<DatabaseMigrator> logger)
{
    // Any fixed number; it names Inbox's migration lock among the database's advisory locks.
    private const string LockMigrations = "SELECT pg_advisory_lock(7095345153)";
    private const string UnlockMigrations = "SELECT pg_advisory_unlock(7095345153)";

    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        // Hosts sharing one PostgreSQL database may start together: one migrates while the others wait on this lock (held
        // by the session, on the connection the migrations then use), and then find nothing pending.
        var postgres = db.Database.IsNpgsql();
        if (postgres)
        {
            await db.Database.OpenConnectionAsync(cancellationToken);
            await db.Database.ExecuteSqlRawAsync(LockMigrations, cancellationToken);
        }
        List<string> pending;
        try
        {
            pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
            await db.Database.MigrateAsync(cancellationToken);
        }
        finally
        {
            if (postgres)
            {
                await db.Database.ExecuteSqlRawAsync(UnlockMigrations, CancellationToken.None);
                await db.Database.CloseConnectionAsync();
            }
        }
        if (db.Database.IsSqlite())
            // WAL lets readers work while the single writer commits; the mode is stored in the file.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        if (pending.Count > 0)
            logger.LogInformation("Applied {Count} migration(s): {Migrations}", pending.Count, string.Join(", ", pending));
    }
}
