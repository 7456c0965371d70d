namespace Inbox.Storage.Tests;

/// <summary>
/// Search over more than 2,000 conversations (past any newest-first shortcut a faster search may take): a common word and
/// a word found only in old conversations both come back newest first and complete.
/// </summary>
public abstract class SearchRecencyTests(string provider) : StoreTests(provider)
{
    public sealed class Sqlite() : SearchRecencyTests(StorageOptions.Sqlite);

    public sealed class Postgres() : SearchRecencyTests(StorageOptions.Postgres);

    private const int ManyConversations = 2_100;

    [Fact]
    public async Task A_common_word_finds_the_newest_matches_and_an_old_conversation_that_became_active()
    {
        await using var inbox = await OpenAsync();
        var old = (await inbox.ReceiveAsync("old", "where is my order")).Conversation.Id;
        inbox.Time.Advance(TimeSpan.FromMinutes(1));
        var recent = await ReceiveManyAsync(inbox, "order", "my order is late");
        inbox.Time.Advance(TimeSpan.FromMinutes(1));
        await inbox.ReceiveAsync("old", "any news?"); // the oldest conversation becomes the most recent

        var found = await inbox.Queries.SearchAsync("order", 5, CancellationToken.None);

        Assert.Equal([old, .. recent.OrderDescending().Take(4)], found.Select(c => c.Id));
    }

    [Fact]
    public async Task A_word_found_only_in_conversations_older_than_many_others_is_still_found_newest_first()
    {
        await using var inbox = await OpenAsync();
        var first = (await inbox.ReceiveAsync("a", "refund please")).Conversation.Id;
        inbox.Time.Advance(TimeSpan.FromMinutes(1));
        var second = (await inbox.ReceiveAsync("b", "I want a refund")).Conversation.Id;
        inbox.Time.Advance(TimeSpan.FromMinutes(1));
        await ReceiveManyAsync(inbox, "hello", "hello there");
        inbox.Time.Advance(TimeSpan.FromMinutes(1));
        var newest = (await inbox.ReceiveAsync("c", "refund for order 7")).Conversation.Id;

        var found = await inbox.Queries.SearchAsync("refund", 10, CancellationToken.None);

        Assert.Equal([newest, second, first], found.Select(c => c.Id));
    }

    private static async Task<long[]> ReceiveManyAsync(TestInbox inbox, string visitorPrefix, string text)
    {
        // In rounds of 50 at once: enough to fill the writer's batches, few enough for PostgreSQL's connection pool.
        var ids = new List<long>();
        foreach (var round in Enumerable.Range(0, ManyConversations).Chunk(50))
        {
            var received = await Task.WhenAll(round.Select(i => inbox.ReceiveAsync($"{visitorPrefix}{i}", text)));
            ids.AddRange(received.Select(r => r.Conversation.Id));
        }
        return ids.ToArray();
    }
}
