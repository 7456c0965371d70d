using Inbox.Core.Model;

namespace Inbox.Core.Views;

/// <summary>Which view, for whom, which page.</summary>
/// <param name="OperatorId">The asking operator ("You" needs it).</param>
/// <param name="After">The cursor of the previous page's last row; null for the first page.</param>
public sealed record ViewQuery(InboxView View, Guid? OperatorId = null, ConversationFilter? Filter = null, string? After = null, int PageSize = 25)
{
    public const int MaxPageSize = 100;
}

/// <summary>Filters of the Closed view (and any view that wants them).</summary>
/// <param name="Since">Conversations that ended at or after this time.</param>
/// <param name="Until">Conversations that ended before this time.</param>
/// <param name="Routes">Only conversations these routes took (by route name), e.g. the routes of the channel a view is asked for in.</param>
/// <param name="IncludeUnrouted">With <paramref name="Routes"/>: also conversations that have no route name (started before routing, or the default).</param>
public sealed record ConversationFilter(
    DateTimeOffset? Since = null,
    DateTimeOffset? Until = null,
    string? Tag = null,
    Guid? AssigneeId = null,
    ChannelKind? Channel = null,
    IReadOnlyList<string>? Routes = null,
    bool IncludeUnrouted = false);
