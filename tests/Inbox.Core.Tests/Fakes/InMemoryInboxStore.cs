using Inbox.Core.Model;
using Inbox.Core.Outbox;
using Inbox.Core.Storage;

namespace Inbox.Core.Tests.Fakes;

/// <summary>An in-memory <see cref="IInboxStore"/> for core tests: each write runs at once against plain dictionaries.</summary>
/// <remarks>
/// Like the real store it does not undo a refusal, so a command that changes something before refusing
/// leaves that change behind here too. Ids increase from 1 in write order, as the real writer hands them out,
/// and the unique keys of the real schema (message external id, contact identity, operator email, outbox
/// idempotency key) throw when broken, where the database would refuse the commit.
/// </remarks>
public sealed class InMemoryInboxStore : IInboxStore
{
    private readonly Dictionary<Guid, Contact> _contacts = [];
    private readonly Dictionary<long, Conversation> _conversations = [];
    private readonly Dictionary<long, Message> _messages = [];
    private readonly Dictionary<Guid, Operator> _operators = [];
    private readonly List<MessageDelivery> _deliveries = [];
    private readonly List<OutboxMessage> _outbox = [];
    private long _lastMessageId;
    private long _lastConversationId;

    public int Writes { get; private set; }
    public IReadOnlyList<OutboxMessage> Outbox => _outbox;
    public IReadOnlyCollection<Contact> Contacts => _contacts.Values;
    public IReadOnlyCollection<Conversation> Conversations => _conversations.Values;
    public IReadOnlyCollection<Operator> Operators => _operators.Values;
    public int MessageCount => _messages.Count;

    public async Task<T> WriteAsync<T>(Func<IInboxUnitOfWork, CancellationToken, ValueTask<T>> work, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Writes++;
        return await work(new UnitOfWork(this), cancellationToken);
    }

    public Conversation Conversation(long id) => _conversations[id];

    /// <summary>A conversation's history in id order, internal lines included.</summary>
    public IReadOnlyList<Message> History(long conversationId) =>
        _messages.Values.Where(m => m.ConversationId == conversationId).OrderBy(m => m.Id).ToList();

    /// <summary>What the customer sees of a conversation.</summary>
    public IReadOnlyList<Message> CustomerHistory(long conversationId) =>
        History(conversationId).Where(m => m.IsVisibleToCustomer).ToList();

    private sealed class UnitOfWork(InMemoryInboxStore store) : IInboxUnitOfWork
    {
        public ValueTask<Conversation?> FindConversationAsync(long id, CancellationToken cancellationToken) =>
            ValueTask.FromResult(store._conversations.GetValueOrDefault(id));

        public ValueTask<Contact?> FindContactAsync(Guid id, CancellationToken cancellationToken) =>
            ValueTask.FromResult(store._contacts.GetValueOrDefault(id));

        public ValueTask<Contact?> FindContactAsync(ContactIdentity identity, CancellationToken cancellationToken) =>
            ValueTask.FromResult(store._contacts.Values.FirstOrDefault(c => c.Identities.Contains(identity)));

        public ValueTask<Operator?> FindOperatorAsync(Guid id, CancellationToken cancellationToken) =>
            ValueTask.FromResult(store._operators.GetValueOrDefault(id));

        public ValueTask<Operator?> FindOperatorByEmailAsync(string email, CancellationToken cancellationToken) =>
            ValueTask.FromResult(store._operators.Values.FirstOrDefault(o => o.Email == email));

        public ValueTask<Message?> FindMessageByExternalIdAsync(string externalId, CancellationToken cancellationToken) =>
            ValueTask.FromResult(store._messages.Values.FirstOrDefault(m => m.ExternalId == externalId));

        public ValueTask<Message?> FindMessageForChangeAsync(string externalId, CancellationToken cancellationToken) =>
            FindMessageByExternalIdAsync(externalId, cancellationToken);

        public ValueTask<Message?> FindMessageAsync(long id, CancellationToken cancellationToken) =>
            ValueTask.FromResult(store._messages.GetValueOrDefault(id));

        public ValueTask<Conversation?> FindLatestConversationAsync(Guid contactId, ChannelKind channel, ConversationStatus status, CancellationToken cancellationToken) =>
            ValueTask.FromResult(store._conversations.Values
                .Where(c => c.ContactId == contactId && c.Channel == channel && c.Status == status)
                .OrderByDescending(c => c.LastActivityAt).ThenByDescending(c => c.Id)
                .FirstOrDefault());

        public ValueTask<IReadOnlyList<Conversation>> ConversationsOfContactAsync(Guid contactId, CancellationToken cancellationToken) =>
            ValueTask.FromResult<IReadOnlyList<Conversation>>(store._conversations.Values.Where(c => c.ContactId == contactId).ToList());

        public long NextMessageId() => ++store._lastMessageId;

        public long NextConversationId() => ++store._lastConversationId;

        public Guid NewId() => Guid.NewGuid();

        public void Add(Contact contact)
        {
            if (contact.Identities.Any(i => store._contacts.Values.Any(c => c.Identities.Contains(i))))
                throw new InvalidOperationException("Unique key broken: a contact with this channel identity exists.");
            store._contacts.Add(contact.Id, contact);
        }

        public void Add(Conversation conversation) => store._conversations.Add(conversation.Id, conversation);

        public void Add(Message message)
        {
            if (message.ExternalId is not null && store._messages.Values.Any(m => m.ExternalId == message.ExternalId))
                throw new InvalidOperationException($"Unique key broken: message external id '{message.ExternalId}' is taken.");
            store._messages.Add(message.Id, message);
        }

        public void Add(Operator @operator)
        {
            if (store._operators.Values.Any(o => o.Email == @operator.Email))
                throw new InvalidOperationException($"Unique key broken: operator email '{@operator.Email}' is taken.");
            store._operators.Add(@operator.Id, @operator);
        }

        public void Add(MessageDelivery delivery) => store._deliveries.Add(delivery);

        public void Enqueue(OutboxMessage message)
        {
            if (store._outbox.Any(o => o.IdempotencyKey == message.IdempotencyKey))
                throw new InvalidOperationException($"Unique key broken: outbox idempotency key '{message.IdempotencyKey}' is taken.");
            store._outbox.Add(message);
        }
    }
}
