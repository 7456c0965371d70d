using Inbox.Core.Model;

namespace Inbox.Core.Views;

/// <summary>One row of a view.</summary>
public sealed record ConversationSummary(
    long Id,
    ChannelKind Channel,
    ConversationStatus Status,
    bool IsActive,
    Guid ContactId,
    string ContactName,
    Guid? AssigneeId,
    string? AssigneeName,
    IReadOnlyList<string> Tags,
    DateTimeOffset StartedAt,
    DateTimeOffset? EndedAt,
    DateTimeOffset LastActivityAt,
    bool AwaitingReply,
    string? Preview)
{
    public string Reference => $"#{Id}";
}
