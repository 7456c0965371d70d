using MimeKit;

namespace Inbox.Channels.Email.Tests.Support;

/// <summary>Mails as customers' mail programs write them.</summary>
internal static class CustomerMail
{
    public static MimeMessage Write(MailboxAddress from, string to, string subject, string text, MimeMessage? inReplyTo = null)
    {
        var mail = new MimeMessage
        {
            MessageId = $"{Guid.NewGuid():N}@customer.test",
            Subject = subject,
            Date = DateTimeOffset.UtcNow,
            Body = new TextPart("plain") { Text = text },
        };
        mail.From.Add(from);
        mail.To.Add(MailboxAddress.Parse(to));
        if (inReplyTo is not null)
        {
            mail.InReplyTo = inReplyTo.MessageId;
            foreach (var reference in inReplyTo.References) mail.References.Add(reference);
            mail.References.Add(inReplyTo.MessageId!);
        }
        return mail;
    }

    /// <summary>A mail with a text part and attachments.</summary>
    public static MimeMessage WithAttachments(MailboxAddress from, string to, string subject, string text, params (string Name, string Type, byte[] Content)[] files)
    {
        var mail = Write(from, to, subject, text);
        var body = new BodyBuilder { TextBody = text };
        foreach (var (name, type, content) in files)
            body.Attachments.Add(name, content, ContentType.Parse(type));
        mail.Body = body.ToMessageBody();
        return mail;
    }
}
