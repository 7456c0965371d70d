namespace Inbox.Core.Model;

/// <summary>One entry in a conversation's history: customer text, operator reply, note or system line.</summary>
public sealed class Message
{
    private IReadOnlyList<Attachment> _attachments = [];
    private readonly List<MessageDelivery> _deliveries = [];

    private Message() { Text = ""; }

    public Message(
        long id,
        long conversationId,
        MessageDirection direction,
        string text,
        DateTimeOffset createdAt,
        Guid? authorOperatorId = null,
        string? authorName = null,
        IEnumerable<Attachment>? attachments = null,
        string? externalId = null,
        bool isInternal = false)
    {
        Id = id;
        ConversationId = conversationId;
        Direction = direction;
        Text = text;
        CreatedAt = createdAt;
        AuthorOperatorId = authorOperatorId;
        AuthorName = authorName;
        _attachments = attachments?.ToList() ?? [];
        ExternalId = externalId;
        IsInternal = direction == MessageDirection.Note || isInternal;
    }

    /// <summary>Increasing in commit order; the widget's live stream uses it as the event id.</summary>
    public long Id { get; private set; }
    public long ConversationId { get; private set; }
    public MessageDirection Direction { get; private set; }
    public string Text { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public Guid? AuthorOperatorId { get; private set; }
    /// <summary>The name shown with the message (operator's real name, or the contact's name).</summary>
    public string? AuthorName { get; private set; }
    /// <summary>The sender's id for this message on its channel (widget client id, email Message-ID); used to drop repeats.</summary>
    public string? ExternalId { get; private set; }
    public IReadOnlyList<Attachment> Attachments => _attachments;
    public IReadOnlyList<MessageDelivery> Deliveries => _deliveries;

    /// <summary>When the author last changed the text, if ever.</summary>
    public DateTimeOffset? EditedAt { get; private set; }
    /// <summary>When the author withdrew the message; its text is then gone for everyone.</summary>
    public DateTimeOffset? DeletedAt { get; private set; }

    internal void Edit(string text, DateTimeOffset now)
    {
        Text = text;
        EditedAt = now;
    }

    internal void Delete(DateTimeOffset now)
    {
        Text = "";
        DeletedAt = now;
    }

    /// <summary>Notes and internal system lines (assignments, transfers) are for operators only.</summary>
    public bool IsInternal { get; private set; }

    /// <summary>While set, a reply waiting out its undo window: nothing of it has left yet; cleared when it is released.</summary>
    public DateTimeOffset? HeldUntil { get; private set; }

    /// <summary>When its author undid the reply inside the window; it is kept for operators and never reaches the customer.</summary>
    public DateTimeOffset? WithdrawnAt { get; private set; }

    /// <summary>The name the customer sees on an operator's reply (the operator's or the route's alias); null on other messages.</summary>
    public string? SenderName { get; private set; }

    /// <summary>The picture the widget shows beside the reply; null for an alias or an operator without one.</summary>
    public string? SenderAvatarUrl { get; private set; }

    public bool IsHeld => HeldUntil is not null && WithdrawnAt is null;

    public bool IsVisibleToCustomer => !IsInternal && HeldUntil is null && WithdrawnAt is null;

    internal void PresentAs(string senderName, string? avatarUrl)
    {
        SenderName = senderName;
        SenderAvatarUrl = avatarUrl;
    }

    internal void Hold(DateTimeOffset until) => HeldUntil = until;

    internal void Release() => HeldUntil = null;

    internal void Withdraw(DateTimeOffset now) => WithdrawnAt = now;

    /// <summary>An edit inside the undo window: the text is replaced before anyone else saw it, so it is not marked as edited.</summary>
    internal void ReplaceHeldText(string text) => Text = text;
}
