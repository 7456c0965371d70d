namespace Inbox.Host.Tests.Faults;

/// <summary>Checks that the SQLite file holds no partial write: every row's owner exists, and nothing was left half-stored.</summary>
internal static class StoreConsistency
{
    // Each query counts rows that should not exist.
    private static readonly (string What, string Sql)[] Checks =
    [
        ("messages without their conversation", "SELECT COUNT(*) FROM Messages m WHERE NOT EXISTS (SELECT 1 FROM Conversations c WHERE c.Id = m.ConversationId)"),
        ("conversations without their contact", "SELECT COUNT(*) FROM Conversations c WHERE NOT EXISTS (SELECT 1 FROM Contacts k WHERE k.Id = c.ContactId)"),
        ("conversations without a message", "SELECT COUNT(*) FROM Conversations c WHERE NOT EXISTS (SELECT 1 FROM Messages m WHERE m.ConversationId = c.Id)"),
        ("contact identities without their contact", "SELECT COUNT(*) FROM ContactIdentities i WHERE NOT EXISTS (SELECT 1 FROM Contacts k WHERE k.Id = i.ContactId)"),
        ("outbox rows for a missing message", "SELECT COUNT(*) FROM Outbox o WHERE o.MessageId IS NOT NULL AND NOT EXISTS (SELECT 1 FROM Messages m WHERE m.Id = o.MessageId)"),
        ("deliveries of a missing message", "SELECT COUNT(*) FROM MessageDeliveries d WHERE NOT EXISTS (SELECT 1 FROM Messages m WHERE m.Id = d.MessageId)"),
        ("threads of a missing conversation", "SELECT COUNT(*) FROM ConversationThreads t WHERE NOT EXISTS (SELECT 1 FROM Conversations c WHERE c.Id = t.ConversationId)"),
        ("stored files no message links to", "SELECT COUNT(*) FROM Files f WHERE NOT EXISTS (SELECT 1 FROM Messages m WHERE m.Attachments LIKE '%' || lower(replace(f.Id, '-', '')) || '%' "
            + "OR m.Attachments LIKE '%' || lower(f.Id) || '%')"),
    ];

    /// <summary>Every broken rule with a sample of what broke it; empty when the store is consistent.</summary>
    public static async Task<List<string>> ProblemsAsync(string databasePath)
    {
        await using var db = new StoreReader(databasePath);
        var problems = new List<string>();
        var integrity = await db.ListAsync("PRAGMA integrity_check");
        if (integrity is not ["ok"]) problems.Add("integrity_check: " + string.Join("; ", integrity));
        var foreignKeys = await db.ListAsync("PRAGMA foreign_key_check");
        if (foreignKeys.Count > 0) problems.Add($"foreign_key_check: {foreignKeys.Count} rows, e.g. {foreignKeys[0]}");
        foreach (var (what, sql) in Checks)
            if (await db.CountAsync(sql) is var count and > 0) problems.Add($"{count} {what}");
        return problems;
    }
}
