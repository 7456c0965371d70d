using Npgsql;

namespace Inbox.Host.Tests.Faults;

/// <summary>Reads a host's PostgreSQL database beside the host, and checks it holds no partial write.</summary>
/// <remarks>Unpooled: the server is restarted under these tests, and a pooled connection would outlive it.</remarks>
internal sealed class PostgresStoreReader(string connectionString)
{
    // Each query counts rows that should not exist.
    private static readonly (string What, string Sql)[] Checks =
    [
        ("messages without their conversation", """SELECT COUNT(*) FROM "Messages" m WHERE NOT EXISTS (SELECT 1 FROM "Conversations" c WHERE c."Id" = m."ConversationId")"""),
        ("conversations without their contact", """SELECT COUNT(*) FROM "Conversations" c WHERE NOT EXISTS (SELECT 1 FROM "Contacts" k WHERE k."Id" = c."ContactId")"""),
        ("conversations without a message", """SELECT COUNT(*) FROM "Conversations" c WHERE NOT EXISTS (SELECT 1 FROM "Messages" m WHERE m."ConversationId" = c."Id")"""),
        ("contact identities without their contact", """SELECT COUNT(*) FROM "ContactIdentities" i WHERE NOT EXISTS (SELECT 1 FROM "Contacts" k WHERE k."Id" = i."ContactId")"""),
        ("outbox rows for a missing message", """SELECT COUNT(*) FROM "Outbox" o WHERE o."MessageId" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "Messages" m WHERE m."Id" = o."MessageId")"""),
        ("customer messages without their outbox row", """SELECT COUNT(*) FROM "Messages" m WHERE NOT EXISTS (SELECT 1 FROM "Outbox" o WHERE o."MessageId" = m."Id")"""),
        ("deliveries of a missing message", """SELECT COUNT(*) FROM "MessageDeliveries" d WHERE NOT EXISTS (SELECT 1 FROM "Messages" m WHERE m."Id" = d."MessageId")"""),
    ];

    private readonly string _connectionString = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString;

    public async Task<long> CountAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }

    public async Task<T?> ScalarAsync<T>(string sql)
    {
        await using var connection = new NpgsqlConnection(_connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync() is T value ? value : default;
    }

    /// <summary>Every broken rule with its count; empty when the store is consistent.</summary>
    public async Task<List<string>> ProblemsAsync()
    {
        var problems = new List<string>();
        foreach (var (what, sql) in Checks)
            if (await CountAsync(sql) is var count and > 0) problems.Add($"{count} {what}");
        return problems;
    }
}
