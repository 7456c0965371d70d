namespace Inbox.Core.Model;

/// <summary>One customer conversation; its <see cref="Id"/> is the short number operators type (#123).</summary>
public sealed class Conversation
{
    public const int PreviewLength = 140;
    public const int MaxSubjectLength = 300;

    private List<string> _tags = [];
    private List<Guid> _participants = [];

    private Conversation() { }

    public Conversation(long id, Guid contactId, ChannelKind channel, string? site, DateTimeOffset now, string? subject = null)
    {
        Id = id;
        ContactId = contactId;
        Channel = channel;
        Site = site;
        Subject = string.IsNullOrWhiteSpace(subject) ? null : subject.Trim() is { Length: > MaxSubjectLength } longSubject ? longSubject[..MaxSubjectLength] : subject.Trim();
        Status = ConversationStatus.Open;
        StartedAt = now;
        LastActivityAt = now;
    }

    public long Id { get; private set; }
    public Guid ContactId { get; private set; }
    public ChannelKind Channel { get; private set; }
    /// <summary>Which widget site or mailbox it came through, for routing and filters.</summary>
    public string? Site { get; private set; }
    /// <summary>The topic the customer gave it (an email's subject); null for chats.</summary>
    public string? Subject { get; private set; }
    public ConversationStatus Status { get; private set; }
    public Guid? AssigneeId { get; private set; }
    /// <summary>Operators who joined without taking the assignment.</summary>
    public IReadOnlyList<Guid> Participants => _participants;
    public IReadOnlyList<string> Tags => _tags;
    public DateTimeOffset StartedAt { get; private set; }
    public DateTimeOffset? EndedAt { get; private set; }
    public DateTimeOffset LastActivityAt { get; private set; }
    public DateTimeOffset? LastCustomerMessageAt { get; private set; }
    public DateTimeOffset? LastOperatorMessageAt { get; private set; }
    public DateTimeOffset? FirstResponseAt { get; private set; }
    /// <summary>Seconds from start to the first operator reply, kept for the Closed view's figures.</summary>
    public long? FirstResponseSeconds { get; private set; }
    /// <summary>Seconds from start to the last close.</summary>
    public long? DurationSeconds { get; private set; }
    /// <summary>True while the customer's last message has no operator reply after it.</summary>
    public bool AwaitingReply { get; private set; }
    /// <summary>Mirrors the contact's blocked flag so every view can keep blocked visitors out cheaply.</summary>
    public bool IsContactBlocked { get; private set; }
    public string? Preview { get; private set; }
    /// <summary>When the customer's oldest unanswered message came in; null while nobody is waiting.</summary>
    public DateTimeOffset? WaitingSince { get; private set; }
    /// <summary>How many of the SLA reminder thresholds have been announced for the current wait.</summary>
    public int RemindersSent { get; private set; }
    /// <summary>The routing rule that took it (see <see cref="Routing.RouteBook"/>); null: the default route.</summary>
    public string? RouteName { get; private set; }
    /// <summary>When an operator first moved one of its threads by hand; such a conversation stays where they put it, tags never re-route it.</summary>
    public DateTimeOffset? MovedByHandAt { get; private set; }

    public string Reference => $"#{Id}";

    /// <summary>Active means someone wrote within <paramref name="inactiveAfter"/>.</summary>
    public bool IsActiveAt(DateTimeOffset now, TimeSpan inactiveAfter) =>
        Status == ConversationStatus.Open && now - LastActivityAt < inactiveAfter;

    public bool IsHandledBy(Guid operatorId) => AssigneeId == operatorId || _participants.Contains(operatorId);

    internal void RecordCustomerMessage(string text, DateTimeOffset now)
    {
        LastCustomerMessageAt = now;
        Touch(text, now);
        if (!AwaitingReply || WaitingSince is null)
        {
            WaitingSince = now;
            RemindersSent = 0;
        }
        AwaitingReply = true;
    }

    /// <summary>A reply held in its undo window leaves now but was written at <paramref name="writtenAt"/>: the first response
    /// counts from then, and a customer who wrote again meanwhile is still waiting for an answer to that.</summary>
    internal void RecordReleasedReply(string text, DateTimeOffset writtenAt, DateTimeOffset now)
    {
        var first = FirstResponseAt is null;
        if (LastCustomerMessageAt is { } customer && customer > writtenAt)
        {
            LastOperatorMessageAt = now;
            LastActivityAt = now;
        }
        else
        {
            RecordOperatorReply(text, now);
        }
        if (first)
        {
            FirstResponseAt = writtenAt;
            FirstResponseSeconds = (long)(writtenAt - StartedAt).TotalSeconds;
        }
    }

    internal void RecordOperatorReply(string text, DateTimeOffset now)
    {
        LastOperatorMessageAt = now;
        if (FirstResponseAt is null)
        {
            FirstResponseAt = now;
            FirstResponseSeconds = (long)(now - StartedAt).TotalSeconds;
        }
        Touch(text, now);
        AwaitingReply = false;
        WaitingSince = null;
    }

    internal void Assign(Guid operatorId)
    {
        AssigneeId = operatorId;
        _participants = _participants.Where(p => p != operatorId).ToList();
    }

    internal void Unassign() => AssigneeId = null;

    internal void Join(Guid operatorId) => _participants = [.. _participants, operatorId];

    internal void Close(DateTimeOffset now)
    {
        Status = ConversationStatus.Closed;
        EndedAt = now;
        DurationSeconds = (long)(now - StartedAt).TotalSeconds;
        AwaitingReply = false;
        WaitingSince = null;
        LastActivityAt = now;
    }

    internal void Reopen(DateTimeOffset now)
    {
        Status = ConversationStatus.Open;
        EndedAt = null;
        LastActivityAt = now;
        // A reopened conversation whose customer had the last word needs a reply again.
        AwaitingReply = LastCustomerMessageAt is { } customer && (LastOperatorMessageAt is not { } operatorAt || customer > operatorAt);
        WaitingSince = AwaitingReply ? now : null;
        RemindersSent = 0;
    }

    internal void MarkSpam(DateTimeOffset now)
    {
        Status = ConversationStatus.Spam;
        EndedAt ??= now;
        AwaitingReply = false;
        WaitingSince = null;
    }

    /// <summary>Records that the reminder for threshold number <paramref name="stage"/> (counting from 1) went out.</summary>
    internal void RecordReminder(int stage) => RemindersSent = Math.Max(RemindersSent, stage);

    internal void RouteTo(string routeName) => RouteName = routeName;

    internal void RecordMoveByHand(DateTimeOffset now) => MovedByHandAt ??= now;

    internal void SetContactBlocked(bool blocked) => IsContactBlocked = blocked;

    public bool AddTag(string tag) => TagSet.Add(ref _tags, tag);

    public bool RemoveTag(string tag) => TagSet.Remove(ref _tags, tag);

    private void Touch(string text, DateTimeOffset now)
    {
        LastActivityAt = now;
        var flat = text.ReplaceLineEndings(" ").Trim();
        Preview = flat.Length <= PreviewLength ? flat : flat[..(PreviewLength - 1)] + "…";
    }
}
