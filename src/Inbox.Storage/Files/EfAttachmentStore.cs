using System.Security.Cryptography;
using Inbox.Core.Files;
using Microsoft.EntityFrameworkCore;

namespace Inbox.Storage.Files;

/// <summary>Attachments kept in the database beside the messages that refer to them, so a backup holds both.</summary>
internal sealed class EfAttachmentStore(IDbContextFactory<InboxDbContext> contexts, TimeProvider time) : IAttachmentStore
{
    public async Task<Guid> SaveAsync(string name, string contentType, byte[] content, CancellationToken cancellationToken)
    {
        // Fully random (not time-ordered) ids: knowing one file's link must not help guess another's.
        var id = new Guid(RandomNumberGenerator.GetBytes(16));
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.Files.Add(new FileRecord { Id = id, Name = name, ContentType = contentType, SizeBytes = content.Length, Content = content, StoredAt = time.GetUtcNow() });
        await db.SaveChangesAsync(cancellationToken);
        return id;
    }

    public async Task<StoredFile?> OpenAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var row = await db.Files.AsNoTracking().FirstOrDefaultAsync(f => f.Id == id, cancellationToken);
        return row is null ? null : new StoredFile(row.Id, row.Name, row.ContentType, row.Content, row.StoredAt);
    }
}
