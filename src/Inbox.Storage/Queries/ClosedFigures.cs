using Inbox.Core.Model;
using Inbox.Core.Views;
using Microsoft.EntityFrameworkCore;

namespace Inbox.Storage.Queries;

/// <summary>The count and averages of a filtered Closed view, in one pass over the index made for them.</summary>
/// <remarks>
/// The index IX_Conversations_ClosedFigures (Status, IsContactBlocked, EndedAt, then channel, assignee, the two
/// durations and tags; migration ViewCountsAndSearch) holds every column these filters and figures read, so the pass
/// never touches the table and reads only the closed conversations that ended within the filter's dates. That is its
/// bound: a filter with a date range costs in proportion to the conversations closed in that range, one without dates
/// to all closed conversations (index entries only). The unfiltered Closed view does not come here: its figures are kept
/// as counters (<see cref="ConversationCounts"/>).
/// </remarks>
internal static class ClosedFigures
{
    public static async Task<ClosedSummary> ReadAsync(InboxDbContext db, ConversationFilter filter, CancellationToken cancellationToken)
    {
        var closed = Source(db, filter).AsNoTracking()
            .In(InboxView.Closed, new ViewSegment(ConversationStatus.Closed, false), null)
            .Matching(filter);
        // Grouped by the status the filter fixes, so SQLite groups in index order instead of sorting the rows for one group.
        var figures = await closed
            .GroupBy(c => c.Status)
            .Select(g => new
            {
                Count = g.Count(),
                Duration = g.Average(c => (double?)c.DurationSeconds),
                FirstResponse = g.Average(c => (double?)c.FirstResponseSeconds),
            })
            .FirstOrDefaultAsync(cancellationToken);
        return figures is null
            ? new ClosedSummary(0, null, null)
            : new ClosedSummary(figures.Count,
                figures.Duration is { } d ? TimeSpan.FromSeconds(d) : null,
                figures.FirstResponse is { } f ? TimeSpan.FromSeconds(f) : null);
    }

    // SQLite tests a tag by reading the row's JSON array (json_each), which is slow when done for every closed
    // conversation; a tag of ASCII letters, digits and -_.: is written into that array exactly as "tag", so only rows whose
    // text holds "tag" are passed on to the exact test. Other tags are tested on every row. PostgreSQL's text[] needs no help.
    private static IQueryable<Conversation> Source(InboxDbContext db, ConversationFilter filter) =>
        filter.Tag is { } tag && tag.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or ':') && db.Database.IsSqlite()
            ? db.Conversations.FromSqlRaw("""SELECT * FROM "Conversations" WHERE instr("Tags", {0}) > 0""", $"\"{tag}\"")
            : db.Conversations;
}
