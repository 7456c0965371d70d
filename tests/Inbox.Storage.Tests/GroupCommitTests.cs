using Inbox.Core.Commands;
using Inbox.Core.Model;
using Inbox.Storage.Writing;

namespace Inbox.Storage.Tests;

public abstract class GroupCommitTests(string provider) : StoreTests(provider)
{
    public sealed class Sqlite() : GroupCommitTests(StorageOptions.Sqlite);

    public sealed class Postgres() : GroupCommitTests(StorageOptions.Postgres);

    [Fact]
    public async Task Concurrent_writes_share_transactions_and_all_become_durable()
    {
        await using (var inbox = await OpenAsync())
        {
            await Task.WhenAll(Enumerable.Range(0, 400).Select(i => Task.Run(() => inbox.ReceiveAsync($"visitor-{i}", $"hello {i}"))));
            var store = inbox.Get<GroupCommitStore>();
            Assert.Equal(400, store.CommittedWrites);
            Assert.True(store.Commits < 200, $"400 concurrent writes took {store.Commits} commits; they should share transactions.");
        }
        await using var reopened = await OpenAsync();
        var counts = await reopened.Queries.GetCountsAsync(null, CancellationToken.None);
        Assert.Equal(400, counts.All);
    }

    [Fact]
    public async Task A_write_that_throws_fails_alone_and_its_batch_mates_are_committed()
    {
        await using var inbox = await OpenAsync();
        var writes = Enumerable.Range(0, 50).Select(i => i == 25
            ? inbox.Store.WriteAsync<int>((uow, _) => throw new InvalidOperationException("broken write"), CancellationToken.None)
            : inbox.Customers.ReceiveAsync(new IncomingMessage(new ContactIdentity(ChannelKind.Widget, $"v{i}"), $"m{i}"), CancellationToken.None)
                .ContinueWith(t => t.Result.Succeeded ? 1 : 0)).ToList();

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => writes[25]);
        Assert.Equal("broken write", failure.Message);
        foreach (var write in writes.Where((_, i) => i != 25)) Assert.Equal(1, await write);
        Assert.Equal(49, (await inbox.Queries.GetCountsAsync(null, CancellationToken.None)).All);
    }

    [Fact]
    public async Task The_same_message_sent_concurrently_is_stored_once()
    {
        await using var inbox = await OpenAsync();
        var first = await inbox.ReceiveAsync("alice", "start");
        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(() =>
            inbox.ReceiveAsync("alice", "double click", first.Conversation.Id, externalId: "widget:alice:click-1"))));

        Assert.Single(results.Select(r => r.Message.Id).Distinct());
        Assert.Single(results, r => !r.IsDuplicate);
        var messages = await inbox.Queries.GetMessagesAsync(first.Conversation.Id, includeInternal: true, CancellationToken.None);
        Assert.Equal(["start", "double click"], messages.Select(m => m.Text));
    }
}
