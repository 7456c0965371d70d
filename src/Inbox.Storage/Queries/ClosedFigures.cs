using Inbox.Core.Model;
using Inbox.Core.Views;
using Microsoft.EntityFrameworkCore;

namespace Inbox.Storage.Queries;

/// <summary>The count and averages of a filtered Closed view, in one pass over the index made for them.</summary>
/// <remarks>
/// The index IX_Conversations_ClosedFigures (Status, IsContactBlocked, EndedAt, then channel, assignee, the two
/// durations and tags; migration ViewCountsAndSearch) holds every column these filters and figures read, so the pass
/// never touches the table and reads only the closed conversations that ended within the filter's dates; with a tag
/// filter, on SQLite, its partial twin of tagged conversations only (migration ClosedFiguresOfTaggedConversations). That is its
/// bound: a filter with a date range costs in proportion to the conversations closed in that range, one without dates
/// to all closed conversations (index entries only). The unfiltered Closed view does not come here: its figures are kept
/// as counters (<see cref="ConversationCounts"/>).
/// </remarks>
internal static class ClosedFigures
{
    public static async Task<ClosedSummary> ReadAsync(InboxDbContext db, ConversationFilter filter, CancellationToken cancellationToken)
    {
        var figures = await Query(db, filter).FirstOrDefaultAsync(cancellationToken);
        return figures is null
            ? new ClosedSummary(0, null, null)
            : new ClosedSummary(figures.Count,
                figures.Duration is { } d ? TimeSpan.FromSeconds(d) : null,
                figures.FirstResponse is { } f ? TimeSpan.FromSeconds(f) : null);
    }

    /// <summary>The one-row query of the figures (its plan is tested).</summary>
    internal static IQueryable<Figures> Query(InboxDbContext db, ConversationFilter filter)
    {
        var textTestIsExact = IsTextTestExact(db, filter);
        return Source(db, filter, textTestIsExact).AsNoTracking()
            .In(InboxView.Closed, new ViewSegment(ConversationStatus.Closed, false), null)
            .Matching(textTestIsExact ? filter with { Tag = null } : filter)
            // Grouped by the status the filter fixes, so SQLite groups in index order instead of sorting the rows for one group.
            .GroupBy(c => c.Status)
            .Select(g => new Figures(g.Count(), g.Average(c => (double?)c.DurationSeconds), g.Average(c => (double?)c.FirstResponseSeconds)));
    }

    internal sealed record Figures(int Count, double? Duration, double? FirstResponse);

    // SQLite tests a tag by reading the row's JSON array (json_each), which is slow when done for every closed
    // conversation. Any tag filter passes over the untagged conversations ("Tags" <> '[]', which lets SQLite read the
    // partial index IX_Conversations_ClosedFigures_Tagged). A tag of ASCII letters, digits and -_.: is written into
    // the array exactly as "tag", quotes included, and no other element can hold that text (a quote inside a JSON
    // string is escaped), so the text test alone is exact for it (IsTextTestExact) and json_each is not run. Other
    // tags are tested with json_each on the tagged rows. PostgreSQL's text[] needs no help.
    private static IQueryable<Conversation> Source(InboxDbContext db, ConversationFilter filter, bool textTestIsExact)
    {
        if (filter.Tag is not { } tag || !db.Database.IsSqlite()) return db.Conversations;
        return textTestIsExact
            ? db.Conversations.FromSqlRaw("""SELECT * FROM "Conversations" WHERE "Tags" <> '[]' AND instr("Tags", {0}) > 0""", $"\"{tag}\"")
            : db.Conversations.FromSqlRaw("""SELECT * FROM "Conversations" WHERE "Tags" <> '[]'""");
    }

    private static bool IsTextTestExact(InboxDbContext db, ConversationFilter filter) =>
        filter.Tag is { Length: > 0 } tag && tag.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or ':') && db.Database.IsSqlite();
}
