using Inbox.Core.Model;
using Inbox.Core.Views;
using Microsoft.EntityFrameworkCore;

namespace Inbox.Storage.Queries;

/// <summary>
/// How many conversations each (status, blocked, awaiting reply) combination holds, with the sums behind the Closed
/// view's averages: read from the "ConversationCounts" table that database triggers keep in step with every write to
/// "Conversations" (migration ViewCountsAndSearch), so no count walks the conversations.
/// </summary>
/// <remarks>
/// On PostgreSQL each server process keeps its own counter rows (so concurrent hosts never wait on one another's
/// counters); a read adds them up. The figures are those of the reader's snapshot, exact as a COUNT(*) would be.
/// </remarks>
internal sealed class ConversationCounts
{
    private readonly IReadOnlyList<CountRow> _rows;

    private ConversationCounts(IReadOnlyList<CountRow> rows) => _rows = rows;

    public static async Task<ConversationCounts> ReadAsync(InboxDbContext db, CancellationToken cancellationToken) =>
        new(await db.Database.SqlQueryRaw<CountRow>("""
            SELECT "Status", "IsContactBlocked", "AwaitingReply",
                   CAST(SUM("Conversations") AS bigint) AS "Conversations",
                   CAST(SUM("Durations") AS bigint) AS "Durations", CAST(SUM("DurationSeconds") AS bigint) AS "DurationSeconds",
                   CAST(SUM("FirstResponses") AS bigint) AS "FirstResponses", CAST(SUM("FirstResponseSeconds") AS bigint) AS "FirstResponseSeconds"
            FROM "ConversationCounts"
            GROUP BY "Status", "IsContactBlocked", "AwaitingReply"
            """).ToListAsync(cancellationToken));

    /// <summary>How many conversations the view holds for anyone (You, which depends on the operator, is not counted here).</summary>
    public int Of(InboxView view) => view switch
    {
        InboxView.Open => Sum(r => r.Status == ConversationStatus.Open && !r.IsContactBlocked && r.AwaitingReply),
        InboxView.All => Sum(r => r.Status != ConversationStatus.Spam && !r.IsContactBlocked),
        InboxView.Closed => Sum(r => r.Status == ConversationStatus.Closed && !r.IsContactBlocked),
        InboxView.Spam => Sum(r => r.Status == ConversationStatus.Spam || r.IsContactBlocked),
        _ => throw new ArgumentOutOfRangeException(nameof(view), view, "You is counted per operator."),
    };

    /// <summary>The unfiltered Closed view's figures: averages as AVG would give them (conversations without the value left out).</summary>
    public ClosedSummary ClosedSummary()
    {
        var closed = _rows.Where(r => r.Status == ConversationStatus.Closed && !r.IsContactBlocked).ToList();
        var durations = closed.Sum(r => r.Durations);
        var firstResponses = closed.Sum(r => r.FirstResponses);
        return new ClosedSummary(
            (int)closed.Sum(r => r.Conversations),
            durations == 0 ? null : TimeSpan.FromSeconds((double)closed.Sum(r => r.DurationSeconds) / durations),
            firstResponses == 0 ? null : TimeSpan.FromSeconds((double)closed.Sum(r => r.FirstResponseSeconds) / firstResponses));
    }

    private int Sum(Func<CountRow, bool> which) => (int)_rows.Where(which).Sum(r => r.Conversations);

    /// <summary>One combination's totals across shards.</summary>
    internal sealed record CountRow(
        ConversationStatus Status, bool IsContactBlocked, bool AwaitingReply,
        long Conversations, long Durations, long DurationSeconds, long FirstResponses, long FirstResponseSeconds);
}
