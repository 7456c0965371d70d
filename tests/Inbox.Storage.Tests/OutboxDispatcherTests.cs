using Inbox.Core.Outbox;
using Inbox.Storage.Outbox;
using Microsoft.EntityFrameworkCore;

namespace Inbox.Storage.Tests;

public abstract class OutboxDispatcherTests(string provider) : StoreTests(provider)
{
    public sealed class Sqlite() : OutboxDispatcherTests(StorageOptions.Sqlite);

    public sealed class Postgres() : OutboxDispatcherTests(StorageOptions.Postgres);

    [Fact]
    public async Task Delivers_each_conversation_in_order_and_records_the_destination_ids()
    {
        var destination = new RecordingDestination();
        await using var inbox = await OpenAsync(configure: TestInbox.With(destination));
        var conversations = new long[3];
        for (var c = 0; c < 3; c++)
            conversations[c] = (await inbox.ReceiveAsync($"visitor-{c}", $"c{c}-m0")).Conversation.Id;
        for (var m = 1; m < 5; m++)
            for (var c = 0; c < 3; c++)
                await inbox.ReceiveAsync($"visitor-{c}", $"c{c}-m{m}", conversations[c]);

        await inbox.DrainOutboxAsync();

        Assert.Equal(15, destination.EffectCount);
        for (var c = 0; c < 3; c++)
        {
            var inOrder = destination.Calls.Where(d => d.PartitionKey == OutboxMessage.ConversationPartition(conversations[c])).Select(d => d.Payload);
            Assert.Equal(Enumerable.Range(0, 5).Select(m => $"c{c}-m{m}"), inOrder);
            var messages = await inbox.Queries.GetMessagesAsync(conversations[c], includeInternal: true, CancellationToken.None);
            Assert.All(messages, m => Assert.Equal($"ext-test:{m.Id}", Assert.Single(m.Deliveries).ExternalId));
        }
    }

    [Fact]
    public async Task A_failed_delivery_is_retried_after_backoff_and_holds_back_only_its_own_conversation()
    {
        var destination = new RecordingDestination();
        var failFirst = true;
        destination.Behaviour = (d, _) =>
        {
            if (d.Payload == "a1" && failFirst)
            {
                failFirst = false;
                return Task.FromResult<DeliveryResult>(new DeliveryResult.Retry("502 Bad Gateway"));
            }
            return Task.FromResult<DeliveryResult>(new DeliveryResult.Delivered());
        };
        await using var inbox = await OpenAsync(configure: TestInbox.With(destination));
        var a = (await inbox.ReceiveAsync("alice", "a1")).Conversation.Id;
        await inbox.ReceiveAsync("alice", "a2", a);
        await inbox.ReceiveAsync("bob", "b1");

        await inbox.DrainOutboxAsync();
        Assert.Equal(["b1"], destination.Effects);
        Assert.DoesNotContain(destination.Calls, d => d.Payload == "a2");

        inbox.Time.Advance(TimeSpan.FromSeconds(1.1));
        await inbox.DrainOutboxAsync();
        Assert.Equal(["a1#1", "a1#2", "a2#1"], destination.Calls.Where(d => d.Payload.StartsWith('a')).Select(d => $"{d.Payload}#{d.Attempt}"));
        Assert.Equal(3, destination.EffectCount);
    }

    [Fact]
    public async Task Retry_after_asked_by_the_destination_is_honoured()
    {
        var destination = new RecordingDestination();
        var attempts = 0;
        destination.Behaviour = (_, _) => Task.FromResult<DeliveryResult>(++attempts == 1
            ? new DeliveryResult.Retry("429 Too Many Requests", TimeSpan.FromSeconds(30))
            : new DeliveryResult.Delivered());
        await using var inbox = await OpenAsync(configure: TestInbox.With(destination));
        await inbox.ReceiveAsync("alice", "hello");

        await inbox.DrainOutboxAsync();
        inbox.Time.Advance(TimeSpan.FromSeconds(20));
        await inbox.DrainOutboxAsync();
        Assert.Equal(0, destination.EffectCount);

        inbox.Time.Advance(TimeSpan.FromSeconds(11));
        await inbox.DrainOutboxAsync();
        Assert.Equal(1, destination.EffectCount);
    }

    [Fact]
    public async Task A_rejected_delivery_is_parked_as_dead_and_its_conversation_moves_on()
    {
        var destination = new RecordingDestination();
        destination.Behaviour = (d, _) => Task.FromResult<DeliveryResult>(d.Payload == "poison"
            ? new DeliveryResult.Rejected("400 invalid_blocks")
            : new DeliveryResult.Delivered());
        await using var inbox = await OpenAsync(configure: TestInbox.With(destination));
        var id = (await inbox.ReceiveAsync("alice", "poison")).Conversation.Id;
        await inbox.ReceiveAsync("alice", "after", id);

        await inbox.DrainOutboxAsync();

        Assert.Equal(["after"], destination.Effects);
        var dead = await OutboxRowsAsync(inbox, OutboxState.Dead);
        Assert.Equal("400 invalid_blocks", Assert.Single(dead).LastError);
    }

    [Fact]
    public async Task Being_throttled_does_not_count_as_failing_so_a_long_storm_of_429s_loses_nothing()
    {
        // Three real failures are allowed; the destination throttles six times in between and then takes the message.
        var destination = new RecordingDestination
        {
            Behaviour = (d, _) => Task.FromResult<DeliveryResult>(d.Attempt switch
            {
                <= 6 => new DeliveryResult.Retry("429", TimeSpan.FromSeconds(1), Throttled: true),
                <= 8 => new DeliveryResult.Retry("502"),
                _ => new DeliveryResult.Delivered("ok"),
            }),
        };
        await using var inbox = await OpenAsync(configure: TestInbox.With(destination),
            settings: new Dictionary<string, string?> { ["Outbox:MaxAttempts"] = "3" });
        await inbox.ReceiveAsync("alice", "hello");

        for (var i = 0; i < 12; i++)
        {
            await inbox.DrainOutboxAsync();
            inbox.Time.Advance(TimeSpan.FromMinutes(10));
        }

        Assert.Equal(9, destination.Calls.Count);
        Assert.Equal(["hello"], destination.Effects);
        Assert.Empty(await OutboxRowsAsync(inbox, OutboxState.Dead));
    }

    [Fact]
    public async Task A_destination_that_throttles_forever_is_given_up_after_the_throttled_limit()
    {
        var destination = new RecordingDestination { Behaviour = (_, _) => Task.FromResult<DeliveryResult>(new DeliveryResult.Retry("429", Throttled: true)) };
        await using var inbox = await OpenAsync(configure: TestInbox.With(destination),
            settings: new Dictionary<string, string?> { ["Outbox:MaxAttempts"] = "3", ["Outbox:MaxThrottledAttempts"] = "5" });
        await inbox.ReceiveAsync("alice", "hello");

        for (var i = 0; i < 8; i++)
        {
            await inbox.DrainOutboxAsync();
            inbox.Time.Advance(TimeSpan.FromMinutes(10));
        }

        Assert.Equal(5, destination.Calls.Count);
        Assert.Single(await OutboxRowsAsync(inbox, OutboxState.Dead));
    }

    [Fact]
    public async Task Delivery_gives_up_after_the_configured_number_of_attempts()
    {
        var destination = new RecordingDestination { Behaviour = (_, _) => throw new HttpRequestException("connection refused") };
        await using var inbox = await OpenAsync(configure: TestInbox.With(destination),
            settings: new Dictionary<string, string?> { ["Outbox:MaxAttempts"] = "3" });
        await inbox.ReceiveAsync("alice", "hello");

        for (var i = 0; i < 5; i++)
        {
            await inbox.DrainOutboxAsync();
            inbox.Time.Advance(TimeSpan.FromMinutes(10));
        }

        Assert.Equal(3, destination.Calls.Count);
        var dead = Assert.Single(await OutboxRowsAsync(inbox, OutboxState.Dead));
        Assert.Contains("connection refused", dead.LastError);
    }

    [Fact]
    public async Task Work_that_must_happen_is_retried_past_the_attempts_at_the_longest_backoff_until_it_succeeds()
    {
        var failures = 0;
        var destination = new RecordingDestination
        {
            GivesUp = false,
            Behaviour = (d, _) => ++failures <= 6
                ? throw new InvalidOperationException("database is away")
                : Task.FromResult<DeliveryResult>(new DeliveryResult.Delivered(null)),
        };
        await using var inbox = await OpenAsync(configure: TestInbox.With(destination),
            settings: new Dictionary<string, string?> { ["Outbox:MaxAttempts"] = "3", ["Outbox:MaxDelay"] = "00:05:00" });
        await inbox.ReceiveAsync("alice", "hello");

        for (var i = 0; i < 10; i++)
        {
            await inbox.DrainOutboxAsync();
            Assert.Empty(await OutboxRowsAsync(inbox, OutboxState.Dead));
            inbox.Time.Advance(TimeSpan.FromMinutes(5));
        }

        Assert.Equal(7, destination.Calls.Count);
        Assert.Single(await OutboxRowsAsync(inbox, OutboxState.Delivered));
    }

    [Fact]
    public void Backoff_grows_exponentially_with_jitter_and_respects_the_ceiling()
    {
        var options = new OutboxOptions { BaseDelay = TimeSpan.FromSeconds(1), MaxDelay = TimeSpan.FromSeconds(60) };
        var backoff = new BackoffPolicy(options, new Random(7));
        for (var attempt = 1; attempt <= 10; attempt++)
        {
            var ceiling = Math.Min(Math.Pow(2, attempt - 1), 60);
            var delay = backoff.DelayAfter(attempt, null).TotalSeconds;
            Assert.InRange(delay, ceiling / 2, ceiling);
        }
        Assert.Equal(TimeSpan.FromMinutes(2), backoff.DelayAfter(1, TimeSpan.FromMinutes(2)));
        var delays = Enumerable.Range(0, 20).Select(_ => backoff.DelayAfter(5, null)).Distinct().Count();
        Assert.True(delays > 10, "jitter should spread retries of many rows");
    }

    internal static async Task<List<OutboxRecord>> OutboxRowsAsync(TestInbox inbox, OutboxState state)
    {
        await using var db = await inbox.Get<IDbContextFactory<InboxDbContext>>().CreateDbContextAsync();
        return await db.Outbox.Where(o => o.State == state).OrderBy(o => o.Id).ToListAsync();
    }
}
