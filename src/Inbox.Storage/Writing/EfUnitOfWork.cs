using Inbox.Core.Model;
using Inbox.Core.Outbox;
using Inbox.Core.Storage;
using Inbox.Storage.Outbox;
using Microsoft.EntityFrameworkCore;

namespace Inbox.Storage.Writing;

/// <summary>One write batch's view of the database; entities found or added stay tracked until the batch commits.</summary>
/// <param name="exactRepeats">
/// False in a shared batch: a message id is looked up only among this batch's messages, and the unique
/// index catches a repeat of a stored one, which fails the batch and re-runs each write alone with
/// exact lookups. Repeats are rare, so most batches save a query per message.
/// </param>
/// <param name="locks">
/// PostgreSQL only: the visitor's row lock is taken before their contact, conversations or messages are read for
/// change, so writes from several hosts to one visitor happen one after another (see <see cref="ContactRowLocks"/>).
/// Operators are not locked: their rare changes (name, status, capacity, last auto-assignment) write only the columns
/// they change, and the last of two at once winning is what either writer meant.
/// </param>
internal sealed class EfUnitOfWork(WriterSession session, IIdAllocator ids, TimeProvider time, bool exactRepeats, ContactRowLocks? locks) : IInboxUnitOfWork
{
    private readonly InboxDbContext db = session.Db;
    private readonly Dictionary<ContactIdentity, Contact> _contactsByIdentity = session.ContactsByIdentity;
    private readonly Dictionary<string, Message> _messagesByExternalId = new(StringComparer.Ordinal);
    private readonly List<Message> _addedMessages = [];
    private readonly List<OutboxRecord> _addedOutbox = [];
    private readonly List<MessageDelivery> _addedDeliveries = [];
    private readonly HashSet<object> _touched = new(ReferenceEqualityComparer.Instance);

    public IReadOnlyList<Message> AddedMessages => _addedMessages;
    public IReadOnlyList<OutboxRecord> AddedOutbox => _addedOutbox;
    public IReadOnlyList<MessageDelivery> AddedDeliveries => _addedDeliveries;

    /// <summary>Every tracked entity this batch handed out; only these can have changed, so only these are scanned.</summary>
    public IReadOnlyCollection<object> Touched => _touched;

    public async ValueTask<Conversation?> FindConversationAsync(long id, CancellationToken cancellationToken)
    {
        // A conversation this batch already holds was locked (or created) when it first came in.
        if (locks is not null && db.Conversations.Local.FindEntry(id) is null) await locks.LockConversationAsync(id, cancellationToken);
        return Touch(await db.Conversations.FindAsync([id], cancellationToken));
    }

    public async ValueTask<Contact?> FindContactAsync(Guid id, CancellationToken cancellationToken)
    {
        if (locks is not null) await locks.LockContactAsync(id, cancellationToken);
        return Touch(await db.Contacts.FindAsync([id], cancellationToken));
    }

    public async ValueTask<Contact?> FindContactAsync(ContactIdentity identity, CancellationToken cancellationToken)
    {
        if (_contactsByIdentity.TryGetValue(identity, out var known)) return Touch(known);
        var id = await db.ContactIdOf(identity, cancellationToken);
        if (id is not null && locks is not null) await locks.LockContactAsync(id.Value, cancellationToken);
        var contact = id is null ? null : await db.Contacts.FindAsync([id.Value], cancellationToken);
        if (contact is not null) Remember(contact);
        return Touch(contact);
    }

    public async ValueTask<Operator?> FindOperatorAsync(Guid id, CancellationToken cancellationToken) =>
        Touch(await db.Operators.FindAsync([id], cancellationToken));

    public async ValueTask<Operator?> FindOperatorByEmailAsync(string email, CancellationToken cancellationToken) =>
        Touch(db.Operators.Local.FirstOrDefault(o => o.Email == email)
            ?? await db.Operators.FirstOrDefaultAsync(o => o.Email == email, cancellationToken));

    public async ValueTask<Message?> FindMessageByExternalIdAsync(string externalId, CancellationToken cancellationToken) =>
        _messagesByExternalId.GetValueOrDefault(externalId)
        ?? (exactRepeats ? await db.Messages.AsNoTracking().FirstOrDefaultAsync(m => m.ExternalId == externalId, cancellationToken) : null);

    public async ValueTask<Message?> FindMessageForChangeAsync(string externalId, CancellationToken cancellationToken)
    {
        if (_messagesByExternalId.GetValueOrDefault(externalId) is { } added) return Touch(added);
        if (locks is not null
            && await db.Messages.AsNoTracking().Where(m => m.ExternalId == externalId).Select(m => (long?)m.ConversationId)
                .FirstOrDefaultAsync(cancellationToken) is { } conversationId)
            await locks.LockConversationAsync(conversationId, cancellationToken);
        return Touch(await db.Messages.FirstOrDefaultAsync(m => m.ExternalId == externalId, cancellationToken));
    }

    public async ValueTask<Message?> FindMessageAsync(long id, CancellationToken cancellationToken)
    {
        if (locks is not null && db.Messages.Local.FindEntry(id) is null
            && await db.Messages.AsNoTracking().Where(m => m.Id == id).Select(m => (long?)m.ConversationId)
                .FirstOrDefaultAsync(cancellationToken) is { } conversationId)
            await locks.LockConversationAsync(conversationId, cancellationToken);
        return Touch(await db.Messages.FindAsync([id], cancellationToken));
    }

    public async ValueTask<Conversation?> FindLatestConversationAsync(Guid contactId, ChannelKind channel, ConversationStatus status, CancellationToken cancellationToken)
    {
        if (locks is not null) await locks.LockContactAsync(contactId, cancellationToken);
        bool Matches(Conversation c) => c.ContactId == contactId && c.Channel == channel && c.Status == status;
        var local = db.Conversations.Local.Where(Matches).MaxBy(c => c.LastActivityAt);
        return Touch(local ?? await db.Conversations
            .Where(c => c.ContactId == contactId && c.Channel == channel && c.Status == status)
            .OrderByDescending(c => c.LastActivityAt).ThenByDescending(c => c.Id)
            .FirstOrDefaultAsync(cancellationToken));
    }

    public async ValueTask<IReadOnlyList<Conversation>> ConversationsOfContactAsync(Guid contactId, CancellationToken cancellationToken)
    {
        if (locks is not null) await locks.LockContactAsync(contactId, cancellationToken);
        // Loading through the context attaches them, so already-tracked ones come back as the same instances.
        await db.Conversations.Where(c => c.ContactId == contactId).LoadAsync(cancellationToken);
        var conversations = db.Conversations.Local.Where(c => c.ContactId == contactId).ToList();
        foreach (var conversation in conversations) Touch(conversation);
        return conversations;
    }

    public long NextMessageId() => ids.NextMessageId();

    public long NextConversationId() => ids.NextConversationId();

    public Guid NewId() => Guid.CreateVersion7(time.GetUtcNow());

    public void Add(Contact contact)
    {
        db.Contacts.Add(contact);
        Remember(contact);
    }

    public void Add(Conversation conversation) => db.Conversations.Add(conversation);

    public void Add(Message message)
    {
        db.Messages.Add(message);
        _addedMessages.Add(message);
        if (message.ExternalId is not null) _messagesByExternalId[message.ExternalId] = message;
    }

    public void Add(Operator @operator) => db.Operators.Add(@operator);

    public void Add(MessageDelivery delivery)
    {
        db.MessageDeliveries.Add(delivery);
        _addedDeliveries.Add(delivery);
    }

    public void Enqueue(OutboxMessage message)
    {
        var now = time.GetUtcNow();
        var row = new OutboxRecord
        {
            Id = ids.NextOutboxId(),
            Destination = message.Destination,
            PartitionKey = message.PartitionKey,
            IdempotencyKey = message.IdempotencyKey,
            Payload = message.Payload,
            MessageId = message.MessageId,
            ThreadOf = message.ThreadOf,
            State = OutboxState.Pending,
            CreatedAt = now,
            NextAttemptAt = now,
        };
        db.Outbox.Add(row);
        _addedOutbox.Add(row);
    }

    private T? Touch<T>(T? entity) where T : class
    {
        if (entity is not null) _touched.Add(entity);
        return entity;
    }

    private void Remember(Contact contact)
    {
        foreach (var identity in contact.Identities) _contactsByIdentity[identity] = contact;
    }
}
