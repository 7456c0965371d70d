using Inbox.Core.Outbox;
using Inbox.Storage.Outbox;
using Microsoft.EntityFrameworkCore;

namespace Inbox.Storage.Tests;

/// <summary>Two inboxes (two hosts) writing and dispatching through one PostgreSQL database at the same time.</summary>
public sealed class SharedDatabaseTests() : StoreTests(StorageOptions.Postgres)
{
    [Fact]
    public async Task Two_hosts_writing_one_visitor_at_once_lose_no_message_or_tag_and_number_them_in_commit_order()
    {
        var destination = new RecordingDestination();
        var (a, b) = await OpenTwoAsync(TestInbox.With(destination));
        await using var _ = a;
        await using var __ = b;
        var dana = await a.OperatorAsync("Dana", "dana@example.test");
        var id = (await a.ReceiveAsync("alice", "start")).Conversation.Id;

        var writes = Enumerable.Range(0, 40).Select(i => Task.Run(() => (i % 2 == 0 ? a : b).ReceiveAsync("alice", $"message {i}", id)))
            .Concat(Enumerable.Range(0, 10).Select(i => Task.Run(async () =>
                Assert.True((await (i % 2 == 0 ? b : a).Operators.TagAsync(id, $"tag-{i}", dana.Id)).Succeeded))));
        await Task.WhenAll(writes);

        var conversation = (await b.Queries.FindConversationAsync(id, CancellationToken.None))!;
        Assert.Equal(Enumerable.Range(0, 10).Select(i => $"tag-{i}").Order(), conversation.Tags.Order());
        var messages = await a.Queries.GetMessagesAsync(id, includeInternal: true, CancellationToken.None);
        Assert.Equal(41, messages.Count);
        // The write that committed last set the preview, and it holds the highest id: ids follow commit order.
        Assert.Equal(messages[^1].Text, conversation.Preview);
        // Outbox rows in id order carry their messages in id order: a conversation is delivered as it was written.
        await using var db = await a.Get<IDbContextFactory<InboxDbContext>>().CreateDbContextAsync();
        var outboxMessages = await db.Outbox.Where(o => o.PartitionKey == OutboxMessage.ConversationPartition(id))
            .OrderBy(o => o.Id).Select(o => o.MessageId!.Value).ToListAsync();
        Assert.Equal(messages.Where(m => m.Direction == Core.Model.MessageDirection.FromCustomer).Select(m => m.Id), outboxMessages);
    }

    [Fact]
    public async Task A_first_message_arriving_at_both_hosts_at_once_is_stored_once_for_one_new_visitor()
    {
        var (a, b) = await OpenTwoAsync();
        await using var _ = a;
        await using var __ = b;

        var results = await Task.WhenAll(Enumerable.Range(0, 10).SelectMany(v => new[] { a, b, a, b }.Select(inbox =>
            Task.Run(() => inbox.ReceiveAsync($"visitor-{v}", "hello", externalId: $"webhook:{v}")))));

        Assert.Equal(10, results.Count(r => !r.IsDuplicate));
        Assert.Equal(10, results.Select(r => r.Message.Id).Distinct().Count());
        Assert.Equal(10, results.Select(r => r.Contact.Id).Distinct().Count());
        Assert.Equal(10, (await a.Queries.GetCountsAsync(null, CancellationToken.None)).All);
    }

    [Fact]
    public async Task Two_dispatchers_on_one_outbox_deliver_every_row_once_and_each_conversation_in_order()
    {
        var toA = new RecordingDestination();
        var toB = new RecordingDestination();
        var started = new System.Collections.Concurrent.ConcurrentQueue<string>();
        foreach (var destination in new[] { toA, toB })
            destination.Behaviour = async (d, ct) =>
            {
                started.Enqueue(d.Payload);
                await Task.Delay(5, ct);
                return new DeliveryResult.Delivered($"ext-{d.IdempotencyKey}");
            };
        var quickPolls = new Dictionary<string, string?> { ["Outbox:PollInterval"] = "00:00:00.050" };
        await using var a = await OpenAsync(TestInbox.With(toA), quickPolls);
        await using var b = await OpenAsync(TestInbox.With(toB), quickPolls);
        var conversations = new long[12];
        for (var c = 0; c < conversations.Length; c++)
            conversations[c] = (await (c % 2 == 0 ? a : b).ReceiveAsync($"visitor-{c}", $"c{c}-m0")).Conversation.Id;
        for (var m = 1; m < 5; m++)
            for (var c = 0; c < conversations.Length; c++)
                await (m % 2 == 0 ? a : b).ReceiveAsync($"visitor-{c}", $"c{c}-m{m}", conversations[c]);

        // Both hosts' dispatchers run as they do in the host, polling the one outbox.
        await Task.WhenAll(a.Dispatcher.StartAsync(CancellationToken.None), b.Dispatcher.StartAsync(CancellationToken.None));
        var deadline = DateTime.UtcNow.AddSeconds(30);
        // Done means recorded, not just delivered: stopping between a delivery and its record would leave the row pending.
        while ((toA.EffectCount + toB.EffectCount < 60 || (await OutboxDispatcherTests.OutboxRowsAsync(a, OutboxState.Pending)).Count > 0)
               && DateTime.UtcNow < deadline)
            await Task.Delay(20);
        await Task.WhenAll(a.Dispatcher.StopAsync(CancellationToken.None), b.Dispatcher.StopAsync(CancellationToken.None));

        var calls = toA.Calls.Concat(toB.Calls).ToList();
        Assert.Equal(60, calls.Count);
        Assert.Equal(60, calls.Select(d => d.IdempotencyKey).Distinct().Count());
        Assert.NotEmpty(toA.Calls);
        Assert.NotEmpty(toB.Calls);
        Assert.Empty(await OutboxDispatcherTests.OutboxRowsAsync(a, OutboxState.Pending));
        // Whichever host took them, no delivery of a conversation started before the one ahead of it was done.
        for (var c = 0; c < conversations.Length; c++)
            Assert.Equal(Enumerable.Range(0, 5).Select(m => $"c{c}-m{m}"), started.Where(p => p.StartsWith($"c{c}-", StringComparison.Ordinal)));
        await using var db = await a.Get<IDbContextFactory<InboxDbContext>>().CreateDbContextAsync();
        Assert.All(await db.Outbox.ToListAsync(), row => Assert.Equal(1, row.Attempts));
    }

    // Both migrate the same fresh database at once, as two hosts started together do.
    private async Task<(TestInbox A, TestInbox B)> OpenTwoAsync(Action<Microsoft.Extensions.DependencyInjection.IServiceCollection>? configure = null)
    {
        var opened = await Task.WhenAll(OpenAsync(configure), OpenAsync(configure));
        return (opened[0], opened[1]);
    }
}
