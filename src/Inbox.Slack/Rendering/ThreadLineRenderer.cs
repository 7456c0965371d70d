using Inbox.Core.Model;
using Inbox.Slack.BlockKit;

namespace Inbox.Slack.Rendering;

/// <summary>Renders what happened outside Slack (an operator's reply or note from another surface, a system line) as thread replies.</summary>
public static class ThreadLineRenderer
{
    /// <param name="mention">An operator the line names as "@Name" (a reminder naming the assignee) and their Slack user id: they are pinged.</param>
    public static IReadOnlyList<SlackMessage> Render(Message message, (string Name, string SlackUserId)? mention = null)
    {
        var author = SlackText.Escape(SlackText.SingleLine(message.AuthorName ?? "Inbox"));
        // Written in Teams: say so. Through the operator API it is just Inbox, and Slack's own messages never come here.
        var where = MessageOrigin.SurfaceOf(message) == "teams" ? " in Teams" : "";
        var label = message.Direction switch
        {
            MessageDirection.FromOperator => $"↩️ *{author}* replied to the customer{where}",
            MessageDirection.Note => $"📝 *Note by {author}*{where} (not sent to the customer)",
            _ => "ℹ️ Inbox",
        };
        var text = SlackText.Escape(message.Text.Trim());
        // Only Inbox's own lines can ping someone; the name is matched after escaping, so a customer's text never becomes a mention.
        if (mention is { } who && message.Direction == MessageDirection.System)
            text = text.Replace("@" + SlackText.Escape(who.Name), $"<@{who.SlackUserId}>", StringComparison.Ordinal);
        var chunks = SlackText.Split(text, SlackLimits.SectionText);
        if (chunks.Count == 0) chunks = ["_(empty)_"];
        return chunks.Select((chunk, i) => new SlackMessage(
            i == 0 ? $"{label}: {chunk}" : chunk,
            i == 0
                ? [new ContextBlock([TextObject.Markdown(label, verbatim: true)]), SectionBlock.Markdown(chunk, verbatim: true)]
                : [SectionBlock.Markdown(chunk, verbatim: true)])).ToList();
    }
}
