using Inbox.Core.Model;
using Microsoft.EntityFrameworkCore;

namespace Inbox.Storage.Queries;

/// <summary>
/// The newest matches of a search found by walking each (status, blocked) segment newest first and probing conversations
/// one by one, so a common word costs the walk to the first page of matches instead of a lookup per match.
/// </summary>
/// <remarks>
/// Each segment is walked through its index (Status, IsContactBlocked, LastActivityAt, Id), no further than its
/// <see cref="Window"/> newest conversations. A segment's answer is exact when it filled the page or the window held the
/// whole segment; when any segment is neither (a word whose matches are rare among the recent conversations) the walk
/// gives up and returns null, and the caller looks the matches up instead, which is then cheap in proportion to how few
/// they are. So the walk costs at most Window probes per segment whatever the number of matches.
/// </remarks>
internal static class RecentSearchMatches
{
    /// <summary>How many of a segment's newest conversations are probed before the walk gives up.</summary>
    public const int Window = 2_000;

    /// <summary>The ids of the newest <paramref name="limit"/> matches, newest first; null when the walk could not be sure of them.</summary>
    public static async Task<IReadOnlyList<long>?> FindAsync(InboxDbContext db, Func<IQueryable<Conversation>, IQueryable<Conversation>> matching,
        int limit, CancellationToken cancellationToken)
    {
        var keys = new List<(DateTimeOffset LastActivityAt, long Id)>();
        foreach (var status in Enum.GetValues<ConversationStatus>())
        foreach (var blocked in new[] { false, true })
        {
            var segment = db.Conversations.AsNoTracking().Where(c => c.Status == status && c.IsContactBlocked == blocked);
            // The activity of the window's oldest conversation: one walk over index entries only.
            var floor = await segment.OrderByDescending(c => c.LastActivityAt).ThenByDescending(c => c.Id)
                .Skip(Window - 1).Select(c => (DateTimeOffset?)c.LastActivityAt).FirstOrDefaultAsync(cancellationToken);
            var walked = floor is { } f ? segment.Where(c => c.LastActivityAt >= f) : segment;
            var found = await matching(walked).OrderByDescending(c => c.LastActivityAt).ThenByDescending(c => c.Id).Take(limit)
                .Select(c => new { c.LastActivityAt, c.Id }).ToListAsync(cancellationToken);
            if (found.Count < limit && floor is not null) return null;
            keys.AddRange(found.Select(k => (k.LastActivityAt, k.Id)));
        }
        return keys.OrderByDescending(k => k.LastActivityAt).ThenByDescending(k => k.Id).Take(limit).Select(k => k.Id).ToList();
    }
}
