using Inbox.Core.Model;
using Microsoft.EntityFrameworkCore;

namespace Inbox.Storage.Writing;

/// <summary>The single writer's database context, kept across batches as a write-through cache.</summary>
/// <remarks>
/// Only the writer changes contacts, conversations and operators, so what it tracked after a commit is
/// what the database holds: the next batch finds them without a query. Conversations are tracked by the session
/// itself (<see cref="ConversationRows"/>), contacts and operators by EF. Messages found for change are let go
/// after each commit; new messages and outbox rows were never tracked. Any failure throws the whole
/// session away, so a half-applied batch never leaks into the next one. With several hosts on one
/// database (<see cref="StorageOptions.WriterCacheSize"/> = 0) every batch starts from a fresh context.
/// Callers receive these same instances as results; the domain replaces its lists instead of changing
/// them in place, so a caller reading one while a later batch moves on sees a consistent, at worst newer, value.
/// </remarks>
internal sealed class WriterSession : IAsyncDisposable
{
    /// <summary>WAL pages after which a commit of the writer copies them into the database file (SQLite's default: 1,000).</summary>
    /// <remarks>
    /// A batch of messages dirties a few hundred pages, so at the default every third commit also checkpoints: another
    /// fsync and mostly the same hot pages copied again. At 4,000 (a 16 MB WAL) checkpoints come every ten or so
    /// commits and copy each hot page once; every commit is still fsynced (synchronous=FULL).
    /// </remarks>
    public const int WalCheckpointPages = 4_000;

    private readonly int _keep;
    private int _tracked;

    private WriterSession(InboxDbContext db, RowShapes shapes, int keep, MessageSearchFeed? search)
    {
        Db = db;
        Search = search;
        Shapes = shapes;
        _keep = keep;
        HotRows = new HotRowWriter(db);
        Conversations = new ConversationRows(shapes.Conversations);
        SavedContacts = new SavedContacts(shapes.Contacts);
    }

    public InboxDbContext Db { get; }

    public RowShapes Shapes { get; }

    public HotRowWriter HotRows { get; }

    public ConversationRows Conversations { get; }

    /// <summary>What the tracked contacts held when last read or saved (<see cref="Writing.SavedContacts"/>).</summary>
    public SavedContacts SavedContacts { get; }

    /// <summary>SQLite's message search feed; null on PostgreSQL, whose search indexes are kept by the database itself.</summary>
    public MessageSearchFeed? Search { get; }

    /// <summary>Contacts the session tracks, by each of their channel identities.</summary>
    public Dictionary<ContactIdentity, Contact> ContactsByIdentity { get; } = [];

    public bool CanBeReused => _keep > 0 && _tracked <= _keep;

    /// <param name="shapes">The row shapes of the model every writer context shares; null the first time, then the ones <see cref="Shapes"/> gave.</param>
    public static async Task<WriterSession> OpenAsync(IDbContextFactory<InboxDbContext> contexts, RowShapes? shapes, int keep, CancellationToken cancellationToken)
    {
        var db = await contexts.CreateDbContextAsync(cancellationToken);
        // One change scan per batch instead of one per lookup: the session may track thousands of entities.
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        await db.Database.OpenConnectionAsync(cancellationToken);
        MessageSearchFeed? search = null;
        if (db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlRawAsync($"PRAGMA wal_autocheckpoint={WalCheckpointPages};", cancellationToken);
            search = await MessageSearchFeed.LoadAsync(db, cancellationToken);
        }
        return new WriterSession(db, shapes ?? new RowShapes(db.Model), keep, search);
    }

    /// <summary>Lets go of what the writer will not touch again and counts what stays cached.</summary>
    public void AfterCommit(IReadOnlyList<Message> foundMessages)
    {
        // Messages read in the batch belong to the past: keep none of them.
        foreach (var message in foundMessages) Db.Entry(message).State = EntityState.Detached;
        // LocalView keeps its own count, so this stays cheap however much is cached.
        _tracked = Db.Contacts.Local.Count + Conversations.Count + Db.Operators.Local.Count;
    }

    public async ValueTask DisposeAsync()
    {
        HotRows.Dispose(); // SQLite's prepared statements go before their connection does
        await Db.DisposeAsync();
    }
}
