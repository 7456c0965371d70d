using Inbox.Core.Model;
using Inbox.Core.Views;
using Inbox.Slack.BlockKit;

namespace Inbox.Slack.Rendering;

/// <summary>Renders a customer's message as one or more thread replies: escaped text split at Slack's section limit, then its attachments as links.</summary>
public static class CustomerMessageRenderer
{
    public static IReadOnlyList<SlackMessage> Render(Message message, Contact contact)
    {
        var author = SlackText.Escape(SlackText.SingleLine(message.AuthorName ?? contact.DisplayName));
        if (author.Length == 0) author = SlackText.Escape(contact.DisplayName);
        var body = SlackText.Escape(message.Text.Trim());
        var files = AttachmentSections(message.Attachments);

        var messages = new List<SlackMessage>();
        var chunks = body.Length == 0 ? [] : SlackText.Split(body, SlackLimits.SectionText);
        for (var i = 0; i < chunks.Count; i++)
        {
            List<Block> blocks = i == 0 ? [AuthorLine(author)] : [];
            // verbatim: customer text is shown as typed, with no auto-linked URLs or names.
            blocks.Add(SectionBlock.Markdown(chunks[i], verbatim: true));
            if (i == chunks.Count - 1) blocks.AddRange(files);
            messages.Add(new SlackMessage($"{author}: {chunks[i]}", blocks));
        }

        if (messages.Count == 0)
        {
            List<Block> blocks = [AuthorLine(author)];
            blocks.AddRange(files.Count > 0 ? files : [SectionBlock.Markdown("_(empty message)_")]);
            var count = message.Attachments.Count;
            var text = count > 0 ? $"{author} sent {count} {(count == 1 ? "file" : "files")}" : $"{author} sent an empty message";
            messages.Add(new SlackMessage(text, blocks));
        }
        return messages;
    }

    private static ContextBlock AuthorLine(string escapedAuthor) =>
        new([TextObject.Markdown($"💬 *{escapedAuthor}*", verbatim: true)]);

    // One line per file, packed into as few sections as fit; a line is never split, so a link stays whole.
    private static List<Block> AttachmentSections(IReadOnlyList<Attachment> attachments)
    {
        var sections = new List<Block>();
        var current = new List<string>();
        var length = 0;
        foreach (var attachment in attachments)
        {
            var line = AttachmentLine(attachment);
            if (current.Count > 0 && length + 1 + line.Length > SlackLimits.SectionText)
            {
                sections.Add(SectionBlock.Markdown(string.Join('\n', current), verbatim: true));
                current.Clear();
                length = 0;
            }
            current.Add(line);
            length += (length == 0 ? 0 : 1) + line.Length;
        }
        if (current.Count > 0) sections.Add(SectionBlock.Markdown(string.Join('\n', current), verbatim: true));
        return sections;
    }

    private static string AttachmentLine(Attachment attachment)
    {
        var size = $" ({SizeText.Of(attachment.SizeBytes)})";
        var line = $"📎 {SlackText.Link(attachment.Url, attachment.Name)}{size}";
        if (line.Length <= SlackLimits.SectionText) return line;
        // A link too long for a section cannot be cut without breaking it: show the name alone.
        var name = SlackLimits.Fit(SlackText.Escape(SlackText.SingleLine(attachment.Name)), SlackLimits.SectionText - 100);
        return $"📎 {name}{size} (link too long to show)";
    }
}
