using System.Globalization;
using System.Text.Json;
using Inbox.Core.Model;
using Inbox.Core.Routing;

namespace Inbox.Teams.Cards;

/// <summary>Renders a conversation's root card in its Teams thread: who, where, status, assignee, visitor facts and the operators' actions.</summary>
/// <remarks>
/// The card is re-rendered whenever status or assignee change: sent back in place as the answer to an
/// <c>Action.Execute</c>, or asked for by Teams through the card's <c>refresh</c> (<see cref="TeamsVerbs.Refresh"/>).
/// </remarks>
public static class ConversationCardRenderer
{
    /// <param name="route">The conversation's route: its name and thread mode are shown so nobody has to guess what a reply does.</param>
    /// <param name="movedFrom">Set when an operator moved the conversation here from another channel's thread.</param>
    public static AdaptiveCard Render(
        Conversation conversation, Contact contact, Operator? assignee, IReadOnlyList<Operator> operators, Route? route = null, bool movedFrom = false)
    {
        var data = CardJson.Data(new ConversationActionData(conversation.Id));
        var reference = $"#{conversation.Id.ToString(CultureInfo.InvariantCulture)}";

        // Cut the name, not the reference: "#123" is what operators type in commands.
        var header = new TextBlock($"{CardText.Plain(contact.DisplayName, CardLimits.Heading)} · {reference}")
        {
            Weight = TextWeight.Bolder,
            Size = TextSize.Medium,
        };
        var assigneeText = assignee is null ? "Unassigned" : $"Assigned to {CardText.Plain(OperatorName(assignee), CardLimits.Heading)}";
        var summary = new TextBlock($"{ChannelLabel(conversation.Channel)} · {StatusLabel(conversation.Status)} · {assigneeText}")
        {
            IsSubtle = true,
            Spacing = CardSpacing.Small,
        };

        List<CardElement> body = [header, summary];
        var facts = Facts(conversation, contact);
        if (facts.Count > 0) body.Add(new FactSet(facts) { Spacing = CardSpacing.Medium });
        if (route is not null)
            body.Add(new TextBlock(CardText.Escape($"🧭 Route {route.Name} · {route.Mode.Name()} — {ThreadReplies.Explain(route)}"))
            {
                IsSubtle = true,
                Spacing = CardSpacing.Medium,
            });
        if (movedFrom) body.Add(new TextBlock("↩️ Moved here from another channel's thread.") { IsSubtle = true, Spacing = CardSpacing.Small });

        var refresh = new CardRefresh(new ExecuteAction("Refresh", TeamsVerbs.Refresh, data));
        return CardSizeGuard.Fit(new AdaptiveCard(body, Actions(conversation, assignee, operators, data), refresh));
    }

    public static string ChannelLabel(ChannelKind channel) => channel switch
    {
        ChannelKind.Widget => "Widget",
        ChannelKind.Email => "Email",
        ChannelKind.Telegram => "Telegram",
        _ => channel.ToString(),
    };

    public static string StatusLabel(ConversationStatus status) => status switch
    {
        ConversationStatus.Open => "Open",
        ConversationStatus.Closed => "Closed",
        ConversationStatus.Spam => "Spam",
        _ => status.ToString(),
    };

    private static List<Fact> Facts(Conversation conversation, Contact contact)
    {
        (string Title, string? Value)[] facts =
        [
            ("Email", contact.Email),
            ("Phone", contact.Phone),
            ("City", contact.City),
            ("Country", contact.Country),
            ("Device", contact.Device),
            ("OS", contact.OperatingSystem),
            ("Browser", contact.Browser),
            ("Visitor tags", Tags(contact.Tags)),
            ("Chat tags", Tags(conversation.Tags)),
        ];
        // Teams reads fact values as Markdown, and every one of these came from the visitor: escape them all.
        return facts
            .Where(f => !string.IsNullOrWhiteSpace(f.Value))
            .Select(f => new Fact(f.Title, CardText.Plain(f.Value, CardLimits.FactValue)))
            .ToList();
    }

    private static string? Tags(IReadOnlyList<string> tags) => tags.Count == 0 ? null : string.Join(", ", tags);

    private static IEnumerable<CardAction> Actions(Conversation conversation, Operator? assignee, IReadOnlyList<Operator> operators, JsonElement data)
    {
        yield return new ExecuteAction("Assign to me", TeamsVerbs.AssignToMe, data) { Style = assignee is null ? ActionStyle.Positive : null };
        yield return new ExecuteAction("Join", TeamsVerbs.Join, data);
        // Always offered: in notes-by-default and alerts-only threads it is how an answer reaches the customer.
        if (conversation.Status != ConversationStatus.Spam) yield return Reply(data);
        if (operators.Count > 0) yield return Transfer(operators, data);
        yield return conversation.Status == ConversationStatus.Open
            ? new ExecuteAction("Close", TeamsVerbs.Close, data)
            : new ExecuteAction("Reopen", TeamsVerbs.Reopen, data);
        // Teams shows six buttons at most; the rarer actions live in the overflow menu, where Spam is also harder to hit by accident.
        if (conversation.Status != ConversationStatus.Spam)
            yield return new ExecuteAction("Spam", TeamsVerbs.Spam, data) { Style = ActionStyle.Destructive, Mode = ActionMode.Secondary };
        yield return new ExecuteAction("Details", TeamsVerbs.Details, data) { Mode = ActionMode.Secondary };
        yield return new ExecuteAction("History", TeamsVerbs.History, data) { Mode = ActionMode.Secondary };
    }

    private static ShowCardAction Reply(JsonElement data)
    {
        var text = new InputText(TeamsVerbs.ReplyTextInput, "Your answer to the customer", isMultiline: true)
        {
            Label = "To the customer",
            IsRequired = true,
            ErrorMessage = "Write the answer for the customer.",
        };
        var form = AdaptiveCard.Nested([text], [new ExecuteAction("Send", TeamsVerbs.Reply, data) { Style = ActionStyle.Positive }]);
        return new ShowCardAction("Reply…", form);
    }

    private static ShowCardAction Transfer(IReadOnlyList<Operator> operators, JsonElement data)
    {
        // Choice titles are not read as Markdown, so operator names go in flattened but unescaped.
        var choices = operators
            .Take(CardLimits.Choices)
            .Select(o => new InputChoice(CardText.Fit(CardText.SingleLine(OperatorName(o)), CardLimits.ChoiceTitle), o.Id.ToString()));
        var picker = new InputChoiceSet(TeamsVerbs.OperatorIdInput, choices, "Choose an operator")
        {
            Label = "Transfer to",
            IsRequired = true,
            ErrorMessage = "Choose who takes over the conversation.",
            // Type-ahead filtering in Teams; clients without it show the usual drop-down.
            Style = ChoiceInputStyle.Filtered,
        };
        // The inner Action.Execute gathers the pick list's value and sends it with the conversation id.
        var form = AdaptiveCard.Nested([picker], [new ExecuteAction("Transfer", TeamsVerbs.Transfer, data) { Style = ActionStyle.Positive }]);
        return new ShowCardAction("Transfer…", form);
    }

    private static string OperatorName(Operator op) => string.IsNullOrWhiteSpace(op.DisplayName) ? op.Email : op.DisplayName;
}
