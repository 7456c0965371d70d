using Inbox.Core.Commands.Text;
using Inbox.Core.Model;
using Inbox.Core.Routing;
using Inbox.Core.Views;

namespace Inbox.Teams.Cards;

/// <summary>Renders the answer to an <c>@Inbox</c> command as a card: views and search as lists, details and history as cards of facts.</summary>
/// <remarks>Every text that came from customers or operators is escaped.</remarks>
public static class CommandAnswerCardRenderer
{
    /// <param name="teamsChannelOf">Each route's Teams channel, for the list of routes.</param>
    public static AdaptiveCard Render(CommandAnswer answer, DateTimeOffset now, Func<Route, string?>? teamsChannelOf = null) => CardSizeGuard.Fit(answer switch
    {
        CommandAnswer.RouteList list => Routes(list.All, teamsChannelOf ?? (r => r.TeamsChannel)),
        CommandAnswer.Help help => Card("Inbox commands", [Lines(HelpLines(help.Usage))]),
        CommandAnswer.Refused refused => Card("⚠️ Not done", [Plain(refused.Message)]),
        CommandAnswer.Changed changed => Card("✅ Done", [Plain(changed.Change.Summary)]),
        CommandAnswer.View view => View(view, now),
        CommandAnswer.Search search => Card($"Search “{CardText.Plain(search.Words, CardLimits.Heading)}” — {search.Found.Count} found",
            search.Found.Count == 0 ? [Subtle("No conversation matches.")] : search.Found.Select(r => Row(r, now)).ToList(), escapeTitle: false),
        CommandAnswer.Details details => Details(details.Conversation, now),
        CommandAnswer.History history => Card($"Past conversations of #{history.ConversationId}'s visitor",
            history.Past.Count == 0 ? [Subtle("The visitor has no other conversations.")]
                : history.Past.Select(p => (CardElement)Line($"{p.Reference} · {TimeText.When(p.StartedAt, now)} · {TimeText.Duration(p.Duration)} · {ConversationCardRenderer.StatusLabel(p.Status)}")).ToList()),
        CommandAnswer.OperatorState state => Card($"You are {state.Operator.Status.ToString().ToLowerInvariant()}",
            [Line($"{state.OpenAssigned} open conversation{(state.OpenAssigned == 1 ? "" : "s")} assigned · capacity {state.Capacity}")]),
        _ => Card("Inbox", [Subtle("Nothing to show.")]),
    });

    private static AdaptiveCard View(CommandAnswer.View answer, DateTimeOffset now)
    {
        var (page, counts) = (answer.Page, answer.Counts);
        var narrowed = answer.Routes is { } names ? $" in route{(names.Count == 1 ? "" : "s")} {string.Join(", ", names)}" : "";
        var title = $"{page.View}{narrowed} — {page.TotalCount} conversation{(page.TotalCount == 1 ? "" : "s")}{(answer.PageNumber > 1 ? $", page {answer.PageNumber}" : "")}";
        List<CardElement> body = [Subtle($"You {counts.You} · Open {counts.Open} · All {counts.All} · Closed {counts.Closed} · Spam {counts.Spam}")];
        if (page.Summary is { } summary)
            body.Add(Line($"Closed: {summary.Count} · average duration {TimeText.Duration(summary.AverageDuration)} · average first response {TimeText.Duration(summary.AverageFirstResponse)}"));
        if (page.Items.Count == 0) body.Add(Subtle("Nothing here."));
        body.AddRange(page.Items.Select(r => Row(r, now)));
        if (page.NextCursor is not null) body.Add(Subtle($"More: `@Inbox {page.View.ToString().ToLowerInvariant()} {answer.PageNumber + 1}`"));
        return Card(title, body);
    }

    private static AdaptiveCard Routes(IReadOnlyList<Route> routes, Func<Route, string?> teamsChannelOf)
    {
        var number = 0;
        var lines = routes.Select(route =>
        {
            var teams = teamsChannelOf(route) is { } channel ? $"Teams {channel}" : "no Teams thread";
            var slack = route.SlackChannel is { } slackChannel ? $"Slack {slackChannel}" : route.IsDefault ? "Slack's default channel" : "no Slack thread";
            var sees = route.CustomerSees == CustomerSees.Alias ? $"“{route.Alias}”" : "the operator's name";
            var prefix = route.Mode == ThreadMode.NotesByDefault ? $" (send prefix {route.SendPrefix})" : "";
            return (CardElement)Line($"{(route.IsDefault ? "•" : $"{++number}.")} {route.Name} — {route.Match.Describe()} → {teams}, {slack} · {route.Mode.Name()}{prefix} · customers see {sees}");
        }).ToList();
        return Card("Routes — tried in order, the first match takes a new conversation", lines);
    }

    private static AdaptiveCard Details(ConversationDetails details, DateTimeOffset now)
    {
        var (c, v) = (details.Conversation, details.Contact);
        (string Title, string? Value)[] visitor =
        [
            ("Name", v.DisplayName), ("Visitor id", v.Id.ToString()), ("Email", v.Email), ("Phone", v.Phone),
            ("City", v.City), ("Country", v.Country), ("Device", v.Device), ("OS", v.OperatingSystem), ("Browser", v.Browser),
            ("Visitor tags", v.Tags.Count == 0 ? null : string.Join(", ", v.Tags)), ("Blocked", v.IsBlocked ? "yes" : null),
        ];
        (string Title, string? Value)[] conversation =
        [
            ("Conversation", c.Reference), ("Channel", ConversationCardRenderer.ChannelLabel(c.Channel)),
            ("Status", ConversationCardRenderer.StatusLabel(c.Status) + (c.Status == ConversationStatus.Open ? details.IsActive ? " (active)" : " (inactive)" : "")),
            ("Assignee", details.Assignee?.DisplayName ?? "none"), ("Started", TimeText.When(c.StartedAt, now)),
            ("Ended", c.EndedAt is { } end ? TimeText.When(end, now) : null), ("Chat tags", c.Tags.Count == 0 ? null : string.Join(", ", c.Tags)),
        ];
        List<CardElement> body = [Section("Visitor"), Facts(visitor), Section("Conversation"), Facts(conversation), Section($"Notes ({details.Notes.Count})")];
        body.AddRange(details.Notes.Count == 0 ? [Subtle("None.")]
            : details.Notes.Select(n => (CardElement)new TextBlock($"**{CardText.Plain(n.AuthorName ?? "", CardLimits.Heading)}**: {CardText.Escape(n.Text)}")));
        body.Add(Section($"Past conversations ({details.PastConversations.Count})"));
        body.AddRange(details.PastConversations.Count == 0 ? [Subtle("None.")]
            : details.PastConversations.Select(p => (CardElement)Line($"{p.Reference} · {TimeText.When(p.StartedAt, now)} · {TimeText.Duration(p.Duration)} · {ConversationCardRenderer.StatusLabel(p.Status)}")));
        return Card($"{CardText.Plain(v.DisplayName, CardLimits.Heading)} · {c.Reference}", body, escapeTitle: false);
    }

    private static CardElement Row(ConversationSummary row, DateTimeOffset now)
    {
        var state = row.Status == ConversationStatus.Open ? (row.IsActive ? "active" : "inactive") : row.Status.ToString().ToLowerInvariant();
        var text = $"**{row.Reference}** {CardText.Plain(row.ContactName, CardLimits.Heading)} · {state} · {CardText.Plain(row.AssigneeName ?? "unassigned", CardLimits.Heading)} · {TimeText.When(row.LastActivityAt, now)}";
        if (!string.IsNullOrEmpty(row.Preview)) text += $" · _{CardText.Plain(row.Preview, 200)}_";
        return new TextBlock(text) { Spacing = CardSpacing.Small };
    }

    private static IEnumerable<string> HelpLines(string usage) =>
        usage.Split(" · ", StringSplitOptions.RemoveEmptyEntries).Select(part => "• " + part);

    private static AdaptiveCard Card(string title, IEnumerable<CardElement> body, bool escapeTitle = true) =>
        new([new TextBlock(escapeTitle ? CardText.Plain(title, CardLimits.Heading) : title) { Weight = TextWeight.Bolder, Size = TextSize.Medium }, .. body]);

    private static TextBlock Section(string title) => new(title) { Weight = TextWeight.Bolder, Spacing = CardSpacing.Medium };

    private static FactSet Facts((string Title, string? Value)[] facts) =>
        new(facts.Where(f => !string.IsNullOrWhiteSpace(f.Value)).Select(f => new Fact(f.Title, CardText.Plain(f.Value, CardLimits.FactValue))).ToList());

    // Answers are plain text from the core. Adaptive Cards have no code style, so the backticks marking what to type
    // are shown as they are, escaped with everything else (a visitor's name in a summary must never become markup).
    private static TextBlock Plain(string text) => new(CardText.Escape(text));

    private static TextBlock Line(string text) => new(CardText.Escape(text)) { Spacing = CardSpacing.Small };

    private static TextBlock Lines(IEnumerable<string> lines) => new(string.Join("\n\n", lines.Select(CardText.Escape)));

    private static TextBlock Subtle(string text) => new(CardText.Escape(text)) { IsSubtle = true };
}
