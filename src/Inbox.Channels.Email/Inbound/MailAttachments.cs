using Inbox.Core.Files;
using Inbox.Core.Model;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Inbox.Channels.Email.Inbound;

/// <summary>Keeps a mail's attachments in the attachment store and gives back their metadata with links, like files sent from the widget.</summary>
public sealed class MailAttachments(IAttachmentStore files, IOptions<EmailOptions> options)
{
    private const int MaxNameLength = 200;

    /// <summary>The stored attachments, and a line for each one too large to keep.</summary>
    public async Task<(IReadOnlyList<Attachment> Stored, IReadOnlyList<string> NotKept)> SaveAsync(
        IReadOnlyList<MimeEntity> attachments, CancellationToken cancellationToken)
    {
        var stored = new List<Attachment>();
        var notKept = new List<string>();
        var limit = options.Value.MaxAttachmentBytes;
        var baseUrl = (options.Value.PublicBaseUrl?.AbsoluteUri ?? EmailDefaults.PublicBaseUrl).TrimEnd('/');
        foreach (var entity in attachments)
        {
            string name, contentType;
            byte[] content;
            try
            {
                (name, contentType, content) = Read(entity);
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                // A damaged part must not make the whole mail unreadable (and hold up the mails behind it).
                notKept.Add($"[Attachment not kept: {SafeName(entity.ContentDisposition?.FileName ?? entity.ContentType.Name)} could not be read.]");
                continue;
            }
            if (content.LongLength > limit)
            {
                notKept.Add($"[Attachment not kept: {name}, {content.LongLength:N0} bytes, is larger than the limit of {limit:N0} bytes.]");
                continue;
            }
            var fileId = await files.SaveAsync(name, contentType, content, cancellationToken);
            stored.Add(new Attachment(name, contentType, content.LongLength, $"{baseUrl}/files/{fileId:N}/{Uri.EscapeDataString(name)}"));
        }
        return (stored, notKept);
    }

    private static (string Name, string ContentType, byte[] Content) Read(MimeEntity entity)
    {
        using var buffer = new MemoryStream();
        string? name;
        switch (entity)
        {
            case MessagePart { Message: { } message }:
                message.WriteTo(buffer);
                name = (entity.ContentDisposition?.FileName ?? message.Subject ?? "message") + (entity.ContentDisposition?.FileName is null ? ".eml" : "");
                break;
            case MimePart part:
                part.Content?.DecodeTo(buffer);
                name = part.FileName;
                break;
            default:
                entity.WriteTo(buffer, contentOnly: true);
                name = entity.ContentDisposition?.FileName;
                break;
        }
        var contentType = entity.ContentType.MimeType;
        return (SafeName(name), contentType.Length <= 255 ? contentType : "application/octet-stream", buffer.ToArray());
    }

    private static string SafeName(string? fileName) => Inbox.Core.Files.FileNames.Safe(fileName, "attachment");
}
