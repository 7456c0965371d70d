using Inbox.Core.Model;
using Inbox.Storage.Outbox;
using Microsoft.EntityFrameworkCore;

namespace Inbox.Storage.Writing;

/// <summary>The single writer's database context, kept across batches as a write-through cache.</summary>
/// <remarks>
/// Only the writer changes contacts, conversations and operators, so what it tracked after a commit is
/// what the database holds: the next batch finds them without a query. Messages and outbox rows are
/// never changed again by the writer and are let go after each commit. Any failure throws the whole
/// session away, so a half-applied batch never leaks into the next one. With several hosts on one
/// database (<see cref="StorageOptions.WriterCacheSize"/> = 0) every batch starts from a fresh context.
/// Callers receive these same instances as results; the domain replaces its lists instead of changing
/// them in place, so a caller reading one while a later batch moves on sees a consistent, at worst newer, value.
/// </remarks>
internal sealed class WriterSession : IAsyncDisposable
{
    private readonly int _keep;
    private int _tracked;

    private WriterSession(InboxDbContext db, int keep)
    {
        Db = db;
        _keep = keep;
        HotRows = new HotRowWriter(db);
    }

    public InboxDbContext Db { get; }

    public HotRowWriter HotRows { get; }

    /// <summary>Contacts the session tracks, by each of their channel identities.</summary>
    public Dictionary<ContactIdentity, Contact> ContactsByIdentity { get; } = [];

    public bool CanBeReused => _keep > 0 && _tracked <= _keep;

    public static async Task<WriterSession> OpenAsync(IDbContextFactory<InboxDbContext> contexts, int keep, CancellationToken cancellationToken)
    {
        var db = await contexts.CreateDbContextAsync(cancellationToken);
        // One change scan per batch instead of one per lookup: the session may track thousands of entities.
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        await db.Database.OpenConnectionAsync(cancellationToken);
        return new WriterSession(db, keep);
    }

    /// <summary>Lets go of what the writer will not touch again and counts what stays cached.</summary>
    public void AfterCommit()
    {
        // Messages read or written in the batch (and their deliveries) belong to the past: keep none of them.
        foreach (var message in Db.Messages.Local.ToList()) Db.Entry(message).State = EntityState.Detached;
        foreach (var delivery in Db.MessageDeliveries.Local.ToList()) Db.Entry(delivery).State = EntityState.Detached;
        foreach (var row in Db.Outbox.Local.ToList()) Db.Entry(row).State = EntityState.Detached;
        // LocalView keeps its own count, so this stays cheap however much is cached.
        _tracked = Db.Contacts.Local.Count + Db.Conversations.Local.Count + Db.Operators.Local.Count;
    }

    public async ValueTask DisposeAsync() => await Db.DisposeAsync();
}
