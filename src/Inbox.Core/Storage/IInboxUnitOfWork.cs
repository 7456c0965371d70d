using Inbox.Core.Model;
using Inbox.Core.Outbox;

namespace Inbox.Core.Storage;

/// <summary>The entities one write sees and changes; committed together with its outbox messages.</summary>
public interface IInboxUnitOfWork
{
    ValueTask<Conversation?> FindConversationAsync(long id, CancellationToken cancellationToken);
    ValueTask<Contact?> FindContactAsync(Guid id, CancellationToken cancellationToken);
    ValueTask<Contact?> FindContactAsync(ContactIdentity identity, CancellationToken cancellationToken);
    ValueTask<Operator?> FindOperatorAsync(Guid id, CancellationToken cancellationToken);
    ValueTask<Operator?> FindOperatorByEmailAsync(string email, CancellationToken cancellationToken);
    ValueTask<Message?> FindMessageByExternalIdAsync(string externalId, CancellationToken cancellationToken);
    ValueTask<Message?> FindMessageAsync(long id, CancellationToken cancellationToken);
    /// <summary>A stored message by its external id, ready to be changed (unlike the repeat check, always a real look-up).</summary>
    ValueTask<Message?> FindMessageForChangeAsync(string externalId, CancellationToken cancellationToken);
    /// <summary>The contact's conversation on a channel with this status and the latest activity, if any.</summary>
    ValueTask<Conversation?> FindLatestConversationAsync(Guid contactId, ChannelKind channel, ConversationStatus status, CancellationToken cancellationToken);
    ValueTask<IReadOnlyList<Conversation>> ConversationsOfContactAsync(Guid contactId, CancellationToken cancellationToken);

    long NextMessageId();
    long NextConversationId();
    Guid NewId();

    void Add(Contact contact);
    void Add(Conversation conversation);
    void Add(Message message);
    void Add(Operator @operator);
    void Add(MessageDelivery delivery);
    void Enqueue(OutboxMessage message);
}
