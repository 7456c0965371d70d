using Inbox.Core.Model;
using Inbox.Core.Outbox;
using Inbox.Core.Storage;
using Inbox.Storage.Outbox;
using Microsoft.EntityFrameworkCore;

namespace Inbox.Storage.Writing;

/// <summary>One write batch's view of the database; entities found or added stay tracked until the batch commits.</summary>
/// <remarks>
/// Conversations are tracked by the writer itself (<see cref="ConversationRows"/>), and new messages, deliveries and
/// outbox rows by this batch alone: they are written by <see cref="HotRowWriter"/>. EF's change tracker keeps
/// contacts, operators and the messages found for change.
/// </remarks>
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
    private readonly ConversationRows _conversations = session.Conversations;
    private readonly Dictionary<string, Message> _messagesByExternalId = new(StringComparer.Ordinal);
    private readonly Dictionary<long, Message> _addedMessagesById = [];
    private readonly List<Message> _addedMessages = [];
    private readonly List<Message> _foundMessages = [];
    private readonly List<OutboxRecord> _addedOutbox = [];
    private readonly List<MessageDelivery> _addedDeliveries = [];
    private readonly HashSet<object> _touched = new(ReferenceEqualityComparer.Instance);
    private readonly HashSet<Conversation> _touchedConversations = new(ReferenceEqualityComparer.Instance);

    public IReadOnlyList<Message> AddedMessages => _addedMessages;
    public IReadOnlyList<OutboxRecord> AddedOutbox => _addedOutbox;
    public IReadOnlyList<MessageDelivery> AddedDeliveries => _addedDeliveries;

    /// <summary>Every entity EF tracks that this batch handed out; only these can have changed, so only these are scanned.</summary>
    public IReadOnlyCollection<object> Touched => _touched;

    /// <summary>Every conversation this batch handed out (see <see cref="ConversationRows"/>).</summary>
    public IReadOnlyCollection<Conversation> TouchedConversations => _touchedConversations;

    /// <summary>Stored messages EF tracks for this batch, to be let go after it.</summary>
    public IReadOnlyList<Message> FoundMessages => _foundMessages;

    public async ValueTask<Conversation?> FindConversationAsync(long id, CancellationToken cancellationToken)
    {
        // A conversation this batch already holds was locked (or created) when it first came in.
        if (_conversations.Find(id) is { } known) return Touch(known);
        if (locks is not null) await locks.LockConversationAsync(id, cancellationToken);
        var stored = await db.Conversations.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        return stored is null ? null : Touch(_conversations.Adopt(stored));
    }

    public async ValueTask<Contact?> FindContactAsync(Guid id, CancellationToken cancellationToken)
    {
        if (locks is not null) await locks.LockContactAsync(id, cancellationToken);
        var contact = await db.Contacts.FindAsync([id], cancellationToken);
        if (contact is not null) session.SavedContacts.Read(contact);
        return Touch(contact);
    }

    public async ValueTask<Contact?> FindContactAsync(ContactIdentity identity, CancellationToken cancellationToken)
    {
        if (_contactsByIdentity.TryGetValue(identity, out var known)) return Touch(known);
        var id = await db.ContactIdOf(identity, cancellationToken);
        if (id is not null && locks is not null) await locks.LockContactAsync(id.Value, cancellationToken);
        var contact = id is null ? null : await db.Contacts.FindAsync([id.Value], cancellationToken);
        if (contact is not null)
        {
            session.SavedContacts.Read(contact);
            Remember(contact);
        }
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
        // One added in this batch is inserted at its end with whatever it holds then.
        if (_messagesByExternalId.GetValueOrDefault(externalId) is { } added) return added;
        if (locks is not null
            && await db.Messages.AsNoTracking().Where(m => m.ExternalId == externalId).Select(m => (long?)m.ConversationId)
                .FirstOrDefaultAsync(cancellationToken) is { } conversationId)
            await locks.LockConversationAsync(conversationId, cancellationToken);
        return Found(await db.Messages.FirstOrDefaultAsync(m => m.ExternalId == externalId, cancellationToken));
    }

    public async ValueTask<Message?> FindMessageAsync(long id, CancellationToken cancellationToken)
    {
        if (_addedMessagesById.GetValueOrDefault(id) is { } added) return added;
        if (locks is not null && db.Messages.Local.FindEntry(id) is null
            && await db.Messages.AsNoTracking().Where(m => m.Id == id).Select(m => (long?)m.ConversationId)
                .FirstOrDefaultAsync(cancellationToken) is { } conversationId)
            await locks.LockConversationAsync(conversationId, cancellationToken);
        return Found(await db.Messages.FindAsync([id], cancellationToken));
    }

    public async ValueTask<Conversation?> FindLatestConversationAsync(Guid contactId, ChannelKind channel, ConversationStatus status, CancellationToken cancellationToken)
    {
        if (locks is not null) await locks.LockContactAsync(contactId, cancellationToken);
        bool Matches(Conversation c) => c.Channel == channel && c.Status == status;
        if (_conversations.OfContact(contactId).Where(Matches).MaxBy(c => (c.LastActivityAt, c.Id)) is { } known) return Touch(known);
        // None of the known ones matches (as this batch left them), so a known one the database still lists is passed over.
        await foreach (var stored in db.Conversations.AsNoTracking()
            .Where(c => c.ContactId == contactId && c.Channel == channel && c.Status == status)
            .OrderByDescending(c => c.LastActivityAt).ThenByDescending(c => c.Id)
            .AsAsyncEnumerable().WithCancellation(cancellationToken))
            if (_conversations.Find(stored.Id) is null) return Touch(_conversations.Adopt(stored));
        return null;
    }

    public async ValueTask<IReadOnlyList<Conversation>> ConversationsOfContactAsync(Guid contactId, CancellationToken cancellationToken)
    {
        if (locks is not null) await locks.LockContactAsync(contactId, cancellationToken);
        // Already-known ones keep their instances (and this batch's changes); those added in this batch come along.
        foreach (var stored in await db.Conversations.AsNoTracking().Where(c => c.ContactId == contactId).ToListAsync(cancellationToken))
            _conversations.Adopt(stored);
        var conversations = _conversations.OfContact(contactId).ToList();
        foreach (var conversation in conversations) Touch(conversation);
        return conversations;
    }

    public long NextMessageId() => ids.NextMessageId();

    public long NextConversationId() => ids.NextConversationId();

    public Guid NewId() => Guid.CreateVersion7(time.GetUtcNow());

    public void Add(Contact contact)
    {
        db.Contacts.Add(contact);
        session.SavedContacts.Added(contact);
        Remember(contact);
    }

    public void Add(Conversation conversation)
    {
        _conversations.Add(conversation);
        Touch(conversation);
    }

    public void Add(Message message)
    {
        _addedMessages.Add(message);
        _addedMessagesById.Add(message.Id, message);
        if (message.ExternalId is not null) _messagesByExternalId[message.ExternalId] = message;
    }

    public void Add(Operator @operator) => db.Operators.Add(@operator);

    public void Add(MessageDelivery delivery) => _addedDeliveries.Add(delivery);

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
            NextAttemptAt = message.NotBefore is { } notBefore && notBefore > now ? notBefore : now,
        };
        _addedOutbox.Add(row);
    }

    private T? Touch<T>(T? entity) where T : class
    {
        if (entity is Conversation conversation) _touchedConversations.Add(conversation);
        else if (entity is not null) _touched.Add(entity);
        return entity;
    }

    private Message? Found(Message? message)
    {
        if (message is not null && _touched.Add(message)) _foundMessages.Add(message);
        return message;
    }

    private void Remember(Contact contact)
    {
        foreach (var identity in contact.Identities) _contactsByIdentity[identity] = contact;
    }
}
