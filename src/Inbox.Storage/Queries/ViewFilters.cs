using Inbox.Core.Model;
using Inbox.Core.Views;

namespace Inbox.Storage.Queries;

/// <summary>Which conversations each view holds, as query filters.</summary>
/// <remarks>
/// A view is one or more segments of the index (Status, IsContactBlocked, LastActivityAt, Id): each segment is an equality
/// on its first two columns, so the index hands out the segment's rows newest first and a page reads only as many entries
/// as it shows. The blocked flag is compared with a parameter (<c>= @blocked</c>), never as <c>NOT "IsContactBlocked"</c>,
/// which SQLite cannot use as an equality on the index.
/// </remarks>
internal static class ViewFilters
{
    private static readonly ViewSegment[] OpenOnly = [new(ConversationStatus.Open, false)];
    private static readonly ViewSegment[] ClosedOnly = [new(ConversationStatus.Closed, false)];
    private static readonly ViewSegment[] OpenAndClosed = [new(ConversationStatus.Open, false), new(ConversationStatus.Closed, false)];
    private static readonly ViewSegment[] SpamAndBlocked =
    [
        new(ConversationStatus.Spam, false), new(ConversationStatus.Spam, true), new(ConversationStatus.Open, true), new(ConversationStatus.Closed, true),
    ];

    /// <summary>The (status, blocked) segments whose union is the view.</summary>
    public static IReadOnlyList<ViewSegment> SegmentsOf(InboxView view) => view switch
    {
        InboxView.You or InboxView.Open => OpenOnly,
        InboxView.All => OpenAndClosed,
        InboxView.Closed => ClosedOnly,
        InboxView.Spam => SpamAndBlocked,
        _ => throw new ArgumentOutOfRangeException(nameof(view), view, "Unknown view."),
    };

    /// <summary>The view's conversations within one of its segments.</summary>
    public static IQueryable<Conversation> In(this IQueryable<Conversation> conversations, InboxView view, ViewSegment segment, Guid? operatorId)
    {
        var (status, blocked) = (segment.Status, segment.Blocked);
        return view switch
        {
            // The assignee's index (AssigneeId, Status, LastActivityAt, Id) serves You; the blocked flag, rarely set, is
            // tested row by row (as NOT, so the planner does not prefer the status index for an equality it could use).
            InboxView.You => conversations.Where(c => c.AssigneeId == operatorId && c.Status == status && !c.IsContactBlocked),
            InboxView.Open => conversations.Where(c => c.Status == status && c.IsContactBlocked == blocked && c.AwaitingReply),
            _ => conversations.Where(c => c.Status == status && c.IsContactBlocked == blocked),
        };
    }

    /// <summary>
    /// A range on LastActivityAt implied by the filter, for the index: a closed conversation's last activity is at or after
    /// its end (closing sets both, and only new messages move the activity on), so "ended since" bounds the walk.
    /// </summary>
    public static IQueryable<Conversation> Bounded(this IQueryable<Conversation> conversations, ViewSegment segment, ConversationFilter? filter) =>
        segment.Status == ConversationStatus.Closed && filter?.Since is { } since
            ? conversations.Where(c => c.LastActivityAt >= since)
            : conversations;

    public static IQueryable<Conversation> Matching(this IQueryable<Conversation> conversations, ConversationFilter? filter)
    {
        if (filter is null) return conversations;
        if (filter.Since is { } since) conversations = conversations.Where(c => c.EndedAt >= since);
        if (filter.Until is { } until) conversations = conversations.Where(c => c.EndedAt < until);
        if (filter.AssigneeId is { } assignee) conversations = conversations.Where(c => c.AssigneeId == assignee);
        if (filter.Channel is { } channel) conversations = conversations.Where(c => c.Channel == channel);
        if (filter.Tag is { } tag) conversations = conversations.Where(c => c.Tags.Contains(tag));
        if (filter.Routes is { } routes)
        {
            // Plain equality on the route name (IN list), so an index on it can serve the filter.
            var names = routes.ToList();
            conversations = filter.IncludeUnrouted
                ? conversations.Where(c => c.RouteName == null || names.Contains(c.RouteName))
                : conversations.Where(c => c.RouteName != null && names.Contains(c.RouteName));
        }
        return conversations;
    }
}

/// <summary>One (status, blocked) part of a view.</summary>
internal readonly record struct ViewSegment(ConversationStatus Status, bool Blocked);
