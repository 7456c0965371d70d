using Inbox.Core.Model;

namespace Inbox.Core.Files;

/// <summary>Keeps the bytes of files customers send; messages carry only their <see cref="Attachment"/> metadata.</summary>
public interface IAttachmentStore
{
    /// <summary>Stores a file and returns its id (random and unguessable: the id is what lets a link open it).</summary>
    Task<Guid> SaveAsync(string name, string contentType, byte[] content, CancellationToken cancellationToken);

    Task<StoredFile?> OpenAsync(Guid id, CancellationToken cancellationToken);
}

/// <summary>A stored file.</summary>
public sealed record StoredFile(Guid Id, string Name, string ContentType, byte[] Content, DateTimeOffset StoredAt);
