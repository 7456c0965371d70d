using Inbox.Core.Model;
using Inbox.Storage.Writing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Inbox.Storage.Tests;

/// <summary>SQLite: the writer binds the rows every message produces itself, by position (<see cref="SqliteRowStatement"/>); what it stores must be what EF stores.</summary>
public sealed class SqliteRowStatementTests() : StoreTests(StorageOptions.Sqlite)
{
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 10, 30, 15, 123, TimeSpan.FromHours(2));

    [Fact]
    public async Task Rows_bound_by_position_are_stored_exactly_as_EF_stores_them()
    {
        await using var inbox = await OpenAsync();
        var contactId = (await inbox.ReceiveAsync("alice", "hello")).Contact.Id;
        var contexts = inbox.Get<IDbContextFactory<InboxDbContext>>();

        await using (var db = await contexts.CreateDbContextAsync())
        {
            db.Conversations.Add(NewConversation(900_001, contactId));
            db.Messages.Add(NewMessage(900_001, 900_001));
            await db.SaveChangesAsync();
        }
        await using (var db = await contexts.CreateDbContextAsync())
        {
            await db.Database.OpenConnectionAsync();
            var shapes = new RowShapes(db.Model);
            using var rows = new HotRowWriter(db);
            await using var transaction = await db.Database.BeginTransactionAsync();
            await rows.InsertAsync(shapes.Conversations, [NewConversation(900_002, contactId)], CancellationToken.None);
            await rows.InsertAsync(shapes.Messages, [NewMessage(900_002, 900_002)], CancellationToken.None);
            await transaction.CommitAsync();
        }

        await using var check = await contexts.CreateDbContextAsync();
        foreach (var table in new[] { "Conversations", "Messages" })
        {
            var listColumns = $"SELECT name AS \"Value\" FROM pragma_table_info('{table}')"; // table names of our own, not input
            var columns = await check.Database.SqlQueryRaw<string>(listColumns).ToListAsync();
            Assert.True(columns.Count > 8, $"{table} has {columns.Count} columns");
            foreach (var column in columns.Where(c => c is not ("Id" or "ConversationId" or "ExternalId")))
            {
                // The storage class and the literal value: an integer stored as text, or a GUID in another case, would differ.
                var readBoth = $"SELECT typeof(\"{column}\") || ' ' || quote(\"{column}\") AS \"Value\" FROM \"{table}\" WHERE \"Id\" IN (900001, 900002) ORDER BY \"Id\"";
                var values = await check.Database.SqlQueryRaw<string>(readBoth).ToListAsync();
                Assert.Equal(2, values.Count);
                Assert.True(values[0] == values[1], $"{table}.{column}: EF stored {values[0]}, the writer {values[1]}");
            }
        }
        Assert.Equal(2, await check.Conversations.CountAsync(c => c.ContactId == contactId && c.Id >= 900_001));
    }

    [Fact]
    public async Task A_unique_key_conflict_fails_as_SQLite_reports_it_and_the_statement_runs_again_after_it()
    {
        await using var inbox = await OpenAsync();
        var stored = await inbox.ReceiveAsync("alice", "hello", externalId: "widget:alice:1");
        await using var db = await inbox.Get<IDbContextFactory<InboxDbContext>>().CreateDbContextAsync();
        await db.Database.OpenConnectionAsync();
        var shapes = new RowShapes(db.Model);
        using var rows = new HotRowWriter(db);
        await using var transaction = await db.Database.BeginTransactionAsync();

        var repeat = new Message(900_001, stored.Conversation.Id, MessageDirection.FromCustomer, "hello", Now, externalId: "widget:alice:1");
        var conflict = await Assert.ThrowsAsync<SqliteException>(() => rows.InsertAsync(shapes.Messages, [repeat], CancellationToken.None));
        Assert.Equal(19, conflict.SqliteErrorCode); // SQLITE_CONSTRAINT

        var next = new Message(900_002, stored.Conversation.Id, MessageDirection.FromCustomer, "next", Now, externalId: "widget:alice:2");
        await rows.InsertAsync(shapes.Messages, [next], CancellationToken.None);
        await transaction.CommitAsync();
        Assert.Equal("next", (await db.Messages.AsNoTracking().SingleAsync(m => m.Id == 900_002)).Text);
    }

    private static Conversation NewConversation(long id, Guid contactId)
    {
        var conversation = new Conversation(id, contactId, ChannelKind.Email, site: null, Now, subject: "Invoice ü");
        conversation.AddTag("vip");
        conversation.AddTag("billing");
        return conversation;
    }

    private static Message NewMessage(long id, long conversationId) =>
        new(id, conversationId, MessageDirection.FromCustomer, "Ünïcode ✓ text", Now, authorName: "Alice",
            attachments: [new Attachment("a.pdf", "application/pdf", 1234, "https://files.example.test/a.pdf")], externalId: $"email:<{id}@example.test>");
}
