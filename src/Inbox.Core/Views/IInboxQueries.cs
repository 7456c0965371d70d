using Inbox.Core.Model;

namespace Inbox.Core.Views;

/// <summary>The read side: views, details and histories; never changes anything.</summary>
public interface IInboxQueries
{
    Task<ViewPage> GetViewAsync(ViewQuery query, CancellationToken cancellationToken);
    Task<ViewCounts> GetCountsAsync(Guid? operatorId, CancellationToken cancellationToken);
    Task<Conversation?> FindConversationAsync(long conversationId, CancellationToken cancellationToken);
    Task<Message?> FindMessageAsync(long messageId, CancellationToken cancellationToken);
    /// <summary>The conversation's thread on a destination (e.g. "slack"), once its root was delivered.</summary>
    Task<ConversationThread?> FindThreadAsync(long conversationId, string destination, CancellationToken cancellationToken);
    /// <summary>The threads on a destination of those of <paramref name="conversationIds"/> that have one, by conversation id: one query for a page of rows.</summary>
    Task<IReadOnlyDictionary<long, ConversationThread>> FindThreadsAsync(IReadOnlyCollection<long> conversationIds, string destination, CancellationToken cancellationToken);
    /// <summary>The conversation mirrored by a destination's thread, if any.</summary>
    Task<ConversationThread?> FindThreadByExternalIdAsync(string destination, string externalId, CancellationToken cancellationToken);
    /// <summary>The conversation whose thread on a destination was moved away from this root, if any.</summary>
    Task<ConversationThread?> FindMovedThreadAsync(string destination, string formerExternalId, CancellationToken cancellationToken);
    /// <summary>The message a destination knows by this delivery id (e.g. the Slack ts of a post), if any.</summary>
    Task<Message?> FindMessageByDeliveryAsync(string destination, string externalId, CancellationToken cancellationToken);
    Task<Contact?> FindContactAsync(Guid contactId, CancellationToken cancellationToken);
    Task<Operator?> FindOperatorAsync(Guid operatorId, CancellationToken cancellationToken);
    Task<ConversationDetails?> GetDetailsAsync(long conversationId, CancellationToken cancellationToken);
    /// <summary>The history in order; notes and internal lines only when <paramref name="includeInternal"/>.</summary>
    Task<IReadOnlyList<Message>> GetMessagesAsync(long conversationId, bool includeInternal, CancellationToken cancellationToken);
    Task<IReadOnlyList<PastConversation>> GetPastConversationsAsync(Guid contactId, long? exceptConversationId, CancellationToken cancellationToken);
    Task<IReadOnlyList<Operator>> GetOperatorsAsync(CancellationToken cancellationToken);
    /// <summary>Conversations whose visitor's name or email, or any message, contains every word; newest activity first.</summary>
    Task<IReadOnlyList<ConversationSummary>> SearchAsync(string words, int limit, CancellationToken cancellationToken);
    Task<Operator?> FindOperatorByEmailAsync(string email, CancellationToken cancellationToken);
    Task<Contact?> FindContactAsync(ContactIdentity identity, CancellationToken cancellationToken);
    /// <summary>A contact's own conversations, newest activity first (the widget's chat list).</summary>
    Task<IReadOnlyList<ConversationSummary>> GetContactConversationsAsync(Guid contactId, CancellationToken cancellationToken);
    /// <summary>Where a contact's live stream starts: their latest message, or just before the first reply still in its undo window.</summary>
    Task<long> GetLatestCustomerVisibleMessageIdAsync(Guid contactId, CancellationToken cancellationToken);
    /// <summary>Messages that are not internal, across the contact's widget conversations, with ids above <paramref name="afterMessageId"/>
    /// (live-stream resumption); held and undone replies are among them for the caller to wait for or skip.</summary>
    Task<IReadOnlyList<Message>> GetCustomerVisibleMessagesAfterAsync(Guid contactId, long afterMessageId, int limit, CancellationToken cancellationToken);

    /// <summary>Open conversations nobody is assigned to (blocked visitors left out), oldest first: what auto-assignment hands out.</summary>
    Task<IReadOnlyList<long>> GetUnassignedOpenAsync(int limit, CancellationToken cancellationToken);

    /// <summary>How many open conversations each operator is assigned to now.</summary>
    Task<IReadOnlyDictionary<Guid, int>> GetOpenAssignmentCountsAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Open conversations whose customer has waited for a reply since <paramref name="waitingSince"/> or earlier and that
    /// have had fewer than <paramref name="remindersBelow"/> reminders for this wait, longest wait first.
    /// </summary>
    Task<IReadOnlyList<Conversation>> GetWaitingSinceAsync(DateTimeOffset waitingSince, int remindersBelow, int limit, CancellationToken cancellationToken);

    /// <summary>Open conversations with no activity since <paramref name="lastActivityBefore"/> and no customer waiting for a reply, oldest first.</summary>
    Task<IReadOnlyList<long>> GetIdleOpenAsync(DateTimeOffset lastActivityBefore, int limit, CancellationToken cancellationToken);
}
