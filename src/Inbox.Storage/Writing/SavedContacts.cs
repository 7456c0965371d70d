using Inbox.Core.Model;

namespace Inbox.Storage.Writing;

/// <summary>The column values of the contacts the writer's EF context tracks, as last read or saved: a batch asks EF to scan only the contacts whose values moved.</summary>
/// <remarks>
/// Every customer message touches its contact, and EF's change detection of a contact (its columns, its tags and its
/// owned identities) cost the writer more than a tenth of its time, nearly always to find nothing changed. Comparing
/// the columns with these copies is a fraction of that. A contact without a copy (new in this batch) is always
/// scanned. Identities are set when a contact is made and never change (a contact whose count of them differs is
/// scanned all the same). A failed batch throws the whole writer session away, these copies with it.
/// </remarks>
internal sealed class SavedContacts(RowShape shape)
{
    // No columns: a contact added in this batch, not saved yet.
    private readonly Dictionary<Contact, (object?[]? Columns, int Identities)> _saved = new(ReferenceEqualityComparer.Instance);

    /// <summary>A contact EF has handed out from a lookup: if it is new to the session, its values are what the database holds.</summary>
    public void Read(Contact contact) => _saved.TryAdd(contact, Copy(contact));

    /// <summary>A contact added in this batch: scanned until it is saved.</summary>
    public void Added(Contact contact) => _saved[contact] = (null, 0);

    /// <summary>False only when every column and the identities are as last read or saved.</summary>
    public bool MayHaveChanged(Contact contact)
    {
        if (!_saved.TryGetValue(contact, out var saved) || saved.Columns is null || saved.Identities != contact.Identities.Count) return true;
        return shape.ChangedColumns(contact, saved.Columns) != 0;
    }

    /// <summary>The contact's values as they are now were committed.</summary>
    public void Saved(Contact contact) => _saved[contact] = Copy(contact);

    private (object?[]?, int) Copy(Contact contact) => (shape.Snapshot(contact), contact.Identities.Count);
}
