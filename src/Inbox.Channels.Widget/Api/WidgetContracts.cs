using Inbox.Channels.Widget.VisitorFacts;
using Inbox.Core.Model;
using Inbox.Core.Views;

namespace Inbox.Channels.Widget.Api;

/// <summary>Opens a visitor session; the script sends the high-entropy client hints it could read.</summary>
public sealed record SessionRequest(string? Site, ClientHints? ClientHints);

public sealed record SessionResponse(string VisitorToken, string VisitorId);

/// <summary>A visitor's message; <see cref="Site"/> (the embedding page's data-site) matters only when it starts a chat.</summary>
public sealed record SendMessageRequest(string? Text, string? ClientMessageId, string? Site = null);

public sealed record ProfileRequest(string? Name, string? Email, string? Phone);

public sealed record ProfileResponse(string? Name, string? Email, string? Phone)
{
    public static ProfileResponse From(Contact? contact) => new(contact?.Name, contact?.Email, contact?.Phone);
}

public sealed record WidgetConversation(long Id, long Number, string Status, DateTimeOffset StartedAt, DateTimeOffset LastActivityAt, string? Preview)
{
    public static WidgetConversation From(ConversationSummary c) =>
        new(c.Id, c.Id, c.Status.ToString(), c.StartedAt, c.LastActivityAt, c.Preview);

    public static WidgetConversation From(Conversation c) =>
        new(c.Id, c.Id, c.Status.ToString(), c.StartedAt, c.LastActivityAt, c.Preview);
}

public sealed record WidgetAttachment(string Name, string ContentType, long SizeBytes, string Url);

/// <param name="AuthorName">On an operator's reply, the name its route shows customers (the operator's, or the team alias).</param>
/// <param name="AuthorAvatarUrl">The operator's picture when the route shows operators and one is known; the widget draws initials otherwise.</param>
public sealed record WidgetMessage(
    long Id, long ConversationId, string Direction, string? AuthorName, string Text, DateTimeOffset CreatedAt, IReadOnlyList<WidgetAttachment> Attachments,
    DateTimeOffset? EditedAt = null, bool Deleted = false, string? AuthorAvatarUrl = null)
{
    public static WidgetMessage From(Message m) => new(
        m.Id,
        m.ConversationId,
        m.Direction switch
        {
            MessageDirection.FromCustomer => "customer",
            MessageDirection.FromOperator => "operator",
            _ => "system",
        },
        // Operators' replies show the name their route chose; system lines name nobody (their text says who, as the route shows it).
        m.Direction switch { MessageDirection.FromOperator => m.SenderName ?? m.AuthorName, MessageDirection.FromCustomer => m.AuthorName, _ => null },
        m.Text,
        m.CreatedAt,
        m.Attachments.Select(a => new WidgetAttachment(a.Name, a.ContentType, a.SizeBytes, a.Url)).ToList(),
        m.EditedAt,
        m.DeletedAt is not null,
        m.Direction == MessageDirection.FromOperator ? m.SenderAvatarUrl : null);
}

public sealed record StartedConversation(WidgetConversation Conversation, WidgetMessage Message);

public sealed record ItemsResponse<T>(IReadOnlyList<T> Items);
