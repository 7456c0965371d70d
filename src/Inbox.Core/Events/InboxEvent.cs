using Inbox.Core.Model;

namespace Inbox.Core.Events;

/// <summary>Something that happened to a conversation; routed to the outbox in the same transaction.</summary>
/// <remarks>Events hold the live entities so routers can copy what their destination needs into the payload.</remarks>
public abstract record InboxEvent(Conversation Conversation, Contact Contact, DateTimeOffset OccurredAt)
{
    /// <summary>What spam and blocked visitors write notifies nobody; operators' own actions on them still reach every surface.</summary>
    public bool IsSilenced =>
        (Conversation.Status == ConversationStatus.Spam || Contact.IsBlocked)
        && this is ConversationStarted or MessageAdded { Message.Direction: MessageDirection.FromCustomer };
}

/// <summary>A new conversation began (its first message follows as <see cref="MessageAdded"/>).</summary>
public sealed record ConversationStarted(Conversation Conversation, Contact Contact, DateTimeOffset OccurredAt)
    : InboxEvent(Conversation, Contact, OccurredAt);

/// <summary>A message of any direction joined the history.</summary>
public sealed record MessageAdded(Conversation Conversation, Contact Contact, Message Message, DateTimeOffset OccurredAt)
    : InboxEvent(Conversation, Contact, OccurredAt);

/// <summary>An operator edited or deleted a message they wrote.</summary>
public sealed record MessageChanged(Conversation Conversation, Contact Contact, Message Message, DateTimeOffset OccurredAt)
    : InboxEvent(Conversation, Contact, OccurredAt);

/// <summary>The assignee changed (assign, transfer).</summary>
public sealed record AssigneeChanged(Conversation Conversation, Contact Contact, Operator? Previous, Operator Assignee, Operator Actor, DateTimeOffset OccurredAt)
    : InboxEvent(Conversation, Contact, OccurredAt);

/// <summary>An operator joined a conversation without taking it.</summary>
public sealed record OperatorJoined(Conversation Conversation, Contact Contact, Operator Operator, DateTimeOffset OccurredAt)
    : InboxEvent(Conversation, Contact, OccurredAt);

/// <summary>Open, Closed or Spam changed.</summary>
public sealed record StatusChanged(Conversation Conversation, Contact Contact, ConversationStatus Previous, Operator? Actor, DateTimeOffset OccurredAt)
    : InboxEvent(Conversation, Contact, OccurredAt);

/// <summary>Tags of the conversation or of its contact changed, or the contact was blocked or unblocked.</summary>
public sealed record FactsChanged(Conversation Conversation, Contact Contact, DateTimeOffset OccurredAt)
    : InboxEvent(Conversation, Contact, OccurredAt);

/// <summary>An operator moved the conversation's thread on one surface (<paramref name="Destination"/>, e.g. "slack") to another of its channels.</summary>
public sealed record ThreadMoved(Conversation Conversation, Contact Contact, string Destination, string Channel, Operator Actor, DateTimeOffset OccurredAt)
    : InboxEvent(Conversation, Contact, OccurredAt);

/// <summary>An operator undid a reply inside its undo window: it never reaches the customer (surfaces that hold back what follows it move on).</summary>
public sealed record ReplyWithdrawn(Conversation Conversation, Contact Contact, Message Message, DateTimeOffset OccurredAt)
    : InboxEvent(Conversation, Contact, OccurredAt);

/// <summary>A tag changed and the routing rules now give the live conversation another route; each surface moves its thread if the route's channel there differs.</summary>
public sealed record ConversationRerouted(Conversation Conversation, Contact Contact, Routing.Route Previous, Routing.Route Current, Operator Actor, DateTimeOffset OccurredAt)
    : InboxEvent(Conversation, Contact, OccurredAt);
