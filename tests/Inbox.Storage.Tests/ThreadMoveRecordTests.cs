using Inbox.Core.Outbox;

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
}
