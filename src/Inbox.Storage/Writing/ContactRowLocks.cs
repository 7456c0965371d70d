using Microsoft.EntityFrameworkCore;

namespace Inbox.Storage.Writing;

/// <summary>PostgreSQL row locks that serialize the writes of several hosts to one visitor and their conversations.</summary>
/// <remarks>
/// Every write that reads a contact, a conversation or a message for change first locks the visitor's contact row
/// (<c>SELECT … FOR UPDATE</c>, held until the batch commits) and reads the rows only then, so it sees what any
/// other host committed before it and nothing can change them under it: no lost tag, no two open conversations,
/// no edit undoing a deletion. One lock per visitor (never per conversation) keeps the order of locks within a write
/// the same everywhere. A shared batch, though, holds the visitors of all its writes: two hosts' batches can want
/// each other's. So once a batch of several writes holds a lock, it takes the next ones without waiting
/// (<c>NOWAIT</c>): a busy visitor fails the batch at once, and its writes run again one by one, each waiting for
/// its own visitor, instead of both hosts waiting a second for PostgreSQL to find the deadlock.
/// SQLite has one writer and needs none of this.
/// </remarks>
/// <param name="shared">True for a batch of several writes (see above); a single write always waits for its locks.</param>
internal sealed class ContactRowLocks(InboxDbContext db, bool shared)
{
    private readonly HashSet<Guid> _held = [];

    /// <summary>Locks the contact (once per batch); a contact that does not exist yet locks nothing.</summary>
    public async ValueTask LockContactAsync(Guid contactId, CancellationToken cancellationToken)
    {
        if (_held.Contains(contactId)) return;
        if (shared && _held.Count > 0)
            await db.Database.ExecuteSqlAsync($"""SELECT 1 FROM "Contacts" WHERE "Id" = {contactId} FOR UPDATE NOWAIT""", cancellationToken);
        else
            await db.Database.ExecuteSqlAsync($"""SELECT 1 FROM "Contacts" WHERE "Id" = {contactId} FOR UPDATE""", cancellationToken);
        _held.Add(contactId);
    }

    /// <summary>Locks the visitor a conversation belongs to.</summary>
    public async ValueTask LockConversationAsync(long conversationId, CancellationToken cancellationToken)
    {
        var contactId = await db.Conversations.AsNoTracking().Where(c => c.Id == conversationId)
            .Select(c => (Guid?)c.ContactId).FirstOrDefaultAsync(cancellationToken);
        if (contactId is { } id) await LockContactAsync(id, cancellationToken);
    }
}
