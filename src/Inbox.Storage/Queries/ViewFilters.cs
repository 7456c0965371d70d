using Inbox.Core.Model;
using Inbox.Core.Views;

namespace Inbox.Storage.Queries;

/// <summary>Which conversations each view holds, as query filters.</summary>
internal static class ViewFilters
{
    public static IQueryable<Conversation> In(this IQueryable<Conversation> conversations, InboxView view, Guid? operatorId) => view switch
    {
        InboxView.You => conversations.Where(c => c.AssigneeId == operatorId && c.Status == ConversationStatus.Open && !c.IsContactBlocked),
        InboxView.Open => conversations.Where(c => c.Status == ConversationStatus.Open && c.AwaitingReply && !c.IsContactBlocked),
        InboxView.All => conversations.Where(c => c.Status != ConversationStatus.Spam && !c.IsContactBlocked),
        InboxView.Closed => conversations.Where(c => c.Status == ConversationStatus.Closed && !c.IsContactBlocked),
        InboxView.Spam => conversations.Where(c => c.Status == ConversationStatus.Spam || c.IsContactBlocked),
        _ => throw new ArgumentOutOfRangeException(nameof(view), view, "Unknown view."),
    };

    public static IQueryable<Conversation> Matching(this IQueryable<Conversation> conversations, ConversationFilter? filter)
    {
        if (filter is null) return conversations;
        if (filter.Since is { } since) conversations = conversations.Where(c => c.EndedAt >= since);
        if (filter.Until is { } until) conversations = conversations.Where(c => c.EndedAt < until);
        if (filter.AssigneeId is { } assignee) conversations = conversations.Where(c => c.AssigneeId == assignee);
        if (filter.Channel is { } channel) conversations = conversations.Where(c => c.Channel == channel);
        if (filter.Tag is { } tag) conversations = conversations.Where(c => c.Tags.Contains(tag));
        return conversations;
    }
}
