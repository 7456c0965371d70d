using Microsoft.EntityFrameworkCore;

namespace Inbox.Storage.Tests;

/// <summary>
/// SQLite's message search index is fed by the writer in chunks (migration MessageSearchFedInChunks): what is stored is
/// still found at once, edits and deletions of messages not fed yet leave nothing stale, and the index never costs a
/// stored message.
/// </summary>
public sealed class MessageSearchFeedTests() : StoreTests(StorageOptions.Sqlite)
{
    [Fact]
    public async Task A_writer_with_nothing_else_queued_feeds_the_index_with_its_own_batch()
    {
        await using var inbox = await OpenAsync();
        var received = await inbox.ReceiveAsync("v1", "where is my parcel");

        Assert.Equal(received.Message.Id, await IndexedThroughAsync(inbox));
    }

    [Fact]
    public async Task A_search_first_feeds_the_index_with_stored_messages_it_does_not_hold_yet()
    {
        await using var inbox = await OpenAsync();
        var conversation = (await inbox.ReceiveAsync("v1", "hello")).Conversation.Id;
        // Written around the writer, as an import or a restore would: nothing has fed it to the index.
        var imported = await InsertMessageAsync(inbox, conversation, "the parcel arrived damaged");
        Assert.True(await IndexedThroughAsync(inbox) < imported);

        var found = await inbox.Queries.SearchAsync("damaged", 10, CancellationToken.None);

        Assert.Equal([conversation], found.Select(c => c.Id));
        Assert.Equal(imported, await IndexedThroughAsync(inbox));
    }

    [Fact]
    public async Task A_large_backlog_is_fed_over_several_batches_before_the_search_answers()
    {
        await using var inbox = await OpenAsync();
        var conversation = (await inbox.ReceiveAsync("v1", "hello")).Conversation.Id;
        var backlog = 2 * Writing.MessageSearchFeed.MostPerBatch + 500;
        await ExecuteAsync(inbox, $"""
            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {backlog})
            INSERT INTO "Messages" ("Id", "ConversationId", "Direction", "Text", "CreatedAt", "Attachments", "IsInternal")
            SELECT (SELECT MAX("Id") FROM "Messages") + i, {conversation}, 0,
                   CASE WHEN i = {backlog} THEN 'the parcel arrived damaged' ELSE 'imported line ' || i END, 0, '[]', 0
            FROM n
            """);
        var last = await LastMessageIdAsync(inbox);
        var commitsBefore = inbox.Get<Writing.IWriteStatistics>().Commits;

        var found = await inbox.Queries.SearchAsync("damaged", 10, CancellationToken.None);

        Assert.Equal([conversation], found.Select(c => c.Id));
        Assert.Equal(last, await IndexedThroughAsync(inbox));
        Assert.True(inbox.Get<Writing.IWriteStatistics>().Commits - commitsBefore >= 3, "fed in one batch");
    }

    [Fact]
    public async Task Editing_or_deleting_a_message_the_index_does_not_hold_yet_leaves_no_trace_of_its_old_text()
    {
        await using var inbox = await OpenAsync();
        var conversation = (await inbox.ReceiveAsync("v1", "hello")).Conversation.Id;
        var edited = await InsertMessageAsync(inbox, conversation, "the colour is wrong");
        var deleted = await InsertMessageAsync(inbox, conversation, "zebra stripes");
        await ExecuteAsync(inbox, $"UPDATE \"Messages\" SET \"Text\" = 'the shade is wrong' WHERE \"Id\" = {edited}");
        await ExecuteAsync(inbox, $"DELETE FROM \"Messages\" WHERE \"Id\" = {deleted}");

        Assert.Empty(await inbox.Queries.SearchAsync("colour", 10, CancellationToken.None));
        Assert.Empty(await inbox.Queries.SearchAsync("zebra", 10, CancellationToken.None));
        Assert.Equal([conversation], (await inbox.Queries.SearchAsync("shade", 10, CancellationToken.None)).Select(c => c.Id));

        // Once fed, an edit moves the index along with it (the trigger of indexed messages).
        await ExecuteAsync(inbox, $"UPDATE \"Messages\" SET \"Text\" = 'the tint is wrong' WHERE \"Id\" = {edited}");
        Assert.Empty(await inbox.Queries.SearchAsync("shade", 10, CancellationToken.None));
        Assert.Equal([conversation], (await inbox.Queries.SearchAsync("tint", 10, CancellationToken.None)).Select(c => c.Id));
    }

    [Fact]
    public async Task After_the_newest_messages_were_deleted_and_the_host_restarted_new_messages_are_still_found()
    {
        long deleted;
        await using (var inbox = await OpenAsync())
        {
            await inbox.ReceiveAsync("v1", "hello");
            deleted = (await inbox.ReceiveAsync("v1", "zebra crossing")).Message.Id;
            await ExecuteAsync(inbox, $"DELETE FROM \"Messages\" WHERE \"Id\" = {deleted}");
        }

        await using var restarted = await OpenAsync();
        var received = await restarted.ReceiveAsync("v1", "giraffe spotted");

        Assert.True(received.Message.Id > deleted, "a new message took an id the index had already passed");
        Assert.Equal([received.Conversation.Id], (await restarted.Queries.SearchAsync("giraffe", 10, CancellationToken.None)).Select(c => c.Id));
    }

    [Fact]
    public async Task A_search_index_that_cannot_be_fed_costs_the_batch_nothing()
    {
        await using var inbox = await OpenAsync();
        await ExecuteAsync(inbox, "DROP TABLE \"MessageSearch\"");

        var received = await inbox.ReceiveAsync("v1", "my order never came");

        await using var db = await inbox.Get<IDbContextFactory<InboxDbContext>>().CreateDbContextAsync();
        Assert.Equal("my order never came", (await db.Messages.SingleAsync(m => m.Id == received.Message.Id)).Text);
        Assert.True(await IndexedThroughAsync(inbox) < received.Message.Id); // left for a later batch
    }

    private static async Task<long> InsertMessageAsync(TestInbox inbox, long conversationId, string text)
    {
        await using var db = await inbox.Get<IDbContextFactory<InboxDbContext>>().CreateDbContextAsync();
        var id = await db.Database.SqlQueryRaw<long>("""SELECT MAX("Id") + 1000 AS "Value" FROM "Messages" """).SingleAsync();
        await db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO "Messages" ("Id", "ConversationId", "Direction", "Text", "CreatedAt", "Attachments", "IsInternal")
            VALUES ({id}, {conversationId}, 0, {text}, 0, '[]', 0)
            """);
        return id;
    }

    private static async Task ExecuteAsync(TestInbox inbox, string sql)
    {
        await using var db = await inbox.Get<IDbContextFactory<InboxDbContext>>().CreateDbContextAsync();
        await db.Database.ExecuteSqlRawAsync(sql);
    }

    private static async Task<long> LastMessageIdAsync(TestInbox inbox)
    {
        await using var db = await inbox.Get<IDbContextFactory<InboxDbContext>>().CreateDbContextAsync();
        return await db.Database.SqlQueryRaw<long>("""SELECT MAX("Id") AS "Value" FROM "Messages" """).SingleAsync();
    }

    private static async Task<long> IndexedThroughAsync(TestInbox inbox)
    {
        await using var db = await inbox.Get<IDbContextFactory<InboxDbContext>>().CreateDbContextAsync();
        return await db.Database.SqlQueryRaw<long>("""SELECT "IndexedThrough" AS "Value" FROM "MessageSearchProgress" """).SingleAsync();
    }
}
