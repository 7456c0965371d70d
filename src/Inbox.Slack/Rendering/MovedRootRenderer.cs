using System.Globalization;
using Inbox.Core.Model;
using Inbox.Slack.BlockKit;

namespace Inbox.Slack.Rendering;

/// <summary>Redraws a thread root whose conversation was moved to another channel: who it was, and a link to where it went.</summary>
/// <remarks>The buttons go: acting on the old root would confuse more than help, and later messages only reach the new thread.</remarks>
public static class MovedRootRenderer
{
    /// <param name="target">The Slack channel id that took the conversation.</param>
    /// <param name="link">mrkdwn link to the new thread (or plain text when no link can be made).</param>
    public static SlackMessage Render(Conversation conversation, Contact contact, string target, string link)
    {
        var id = conversation.Id.ToString(CultureInfo.InvariantCulture);
        var name = SlackText.SingleLine(contact.DisplayName);
        var reference = $" · #{id}";
        var header = new HeaderBlock(SlackLimits.Fit(name, SlackLimits.HeaderText - reference.Length) + reference);
        var moved = SectionBlock.Markdown($"➡️ *Moved to <#{target}>* — continue in {link}. Messages of #{id} only go to the new thread now.");
        return new SlackMessage($"{SlackText.Escape(name)}{reference} · moved to <#{target}>", [header, moved]);
    }
}
