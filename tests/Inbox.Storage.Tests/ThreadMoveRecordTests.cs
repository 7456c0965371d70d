using Inbox.Core.Outbox;
using Inbox.Core.Routing;

namespace Inbox.Storage.Tests;

public abstract class ThreadMoveRecordTests(string provider) : StoreTests(provider)
{
    public sealed class Sqlite() : ThreadMoveRecordTests(StorageOptions.Sqlite);

    public sealed class Postgres() : ThreadMoveRecordTests(StorageOptions.Postgres);

    [Fact]
    public async Task A_later_root_of_a_conversation_replaces_its_thread_and_remembers_the_old_one()
    {
        var destination = new RecordingDestination();
        await using var inbox = await OpenAsync(TestInbox.With(destination));
        var id = (await inbox.ReceiveAsync("v", "Hello")).Conversation.Id;
        async Task EnqueueAsync(string key) => await inbox.Store.WriteAsync((uow, _) =>
        {
            uow.Enqueue(new OutboxMessage(RecordingDestination.Name, $"test:thread:{id}", key, "root", ThreadOf: id));
            return ValueTask.FromResult(true);
        }, CancellationToken.None);

        await EnqueueAsync("root");
        await inbox.DrainOutboxAsync();
        await EnqueueAsync("move");
        await inbox.DrainOutboxAsync();

        var thread = await inbox.Queries.FindThreadAsync(id, RecordingDestination.Name, CancellationToken.None);
        Assert.Equal(("ext-move", "ext-root"), (thread!.ExternalId, thread.MovedFromExternalId));
        Assert.NotNull(thread.MovedAt);
        Assert.Equal(id, (await inbox.Queries.FindMovedThreadAsync(RecordingDestination.Name, "ext-root", CancellationToken.None))!.ConversationId);
        Assert.Null(await inbox.Queries.FindThreadByExternalIdAsync(RecordingDestination.Name, "ext-root", CancellationToken.None));
    }

    [Fact]
    public async Task The_threads_of_a_page_of_conversations_are_read_together_and_only_those_that_exist()
    {
        var destination = new RecordingDestination();
        await using var inbox = await OpenAsync(TestInbox.With(destination));
        var ids = new List<long>();
        for (var i = 0; i < 4; i++) ids.Add((await inbox.ReceiveAsync($"v{i}", "Hello")).Conversation.Id);
        await inbox.Store.WriteAsync((uow, _) =>
        {
            // Threads for the first and third only.
            foreach (var id in new[] { ids[0], ids[2] })
                uow.Enqueue(new OutboxMessage(RecordingDestination.Name, $"test:thread:{id}", $"root-{id}", "root", ThreadOf: id));
            return ValueTask.FromResult(true);
        }, CancellationToken.None);
        await inbox.DrainOutboxAsync();

        var threads = await inbox.Queries.FindThreadsAsync([.. ids, ids[0], 999_999], RecordingDestination.Name, CancellationToken.None);

        Assert.Equal([ids[0], ids[2]], threads.Keys.Order());
        foreach (var (id, thread) in threads)
            Assert.Equal((await inbox.Queries.FindThreadAsync(id, RecordingDestination.Name, CancellationToken.None))!.ExternalId, thread.ExternalId);
        Assert.Empty(await inbox.Queries.FindThreadsAsync(ids, "elsewhere", CancellationToken.None));
        Assert.Empty(await inbox.Queries.FindThreadsAsync([], RecordingDestination.Name, CancellationToken.None));
    }

    [Fact]
    public async Task A_move_by_hand_is_remembered_on_the_conversation()
    {
        await using var inbox = await OpenAsync();
        var fox = await inbox.OperatorAsync("Fox Mulder", "fox@example.test");
        var id = (await inbox.ReceiveAsync("v", "Hello")).Conversation.Id;
        var moves = new ThreadMoves(inbox.Store, inbox.Get<OutboxRouting>(), inbox.Time);

        Assert.True((await moves.MoveAsync(id, "slack", "CVIP000001", "#vip", fox.Id, CancellationToken.None)).Succeeded);

        Assert.Equal(inbox.Time.GetUtcNow(), (await inbox.Queries.FindConversationAsync(id, CancellationToken.None))!.MovedByHandAt);
    }
}
