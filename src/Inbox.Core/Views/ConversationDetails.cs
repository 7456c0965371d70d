using Inbox.Core.Model;

namespace Inbox.Core.Views;

/// <summary>Everything the details card shows: visitor, conversation, notes and past conversations.</summary>
public sealed record ConversationDetails(
    Conversation Conversation,
    Contact Contact,
    Operator? Assignee,
    IReadOnlyList<Operator> Participants,
    IReadOnlyList<Message> Notes,
    IReadOnlyList<PastConversation> PastConversations,
    bool IsActive);

/// <summary>An earlier conversation of the same visitor.</summary>
public sealed record PastConversation(long Id, ChannelKind Channel, ConversationStatus Status, DateTimeOffset StartedAt, DateTimeOffset? EndedAt, TimeSpan? Duration)
{
    public string Reference => $"#{Id}";
}
