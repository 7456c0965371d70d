namespace Inbox.Core.Model;

/// <summary>Metadata of a file attached to a message; the bytes live wherever <see cref="Url"/> points.</summary>
public sealed record Attachment(string Name, string ContentType, long SizeBytes, string Url);
