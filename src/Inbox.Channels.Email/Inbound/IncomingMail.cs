using Inbox.Channels.Email.Mail;
using Inbox.Channels.Email.Text;
using MimeKit;

namespace Inbox.Channels.Email.Inbound;

/// <summary>What Inbox takes from one customer mail: who wrote it, its id, topic, text, the mails it answers, and its attachments.</summary>
/// <param name="Address">The sender's address as written.</param>
/// <param name="References">Message-IDs it answers, nearest first: In-Reply-To, then References from the newest back.</param>
public sealed record IncomingMail(
    string Address,
    string? Name,
    string ExternalId,
    string? Subject,
    string Text,
    IReadOnlyList<string> References,
    IReadOnlyList<MimeEntity> Attachments)
{
    private const int MaxAddressLength = 254;
    private const int MaxNameLength = 200;

    /// <summary>Reads a mail; null with a <paramref name="reason"/> when it cannot be a customer message.</summary>
    public static IncomingMail? Read(MimeMessage mail, out string reason)
    {
        var sender = mail.From.Mailboxes.FirstOrDefault() ?? mail.Sender;
        var address = sender?.Address?.Trim();
        if (string.IsNullOrEmpty(address) || !IsAddress(address))
        {
            reason = "it has no usable sender address in From";
            return null;
        }

        if (AutomaticReason(mail, address) is { } automatic)
        {
            reason = automatic;
            return null;
        }

        var messageId = mail.MessageId?.Trim();
        var externalId = string.IsNullOrEmpty(messageId) ? MailMessageIds.ExternalIdOfContent(ContentOf(mail)) : MailMessageIds.ExternalIdOf(messageId);
        var references = new List<string>();
        if (!string.IsNullOrWhiteSpace(mail.InReplyTo)) references.Add(mail.InReplyTo.Trim());
        references.AddRange(mail.References.Reverse().Where(r => !string.IsNullOrWhiteSpace(r) && !references.Contains(r)));

        var name = sender!.Name?.Trim();
        reason = "";
        return new IncomingMail(
            address,
            string.IsNullOrEmpty(name) ? null : name.Length <= MaxNameLength ? name : name[..MaxNameLength],
            externalId,
            SubjectLine.ForConversation(mail.Subject),
            MailBodyText.Of(mail),
            references,
            Files(mail));
    }

    // Files are attachments and every other non-text part: pasted screenshots come "inline", some clients name no disposition.
    private static List<MimeEntity> Files(MimeMessage mail) => mail.BodyParts
        .OfType<MimePart>()
        .Where(part => part.IsAttachment || part is not TextPart { IsPlain: true } and not TextPart { IsHtml: true })
        .Cast<MimeEntity>()
        .ToList();

    // Mail no person wrote (bounces, out-of-office and list mail) must not open or reopen conversations.
    private static string? AutomaticReason(MimeMessage mail, string address)
    {
        var local = address[..address.LastIndexOf('@')];
        if (local.Equals("mailer-daemon", StringComparison.OrdinalIgnoreCase) || local.Equals("postmaster", StringComparison.OrdinalIgnoreCase))
            return "it is a delivery report from a mail server";
        if (mail.Body is MultipartReport) return "it is a delivery or read report";
        var submitted = mail.Headers["Auto-Submitted"];
        if (!string.IsNullOrWhiteSpace(submitted) && !submitted.Trim().Equals("no", StringComparison.OrdinalIgnoreCase))
            return $"it was sent automatically (Auto-Submitted: {submitted.Trim()})";
        var precedence = mail.Headers["Precedence"]?.Trim().ToLowerInvariant();
        if (precedence is "bulk" or "junk" or "list" or "auto_reply")
            return $"it is bulk or automatic mail (Precedence: {precedence})";
        if (mail.Headers.Contains("X-Autoreply") || mail.Headers.Contains("X-Autorespond"))
            return "it is an automatic reply";
        return null;
    }

    private static bool IsAddress(string address)
    {
        var at = address.LastIndexOf('@');
        return at > 0 && at < address.Length - 1 && address.Length <= MaxAddressLength && !address.Any(char.IsWhiteSpace) && !address.Any(char.IsControl);
    }

    private static byte[] ContentOf(MimeMessage mail)
    {
        using var bytes = new MemoryStream();
        mail.WriteTo(bytes);
        return bytes.ToArray();
    }
}
