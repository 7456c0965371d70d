using System.Globalization;
using Inbox.Core.Model;
using Inbox.Core.Routing;
using Inbox.Slack.BlockKit;

namespace Inbox.Slack.Rendering;

/// <summary>Renders a conversation's thread root: who, where, status, assignee, visitor facts and the operators' buttons.</summary>
/// <remarks>The root is re-rendered and updated in place whenever status or assignee change.</remarks>
public static class ThreadRootRenderer
{
    /// <param name="route">The conversation's route: its name and thread mode are shown so nobody has to guess what a reply does.</param>
    /// <param name="movedFrom">A link to the thread this one replaced, when an operator moved the conversation here.</param>
    public static SlackMessage Render(Conversation conversation, Contact contact, Operator? assignee, Route? route = null, string? movedFrom = null)
    {
        var id = conversation.Id.ToString(CultureInfo.InvariantCulture);
        var name = SlackText.SingleLine(contact.DisplayName);
        var reference = $" · #{id}";
        // Cut the name, not the reference: "#123" is what operators type in commands.
        var header = new HeaderBlock(SlackLimits.Fit(name, SlackLimits.HeaderText - reference.Length) + reference);

        var assigneeText = assignee is null ? "_Unassigned_" : SlackText.Escape(SlackText.SingleLine(assignee.DisplayName));
        var summary = new SectionBlock(fields:
        [
            TextObject.Markdown($"*Channel*\n{ChannelLabel(conversation.Channel)}"),
            TextObject.Markdown($"*Status*\n{StatusLabel(conversation.Status)}"),
            TextObject.Markdown($"*Assignee*\n{assigneeText}", verbatim: true),
        ]);

        List<Block> blocks = [header, summary];
        var facts = Facts(contact);
        if (facts.Count > 0) blocks.Add(new ContextBlock(facts));
        if (route is not null)
            blocks.Add(new ContextBlock([TextObject.Markdown(
                $"🧭 Route *{SlackText.Escape(route.Name)}* · *{route.Mode.Name()}* — {SlackText.Escape(ThreadReplies.Explain(route))}")]));
        if (movedFrom is not null)
            blocks.Add(new ContextBlock([TextObject.Markdown($"↩️ Moved here from {movedFrom}")]));
        blocks.Add(new ActionsBlock(Buttons(conversation, assignee, id)));

        var text = $"{SlackText.Escape(name)}{reference} · {conversation.Status} · {(assignee is null ? "Unassigned" : assigneeText)}";
        return new SlackMessage(text, blocks);
    }

    public static string ChannelLabel(ChannelKind channel) => channel switch
    {
        ChannelKind.Widget => "💬 Widget",
        ChannelKind.Email => "✉️ Email",
        ChannelKind.Telegram => "✈️ Telegram",
        _ => channel.ToString(),
    };

    public static string StatusLabel(ConversationStatus status) => status switch
    {
        ConversationStatus.Open => "🟢 Open",
        ConversationStatus.Closed => "✅ Closed",
        ConversationStatus.Spam => "🚫 Spam",
        _ => status.ToString(),
    };

    private static List<TextObject> Facts(Contact contact)
    {
        var place = string.Join(", ", new[] { contact.City, contact.Country }.Where(Known).Select(SlackText.SingleLine));
        (string Icon, string? Value)[] facts =
        [
            ("✉️", contact.Email),
            ("📞", contact.Phone),
            ("📍", place),
            ("📱", contact.Device),
            ("💻", contact.OperatingSystem),
            ("🌐", contact.Browser),
        ];
        // Customer-given facts: escaped, and verbatim so Slack does not turn them into links or mentions.
        return facts
            .Where(f => Known(f.Value))
            .Select(f => TextObject.Markdown($"{f.Icon} {SlackText.Escape(SlackText.SingleLine(f.Value))}", verbatim: true))
            .ToList();
    }

    private static IEnumerable<BlockElement> Buttons(Conversation conversation, Operator? assignee, string id)
    {
        yield return new ButtonElement("Assign to me", SlackActions.AssignToMe, id, assignee is null ? ButtonStyle.Primary : null);
        yield return new ButtonElement("Join", SlackActions.Join, id);
        // Always offered: in notes-by-default and alerts-only threads it is how an answer reaches the customer.
        if (conversation.Status != ConversationStatus.Spam) yield return new ButtonElement("Reply…", SlackActions.Reply, id);
        yield return new ButtonElement("Transfer…", SlackActions.Transfer, id);
        yield return conversation.Status == ConversationStatus.Open
            ? new ButtonElement("Close", SlackActions.Close, id)
            : new ButtonElement("Reopen", SlackActions.Reopen, id);
        if (conversation.Status != ConversationStatus.Spam)
        {
            var confirm = new ConfirmationDialog(
                "Mark as spam?",
                TextObject.Plain($"Conversation #{id} moves to Spam and leaves the open views."),
                confirm: "Mark as spam",
                deny: "Cancel",
                style: ButtonStyle.Danger);
            yield return new ButtonElement("Spam", SlackActions.Spam, id, ButtonStyle.Danger, confirm: confirm);
        }
        yield return new ButtonElement("Details", SlackActions.Details, id);
        yield return new ButtonElement("History", SlackActions.History, id);
    }

    private static bool Known(string? value) => !string.IsNullOrWhiteSpace(value);
}
