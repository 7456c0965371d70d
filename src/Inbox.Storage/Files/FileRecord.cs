namespace Inbox.Storage.Files;

/// <summary>A row of the Files table: an attachment's bytes.</summary>
public sealed class FileRecord
{
    public Guid Id { get; set; }
    public required string Name { get; set; }
    public required string ContentType { get; set; }
    public long SizeBytes { get; set; }
    public required byte[] Content { get; set; }
    public DateTimeOffset StoredAt { get; set; }
}
