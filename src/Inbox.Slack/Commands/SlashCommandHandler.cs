using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Inbox.Core.Commands;
using Inbox.Core.Commands.Text;
using Inbox.Core.Model;
using Inbox.Core.Views;
using Inbox.Slack.Inbound;
using Inbox.Slack.Mirroring;
using Inbox.Slack.Rendering;

namespace Inbox.Slack.Commands;

/// <summary>Runs <c>/inbox ...</c> for the Slack user who typed it and answers with the text of an ephemeral reply.</summary>
public sealed partial class SlashCommandHandler(
    SlackOperators operators, OperatorCommands commands, IInboxQueries queries, SlackLinks links, TimeProvider time)
{
    private const int PageSize = 10;

    public async Task<string> RunAsync(string? text, string slackUserId, CancellationToken ct)
    {
        var parsed = CommandLine.Parse(text);
        if (!parsed.Succeeded) return parsed.Error.Message;
        var line = parsed.Value;
        if (line.Verb == CommandVerb.Help) return $"*Inbox commands:* {CommandLine.Usage}";

        var me = await operators.ResolveAsync(slackUserId, ct);
        if (me is null) return "I could not find your Slack profile, so I cannot act for you.";
        if (CommandLine.ViewOf(line.Verb) is { } view) return await ViewAsync(view, line.Page, line.Filter, me, ct);

        var id = line.ConversationId.GetValueOrDefault();
        InboxResult<ConversationChange> result;
        switch (line.Verb)
        {
            case CommandVerb.Search: return await SearchAsync(line.Argument!, ct);
            case CommandVerb.Details: return await DetailsAsync(id, ct);
            case CommandVerb.History: return await HistoryAsync(id, ct);
            case CommandVerb.Assign or CommandVerb.Transfer:
                var target = line.OperatorReference is null ? me : await OperatorFromMentionAsync(line.OperatorReference, ct);
                if (target is null) return $"I don't know {SlackText.Escape(line.OperatorReference)}: mention a workspace member, e.g. `@lee`.";
                result = line.Verb == CommandVerb.Assign
                    ? await commands.AssignAsync(id, target.Id, me.Id, ct)
                    : await commands.TransferAsync(id, target.Id, me.Id, ct);
                break;
            case CommandVerb.Join: result = await commands.JoinAsync(id, me.Id, ct); break;
            case CommandVerb.Close: result = await commands.CloseAsync(id, me.Id, ct); break;
            case CommandVerb.Reopen: result = await commands.ReopenAsync(id, me.Id, ct); break;
            case CommandVerb.MarkSpam: result = await commands.MarkSpamAsync(id, me.Id, ct); break;
            case CommandVerb.Block: result = await commands.BlockAsync(id, me.Id, ct); break;
            case CommandVerb.Unblock: result = await commands.UnblockAsync(id, me.Id, ct); break;
            case CommandVerb.Note: result = await commands.AddNoteAsync(id, me.Id, SlackMarkup.ToPlainText(line.Argument), cancellationToken: ct); break;
            case CommandVerb.Tag: result = await commands.TagAsync(id, line.Argument!, me.Id, ct); break;
            case CommandVerb.Untag: result = await commands.UntagAsync(id, line.Argument!, me.Id, ct); break;
            default: return $"*Inbox commands:* {CommandLine.Usage}";
        }
        return result.Succeeded ? SlackText.Escape(result.Value.Summary) : SlackText.Escape(result.Error.Message);
    }

    /// <summary>A view's first page as mrkdwn, for the Home tab.</summary>
    public Task<string> ViewTextAsync(InboxView view, Operator me, CancellationToken ct) => ViewAsync(view, 1, null, me, ct);

    private async Task<string> ViewAsync(InboxView view, int pageNumber, ClosedFilterText? typedFilter, Operator me, CancellationToken ct)
    {
        ConversationFilter? filter = null;
        if (typedFilter is { } typed)
        {
            var (parsed, problem) = await FilterAsync(typed, ct);
            if (problem is not null) return problem;
            filter = parsed;
        }
        string? after = null;
        ViewPage page;
        var number = 1;
        do
        {
            page = await queries.GetViewAsync(new ViewQuery(view, me.Id, filter, after, PageSize), ct);
            after = page.NextCursor;
        } while (number++ < pageNumber && after is not null);

        var counts = await queries.GetCountsAsync(me.Id, ct);
        var text = new StringBuilder()
            .Append($"*{view}* — {page.TotalCount} conversation{(page.TotalCount == 1 ? "" : "s")}")
            .Append(pageNumber > 1 ? $", page {pageNumber}" : "")
            .AppendLine($"   _(You {counts.You} · Open {counts.Open} · All {counts.All} · Closed {counts.Closed} · Spam {counts.Spam})_");
        if (page.Summary is { } summary)
            text.AppendLine($"Closed: {summary.Count} · average duration {Duration(summary.AverageDuration)} · average first response {Duration(summary.AverageFirstResponse)}");
        if (page.Items.Count == 0) text.AppendLine("_Nothing here._");
        foreach (var row in page.Items) text.AppendLine(await RowAsync(row, ct));
        if (page.NextCursor is not null) text.Append($"_More: `/inbox {view.ToString().ToLowerInvariant()} {pageNumber + 1}`_");
        return text.ToString().TrimEnd();
    }

    private async Task<string> SearchAsync(string words, CancellationToken ct)
    {
        var found = await queries.SearchAsync(words, PageSize, ct);
        if (found.Count == 0) return $"No conversation matches “{SlackText.Escape(words)}”.";
        var text = new StringBuilder($"*Search* “{SlackText.Escape(words)}” — {found.Count} found\n");
        foreach (var row in found) text.AppendLine(await RowAsync(row, ct));
        return text.ToString().TrimEnd();
    }

    public async Task<string> DetailsAsync(long id, CancellationToken ct)
    {
        var details = await queries.GetDetailsAsync(id, ct);
        if (details is null) return $"Conversation #{id} does not exist.";
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

    public async Task<string> HistoryAsync(long id, CancellationToken ct)
    {
        var conversation = await queries.FindConversationAsync(id, ct);
        if (conversation is null) return $"Conversation #{id} does not exist.";
        var past = await queries.GetPastConversationsAsync(conversation.ContactId, id, ct);
        if (past.Count == 0) return $"#{id}: the visitor has no other conversations.";
        var text = new StringBuilder($"*Past conversations of #{id}'s visitor*\n");
        foreach (var p in past)
            text.AppendLine($"• #{p.Id} · {When(p.StartedAt)} · {Duration(p.Duration)} · {ThreadRootRenderer.StatusLabel(p.Status)}");
        return text.ToString().TrimEnd();
    }

    private async Task<string> RowAsync(ConversationSummary row, CancellationToken ct)
    {
        var link = await links.ConversationAsync(row.Id, await queries.FindThreadAsync(row.Id, SlackOutboxRouter.Destination, ct), ct);
        var state = row.Status == ConversationStatus.Open ? (row.IsActive ? "active" : "inactive") : row.Status.ToString().ToLowerInvariant();
        return $"• {link} {SlackText.Escape(row.ContactName)} · {state} · {SlackText.Escape(row.AssigneeName ?? "unassigned")} · {When(row.LastActivityAt)}"
            + (string.IsNullOrEmpty(row.Preview) ? "" : $" · _{SlackText.Escape(row.Preview)}_");
    }

    private async Task<(ConversationFilter? Filter, string? Problem)> FilterAsync(ClosedFilterText typed, CancellationToken ct)
    {
        DateTimeOffset? Date(string? text) =>
            DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at) ? at : null;
        if (typed.Since is not null && Date(typed.Since) is null) return (null, $"`since:{SlackText.Escape(typed.Since)}` is not a date; use e.g. since:2026-11-01.");
        if (typed.Until is not null && Date(typed.Until) is null) return (null, $"`until:{SlackText.Escape(typed.Until)}` is not a date; use e.g. until:2026-12-01.");
        ChannelKind? channel = null;
        if (typed.Channel is not null)
        {
            if (!Enum.TryParse<ChannelKind>(typed.Channel, true, out var kind) || !Enum.IsDefined(kind) || int.TryParse(typed.Channel, out _))
                return (null, $"`channel:{SlackText.Escape(typed.Channel)}` is not a channel; use widget, email or telegram.");
            channel = kind;
        }
        string? tag = null;
        if (typed.Tag is not null && (tag = TagSet.Normalize(typed.Tag)) is null) return (null, $"`tag:{SlackText.Escape(typed.Tag)}` is not a tag.");
        Guid? assignee = null;
        if (typed.Assignee is not null)
        {
            var who = await OperatorFromMentionAsync(typed.Assignee, ct);
            if (who is null) return (null, $"I don't know {SlackText.Escape(typed.Assignee)}: mention a workspace member, e.g. assignee:@lee.");
            assignee = who.Id;
        }
        return (new ConversationFilter(Date(typed.Since), Date(typed.Until), tag, assignee, channel), null);
    }

    // With should_escape, Slack sends mentions as <@U123|name>; without it, plain @name cannot be resolved.
    private async Task<Operator?> OperatorFromMentionAsync(string reference, CancellationToken ct)
    {
        var match = Mention().Match(reference);
        return match.Success ? await operators.ResolveAsync(match.Groups["id"].Value, ct) : null;
    }

    private string When(DateTimeOffset at)
    {
        var ago = time.GetUtcNow() - at;
        return ago < TimeSpan.FromMinutes(1) ? "just now"
            : ago < TimeSpan.FromHours(1) ? $"{(int)ago.TotalMinutes}m ago"
            : ago < TimeSpan.FromDays(1) ? $"{(int)ago.TotalHours}h ago"
            : at.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
    }

    private static string Duration(TimeSpan? span) => span is not { } d ? "—"
        : d < TimeSpan.FromMinutes(1) ? $"{(int)d.TotalSeconds}s"
        : d < TimeSpan.FromHours(1) ? $"{(int)d.TotalMinutes}m"
        : d < TimeSpan.FromDays(1) ? $"{(int)d.TotalHours}h {d.Minutes}m"
        : $"{(int)d.TotalDays}d {d.Hours}h";

    [GeneratedRegex(@"^<@(?<id>[UW][A-Z0-9]+)(\|[^>]*)?>$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Mention();
}
