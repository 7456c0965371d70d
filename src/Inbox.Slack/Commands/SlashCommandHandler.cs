using System.Text;
using System.Text.RegularExpressions;
using Inbox.Core.Commands;
using Inbox.Core.Commands.Text;
using Inbox.Core.Model;
using Inbox.Core.Routing;
using Inbox.Core.Views;
using Inbox.Slack.Inbound;
using Inbox.Slack.Mirroring;
using Inbox.Slack.Rendering;

namespace Inbox.Slack.Commands;

/// <summary>Runs <c>/inbox ...</c> for the Slack user who typed it and answers with the text of an ephemeral reply.</summary>
/// <remarks>Parsing and running are shared with Teams (<see cref="CommandRunner"/>); this class resolves Slack mentions and writes mrkdwn.</remarks>
public sealed partial class SlashCommandHandler(
    SlackOperators operators, CommandRunner runner, IInboxQueries queries, SlackLinks links, TimeProvider time,
    Routing.SlackRoutes routes, SlackThreadMover mover)
{
    private const string ReferenceHint = "mention a workspace member, e.g. `@lee`";

    /// <param name="channelId">The channel the command was typed in: "open here" narrows to its routes, "move #123" alone moves there.</param>
    public async Task<string> RunAsync(string? text, string slackUserId, CancellationToken ct, string? channelId = null)
    {
        var parsed = CommandLine.Parse(text);
        if (!parsed.Succeeded) return parsed.Error.Message;
        var line = parsed.Value;
        if (line.Verb == CommandVerb.Help) return Help();

        var me = await operators.ResolveAsync(slackUserId, ct);
        if (me is null) return "I could not find your Slack profile, so I cannot act for you.";
        if (line.Verb == CommandVerb.Note) line = line with { Argument = SlackMarkup.ToPlainText(line.Argument) };
        if (line.Verb == CommandVerb.Move) return await mover.MoveAsync(line.ConversationId!.Value, line.Argument, channelId, me, ct);
        var here = channelId is null ? null : routes.In(channelId);
        return await RenderAsync(await runner.RunAsync(line, me, OperatorFromMentionAsync, ReferenceHint, ct, here: here), ct);
    }

    /// <summary>A view's first page as mrkdwn, for the Home tab; <paramref name="route"/> narrows it to one route's conversations.</summary>
    public async Task<string> ViewTextAsync(InboxView view, Operator me, CancellationToken ct, Core.Routing.Route? route = null) =>
        await RenderAsync(await runner.RunAsync(new CommandLine(VerbOf(view), Here: route is not null), me, OperatorFromMentionAsync, ReferenceHint, ct,
            here: route is null ? null : new[] { route }), ct);

    public async Task<string> DetailsAsync(long id, CancellationToken ct) =>
        await queries.GetDetailsAsync(id, ct) is { } details ? await DetailsTextAsync(details, ct) : $"Conversation #{id} does not exist.";

    public async Task<string> HistoryAsync(long id, CancellationToken ct) =>
        await queries.FindConversationAsync(id, ct) is { } conversation
            ? HistoryText(id, await queries.GetPastConversationsAsync(conversation.ContactId, id, ct))
            : $"Conversation #{id} does not exist.";

    private async Task<string> RenderAsync(CommandAnswer answer, CancellationToken ct) => answer switch
    {
        CommandAnswer.Help => Help(),
        CommandAnswer.Refused refused => SlackText.Escape(refused.Message),
        CommandAnswer.Changed changed => SlackText.Escape(changed.Change.Summary),
        CommandAnswer.View view => await ViewTextAsync(view, ct),
        CommandAnswer.Search search => await SearchTextAsync(search, ct),
        CommandAnswer.Details details => await DetailsTextAsync(details.Conversation, ct),
        CommandAnswer.History history => HistoryText(history.ConversationId, history.Past),
        CommandAnswer.RouteList list => RoutesText(list.All),
        CommandAnswer.OperatorState state =>
            $"You are *{state.Operator.Status.ToString().ToLowerInvariant()}* · {state.OpenAssigned} open conversation{(state.OpenAssigned == 1 ? "" : "s")} assigned · capacity {state.Capacity}",
        _ => Help(),
    };

    private static string Help() => $"*Inbox commands:* {CommandLine.Usage}";

    private static CommandVerb VerbOf(InboxView view) => view switch
    {
        InboxView.You => CommandVerb.You,
        InboxView.Open => CommandVerb.Open,
        InboxView.All => CommandVerb.All,
        InboxView.Closed => CommandVerb.Closed,
        _ => CommandVerb.Spam,
    };

    private async Task<string> ViewTextAsync(CommandAnswer.View answer, CancellationToken ct)
    {
        var (page, counts, pageNumber) = (answer.Page, answer.Counts, answer.PageNumber);
        var text = new StringBuilder()
            .Append($"*{page.View}*")
            .Append(answer.Routes is { } narrowed ? $" in route{(narrowed.Count == 1 ? "" : "s")} {SlackText.Escape(string.Join(", ", narrowed))}" : "")
            .Append($" — {page.TotalCount} conversation{(page.TotalCount == 1 ? "" : "s")}")
            .Append(pageNumber > 1 ? $", page {pageNumber}" : "")
            .AppendLine($"   _(You {counts.You} · Open {counts.Open} · All {counts.All} · Closed {counts.Closed} · Spam {counts.Spam})_");
        if (page.Summary is { } summary)
            text.AppendLine($"Closed: {summary.Count} · average duration {TimeText.Duration(summary.AverageDuration)} · average first response {TimeText.Duration(summary.AverageFirstResponse)}");
        if (page.Items.Count == 0) text.AppendLine("_Nothing here._");
        await AppendRowsAsync(text, page.Items, ct);
        if (page.NextCursor is not null) text.Append($"_More: `/inbox {page.View.ToString().ToLowerInvariant()} {pageNumber + 1}`_");
        return text.ToString().TrimEnd();
    }

    private string RoutesText(IReadOnlyList<Core.Routing.Route> all)
    {
        var text = new StringBuilder("*Routes* — tried in order, the first match takes a new conversation\n");
        var number = 0;
        foreach (var route in all)
        {
            var slack = routes.ChannelOf(route) is { } channel ? $"<#{channel}>" : "no Slack thread";
            var teams = route.TeamsChannel ?? (route.IsDefault ? "the installed channel" : "no Teams thread");
            var sees = route.CustomerSees == Core.Routing.CustomerSees.Alias ? $"“{SlackText.Escape(route.Alias)}”" : "the operator's name";
            text.AppendLine($"{(route.IsDefault ? "•" : $"{++number}.")} *{SlackText.Escape(route.Name)}* — {SlackText.Escape(route.Match.Describe())} → Slack {slack}, "
                + $"Teams {SlackText.Escape(teams)} · {route.Mode.Name()}"
                + (route.Mode == Core.Routing.ThreadMode.NotesByDefault ? $" (send prefix `{SlackText.Escape(route.SendPrefix)}`)" : "")
                + $" · customers see {sees}");
        }
        return text.ToString().TrimEnd();
    }

    private async Task<string> SearchTextAsync(CommandAnswer.Search search, CancellationToken ct)
    {
        if (search.Found.Count == 0) return $"No conversation matches “{SlackText.Escape(search.Words)}”.";
        var text = new StringBuilder($"*Search* “{SlackText.Escape(search.Words)}” — {search.Found.Count} found\n");
        await AppendRowsAsync(text, search.Found, ct);
        return text.ToString().TrimEnd();
    }

    private async Task<string> DetailsTextAsync(ConversationDetails details, CancellationToken ct)
    {
        var (c, v) = (details.Conversation, details.Contact);
        string Fact(string label, string? value) => string.IsNullOrWhiteSpace(value) ? "" : $"{label}: {SlackText.Escape(value)} · ";
        var text = new StringBuilder()
            .AppendLine($"*Visitor* {SlackText.Escape(v.DisplayName)} (id {v.Id})")
            .AppendLine(($"{Fact("email", v.Email)}{Fact("phone", v.Phone)}{Fact("city", v.City)}{Fact("country", v.Country)}"
                + $"{Fact("device", v.Device)}{Fact("OS", v.OperatingSystem)}{Fact("browser", v.Browser)}{Fact("visitor tags", string.Join(", ", v.Tags))}").TrimEnd(' ', '·'))
            .AppendLine($"*Conversation* {await links.ConversationAsync(c.Id, await queries.FindThreadAsync(c.Id, SlackOutboxRouter.Destination, ct), ct)} · "
                + $"{ThreadRootRenderer.ChannelLabel(c.Channel)} · {ThreadRootRenderer.StatusLabel(c.Status)}{(v.IsBlocked ? " · blocked" : "")} · "
                + $"assignee {SlackText.Escape(details.Assignee?.DisplayName ?? "none")} · started {When(c.StartedAt)}{(c.EndedAt is { } end ? $" · ended {When(end)}" : "")}"
                + (c.Tags.Count > 0 ? $" · chat tags: {SlackText.Escape(string.Join(", ", c.Tags))}" : ""));
        text.AppendLine(details.Notes.Count == 0 ? "*Notes* none" : "*Notes*");
        foreach (var note in details.Notes) text.AppendLine($"• {SlackText.Escape(note.AuthorName ?? "")}: {SlackText.Escape(note.Text)}");
        text.Append($"*Past conversations* {details.PastConversations.Count}");
        return text.ToString();
    }

    private string HistoryText(long id, IReadOnlyList<PastConversation> past)
    {
        if (past.Count == 0) return $"#{id}: the visitor has no other conversations.";
        var text = new StringBuilder($"*Past conversations of #{id}'s visitor*\n");
        foreach (var p in past)
            text.AppendLine($"• #{p.Id} · {When(p.StartedAt)} · {TimeText.Duration(p.Duration)} · {ThreadRootRenderer.StatusLabel(p.Status)}");
        return text.ToString().TrimEnd();
    }

    // One line per conversation, linked to its Slack thread; the threads of all the rows are read in one query.
    private async Task AppendRowsAsync(StringBuilder text, IReadOnlyList<ConversationSummary> rows, CancellationToken ct)
    {
        if (rows.Count == 0) return;
        var threads = await queries.FindThreadsAsync(rows.Select(r => r.Id).ToList(), SlackOutboxRouter.Destination, ct);
        foreach (var row in rows)
        {
            var link = await links.ConversationAsync(row.Id, threads.GetValueOrDefault(row.Id), ct);
            var state = row.Status == ConversationStatus.Open ? (row.IsActive ? "active" : "inactive") : row.Status.ToString().ToLowerInvariant();
            text.AppendLine($"• {link} {SlackText.Escape(row.ContactName)} · {state} · {SlackText.Escape(row.AssigneeName ?? "unassigned")} · {When(row.LastActivityAt)}"
                + (string.IsNullOrEmpty(row.Preview) ? "" : $" · _{SlackText.Escape(row.Preview)}_"));
        }
    }

    // With should_escape, Slack sends mentions as <@U123|name>; without it, plain @name cannot be resolved.
    private async Task<Operator?> OperatorFromMentionAsync(string reference, CancellationToken ct)
    {
        var match = Mention().Match(reference);
        return match.Success ? await operators.ResolveAsync(match.Groups["id"].Value, ct) : null;
    }

    private string When(DateTimeOffset at) => TimeText.When(at, time.GetUtcNow());

    [GeneratedRegex(@"^<@(?<id>[UW][A-Z0-9]+)(\|[^>]*)?>$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Mention();
}
