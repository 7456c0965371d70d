using Inbox.Core.Model;

namespace Inbox.Storage.Writing;

/// <summary>The conversations the single writer tracks itself, outside EF's change tracker: one instance per id, with the values its row holds.</summary>
/// <remarks>
/// Every message changes its conversation, and EF's change detection of it cost more than writing the row. Here a
/// conversation's stored values are copied when it is first read (or written), compared column by column with its
/// values at the end of the batch, and only the columns that differ are written. Conversations read through
/// queries are read without tracking and then adopted: one that is already known keeps its instance, which may hold
/// this batch's changes. Conversations added in the batch are inserted whole.
/// </remarks>
internal sealed class ConversationRows
{
    private readonly RowShape _shape;
    private readonly Dictionary<long, object?[]> _stored = [];
    private readonly Dictionary<long, Conversation> _byId = [];
    private readonly Dictionary<Guid, List<Conversation>> _byContact = [];
    private readonly List<Conversation> _added = [];

    public ConversationRows(RowShape shape) => _shape = shape; // its change mask is checked by RowShape.ChangedColumns

    public int Count => _byId.Count;

    public Conversation? Find(long id) => _byId.GetValueOrDefault(id);

    /// <summary>The known conversations of a contact, those added in this batch included.</summary>
    public IReadOnlyList<Conversation> OfContact(Guid contactId) => _byContact.TryGetValue(contactId, out var known) ? known : [];

    /// <summary>The instance to use for a conversation read from the database: the known one if there is one, else this one, remembered with its stored values.</summary>
    public Conversation Adopt(Conversation stored)
    {
        if (_byId.TryGetValue(stored.Id, out var known)) return known;
        _stored[stored.Id] = _shape.Snapshot(stored);
        Remember(stored);
        return stored;
    }

    /// <summary>A new conversation: inserted whole at the end of the batch.</summary>
    public void Add(Conversation conversation)
    {
        if (_byId.ContainsKey(conversation.Id)) throw new InvalidOperationException($"Conversation {conversation.Id} is already known.");
        Remember(conversation);
        _added.Add(conversation);
    }

    /// <summary>Inserts the batch's new conversations, then writes the changed columns of the touched ones; afterwards the written values count as stored.</summary>
    /// <remarks>A failed batch throws the whole writer session away, so values counted as stored before the commit never outlive a rollback.</remarks>
    public async Task WriteAsync(HotRowWriter rows, IEnumerable<Conversation> touched, CancellationToken cancellationToken)
    {
        if (_added.Count > 0)
        {
            await rows.InsertAsync(_shape, _added, cancellationToken);
            foreach (var conversation in _added) _stored[conversation.Id] = _shape.Snapshot(conversation);
            _added.Clear();
        }
        var columns = _shape.Columns;
        foreach (var conversation in touched)
        {
            var stored = _stored[conversation.Id];
            var changed = _shape.ChangedColumns(conversation, stored);
            if (changed == 0) continue;
            await rows.UpdateAsync(_shape, conversation, changed, cancellationToken);
            for (var i = _shape.KeyCount; i < columns.Length; i++)
                if ((changed & (1UL << i)) != 0) stored[i] = columns[i].Snapshot(conversation);
        }
    }

    private void Remember(Conversation conversation)
    {
        _byId[conversation.Id] = conversation;
        if (!_byContact.TryGetValue(conversation.ContactId, out var ofContact)) _byContact[conversation.ContactId] = ofContact = [];
        ofContact.Add(conversation);
    }
}
