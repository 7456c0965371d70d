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
internal sealed class EfUnitOfWork(InboxDbContext db, IdAllocator ids, TimeProvider time, bool exactRepeats) : IInboxUnitOfWork
{
    private readonly Dictionary<ContactIdentity, Contact> _contactsByIdentity = [];
    private readonly Dictionary<string, Message> _messagesByExternalId = new(StringComparer.Ordinal);

    public int EnqueuedCount { get; private set; }

    public ValueTask<Conversation?> FindConversationAsync(long id, CancellationToken cancellationToken) =>
        db.Conversations.FindAsync([id], cancellationToken);

    public ValueTask<Contact?> FindContactAsync(Guid id, CancellationToken cancellationToken) =>
        db.Contacts.FindAsync([id], cancellationToken);

    public async ValueTask<Contact?> FindContactAsync(ContactIdentity identity, CancellationToken cancellationToken)
    {
        if (_contactsByIdentity.TryGetValue(identity, out var known)) return known;
        var id = await db.ContactIdOf(identity, cancellationToken);
        var contact = id is null ? null : await db.Contacts.FindAsync([id.Value], cancellationToken);
        if (contact is not null) Remember(contact);
        return contact;
    }

    public ValueTask<Operator?> FindOperatorAsync(Guid id, CancellationToken cancellationToken) =>
        db.Operators.FindAsync([id], cancellationToken);

    public async ValueTask<Operator?> FindOperatorByEmailAsync(string email, CancellationToken cancellationToken) =>
        db.Operators.Local.FirstOrDefault(o => o.Email == email)
        ?? await db.Operators.FirstOrDefaultAsync(o => o.Email == email, cancellationToken);

    public async ValueTask<Message?> FindMessageByExternalIdAsync(string externalId, CancellationToken cancellationToken) =>
        _messagesByExternalId.GetValueOrDefault(externalId)
        ?? (exactRepeats ? await db.Messages.FirstOrDefaultAsync(m => m.ExternalId == externalId, cancellationToken) : null);

    public ValueTask<Message?> FindMessageAsync(long id, CancellationToken cancellationToken) =>
        db.Messages.FindAsync([id], cancellationToken);

    public async ValueTask<Conversation?> FindLatestConversationAsync(Guid contactId, ChannelKind channel, ConversationStatus status, CancellationToken cancellationToken)
    {
        bool Matches(Conversation c) => c.ContactId == contactId && c.Channel == channel && c.Status == status;
        var local = db.Conversations.Local.Where(Matches).MaxBy(c => c.LastActivityAt);
        return local ?? await db.Conversations
            .Where(c => c.ContactId == contactId && c.Channel == channel && c.Status == status)
            .OrderByDescending(c => c.LastActivityAt).ThenByDescending(c => c.Id)
            .FirstOrDefaultAsync(cancellationToken);
    }

    public async ValueTask<IReadOnlyList<Conversation>> ConversationsOfContactAsync(Guid contactId, CancellationToken cancellationToken)
    {
        // Loading through the context attaches them, so already-tracked ones come back as the same instances.
        await db.Conversations.Where(c => c.ContactId == contactId).LoadAsync(cancellationToken);
        return db.Conversations.Local.Where(c => c.ContactId == contactId).ToList();
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
        if (message.ExternalId is not null) _messagesByExternalId[message.ExternalId] = message;
    }

    public void Add(Operator @operator) => db.Operators.Add(@operator);

    public void Add(MessageDelivery delivery) => db.MessageDeliveries.Add(delivery);

    public void Enqueue(OutboxMessage message)
    {
        var now = time.GetUtcNow();
        db.Outbox.Add(new OutboxRecord
        {
            Id = ids.NextOutboxId(),
            Destination = message.Destination,
            PartitionKey = message.PartitionKey,
            IdempotencyKey = message.IdempotencyKey,
            Payload = message.Payload,
            MessageId = message.MessageId,
            State = OutboxState.Pending,
            CreatedAt = now,
            NextAttemptAt = now,
        });
        EnqueuedCount++;
    }

    private void Remember(Contact contact)
    {
        foreach (var identity in contact.Identities) _contactsByIdentity[identity] = contact;
    }
}
