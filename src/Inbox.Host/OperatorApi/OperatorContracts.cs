using Inbox.Core.Model;
using Inbox.Core.Views;

namespace Inbox.Host.OperatorApi;

public sealed record TextRequest(string? Text);

public sealed record TagRequest(string? Tag);

/// <summary>Assign or transfer: the target operator's email; empty on assign means "to me".</summary>
public sealed record AssignRequest(string? OperatorEmail);

public sealed record OperatorDto(Guid Id, string Name, string Email, OperatorStatus Status, int? Capacity)
{
    public static OperatorDto From(Operator o) => new(o.Id, o.DisplayName, o.Email, o.Status, o.Capacity);
}

/// <summary>Sets the caller's status (online, away, offline) and optionally how many open conversations they take (0: the default).</summary>
public sealed record StatusRequest(OperatorStatus? Status, int? Capacity);

public sealed record ContactDto(
    Guid Id, string Name, string? Email, string? Phone, string? City, string? Country,
    string? Device, string? OperatingSystem, string? Browser, IReadOnlyList<string> Tags, bool IsBlocked,
    IReadOnlyDictionary<string, string> ChannelIds)
{
    public static ContactDto From(Contact c) => new(
        c.Id, c.DisplayName, c.Email, c.Phone, c.City, c.Country, c.Device, c.OperatingSystem, c.Browser, c.Tags, c.IsBlocked,
        c.Identities.ToDictionary(i => i.Channel.ToString(), i => i.ExternalId));
}

public sealed record ConversationDto(
    long Id, string Reference, ChannelKind Channel, ConversationStatus Status, bool IsActive, Guid ContactId,
    Guid? AssigneeId, IReadOnlyList<Guid> Participants, IReadOnlyList<string> Tags,
    DateTimeOffset StartedAt, DateTimeOffset? EndedAt, DateTimeOffset LastActivityAt, bool AwaitingReply,
    DateTimeOffset? FirstResponseAt, string? Site)
{
    public static ConversationDto From(Conversation c, bool isActive) => new(
        c.Id, c.Reference, c.Channel, c.Status, isActive, c.ContactId, c.AssigneeId, c.Participants, c.Tags,
        c.StartedAt, c.EndedAt, c.LastActivityAt, c.AwaitingReply, c.FirstResponseAt, c.Site);
}

/// <param name="SenderName">On a reply, the name the customer sees (the operator's or the route's alias).</param>
/// <param name="HeldUntil">Set while the reply waits out its undo window; nothing of it has reached anyone yet.</param>
/// <param name="WithdrawnAt">When its author undid the reply inside the window: the customer never got it.</param>
public sealed record MessageDto(
    long Id, long ConversationId, MessageDirection Direction, bool IsInternal, string? AuthorName, Guid? AuthorOperatorId,
    string Text, DateTimeOffset CreatedAt, IReadOnlyList<Attachment> Attachments, IReadOnlyDictionary<string, string> Deliveries,
    string? SenderName = null, DateTimeOffset? HeldUntil = null, DateTimeOffset? WithdrawnAt = null)
{
    public static MessageDto From(Message m) => new(
        m.Id, m.ConversationId, m.Direction, m.IsInternal, m.AuthorName, m.AuthorOperatorId, m.Text, m.CreatedAt, m.Attachments,
        m.Deliveries.ToDictionary(d => d.Destination, d => d.ExternalId), m.SenderName, m.HeldUntil, m.WithdrawnAt);
}

public sealed record PastConversationDto(long Id, string Reference, ChannelKind Channel, ConversationStatus Status,
    DateTimeOffset StartedAt, DateTimeOffset? EndedAt, double? DurationSeconds)
{
    public static PastConversationDto From(PastConversation p) =>
        new(p.Id, p.Reference, p.Channel, p.Status, p.StartedAt, p.EndedAt, p.Duration?.TotalSeconds);
}

/// <summary>The details card: visitor, conversation, people, notes, past conversations, and the history.</summary>
public sealed record ConversationDetailsDto(
    ConversationDto Conversation, ContactDto Contact, OperatorDto? Assignee, IReadOnlyList<OperatorDto> Participants,
    IReadOnlyList<MessageDto> Notes, IReadOnlyList<PastConversationDto> PastConversations, IReadOnlyList<MessageDto> Messages);

/// <summary>A command's answer: what it did, and the conversation as it is now.</summary>
public sealed record CommandResponse(string Summary, ConversationDto Conversation, ContactDto Contact, MessageDto? Message);

public sealed record ViewPageDto(
    InboxView View, IReadOnlyList<ConversationSummary> Items, int TotalCount, string? NextCursor, ClosedSummaryDto? Summary);

public sealed record ClosedSummaryDto(int Count, double? AverageDurationSeconds, double? AverageFirstResponseSeconds)
{
    public static ClosedSummaryDto? From(ClosedSummary? s) =>
        s is null ? null : new(s.Count, s.AverageDuration?.TotalSeconds, s.AverageFirstResponse?.TotalSeconds);
}
