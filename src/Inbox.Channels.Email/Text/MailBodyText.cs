using MimeKit;
using MimeKit.Text;

namespace Inbox.Channels.Email.Text;

/// <summary>The readable text of a mail: its plain-text body if it has one (format=flowed joined up), else its HTML body as text;
/// quoted history and signatures trimmed.</summary>
public static class MailBodyText
{
    public static string Of(MimeMessage mail)
    {
        var bodies = mail.BodyParts.OfType<TextPart>().Where(part => !part.IsAttachment).ToList();
        var plain = bodies.FirstOrDefault(part => part.IsPlain && !string.IsNullOrWhiteSpace(part.Text));
        if (plain is not null) return QuotedTextTrimmer.Trim(PlainTextOf(plain));
        var html = bodies.FirstOrDefault(part => part.IsHtml && !string.IsNullOrWhiteSpace(part.Text));
        return html is null ? "" : QuotedTextTrimmer.Trim(HtmlText.ToPlainText(html.Text));
    }

    private static string PlainTextOf(TextPart part)
    {
        if (!part.IsFlowed) return part.Text;
        var delSp = string.Equals(part.ContentType.Parameters["delsp"], "yes", StringComparison.OrdinalIgnoreCase);
        var converter = new FlowedToText { DeleteSpace = delSp };
        return converter.Convert(part.Text);
    }
}
