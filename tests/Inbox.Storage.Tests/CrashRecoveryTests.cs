using Inbox.Storage.Outbox;

namespace Inbox.Storage.Tests;

/// <summary>What survives when the process stops between commit and delivery.</summary>
public abstract class CrashRecoveryTests(string provider) : StoreTests(provider)
{
    public sealed class Sqlite() : CrashRecoveryTests(StorageOptions.Sqlite);

    public sealed class Postgres() : CrashRecoveryTests(StorageOptions.Postgres);

    [Fact]
    public async Task Messages_committed_while_the_dispatcher_was_down_are_delivered_exactly_once_after_restart()
    {
        var neverRan = new RecordingDestination();
        await using (var before = await OpenAsync(configure: TestInbox.With(neverRan)))
        {
            await Task.WhenAll(Enumerable.Range(0, 50).Select(i => before.ReceiveAsync($"visitor-{i % 7}", $"message {i}")));
            // The process stops here: committed, never dispatched.
        }
        Assert.Empty(neverRan.Calls);

        var afterRestart = new RecordingDestination();
        await using (var restarted = await OpenAsync(TestInbox.With(afterRestart)))
        {
            await restarted.Dispatcher.StartAsync(CancellationToken.None);
            await WaitUntilAsync(() => afterRestart.EffectCount == 50);
            await restarted.Dispatcher.StopAsync(CancellationToken.None);
        }
        Assert.Equal(50, afterRestart.Calls.Count);
        Assert.Equal(Enumerable.Range(0, 50).Select(i => $"message {i}").Order(StringComparer.Ordinal), afterRestart.Effects);

        var secondRestart = new RecordingDestination();
        await using (var again = await OpenAsync(TestInbox.With(secondRestart)))
            await again.DrainOutboxAsync();
        Assert.Empty(secondRestart.Calls);
    }

    [Fact]
    public async Task A_delivery_that_ended_as_the_host_began_to_stop_is_recorded_and_not_made_again_after_the_restart()
    {
        var receiver = new RecordingDestination();
        Task? stopping = null;
        await using (var inbox = await OpenAsync(configure: TestInbox.With(receiver)))
        {
            receiver.Behaviour = (delivery, _) =>
            {
                receiver.TakeEffect(delivery);
                stopping = inbox.Dispatcher.StopAsync(CancellationToken.None); // a deploy stops the host now
                return Task.FromResult<Core.Outbox.DeliveryResult>(new Core.Outbox.DeliveryResult.Delivered());
            };
            await inbox.ReceiveAsync("alice", "only once please");
            await inbox.Dispatcher.StartAsync(CancellationToken.None);
            await WaitUntilAsync(() => stopping is not null);
            await stopping!;

            Assert.Empty(await OutboxDispatcherTests.OutboxRowsAsync(inbox, OutboxState.Pending));
        }

        var afterRestart = new RecordingDestination();
        await using (var restarted = await OpenAsync(TestInbox.With(afterRestart)))
            await restarted.DrainOutboxAsync();
        Assert.Empty(afterRestart.Calls);
        Assert.Equal(1, receiver.EffectCount);
    }

    [Fact]
    public async Task A_delivery_cut_off_before_it_was_recorded_is_redelivered_with_the_same_key_and_takes_effect_once()
    {
        var receiver = new RecordingDestination();
        using var crash = new CancellationTokenSource();
        receiver.Behaviour = async (delivery, ct) =>
        {
            // The destination got it, then the process died before the dispatcher could record success.
            receiver.TakeEffect(delivery);
            await crash.CancelAsync();
            await Task.Delay(Timeout.Infinite, ct);
            throw new InvalidOperationException("unreachable");
        };
        await using (var inbox = await OpenAsync(configure: TestInbox.With(receiver)))
        {
            await inbox.ReceiveAsync("alice", "only once please");
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => inbox.Dispatcher.DispatchOnceAsync(crash.Token));
            Assert.Single(await OutboxDispatcherTests.OutboxRowsAsync(inbox, OutboxState.Pending));
        }

        receiver.Behaviour = (d, _) => Task.FromResult<Core.Outbox.DeliveryResult>(new Core.Outbox.DeliveryResult.Delivered());
        await using (var restarted = await OpenAsync(TestInbox.With(receiver)))
        {
            // On PostgreSQL the cut-off attempt still holds its claim (so no other host takes the row meanwhile) until it lapses.
            restarted.Time.Advance(restarted.Dispatcher.ClaimDuration);
            await restarted.DrainOutboxAsync();
            Assert.Empty(await OutboxDispatcherTests.OutboxRowsAsync(restarted, OutboxState.Pending));
        }

        Assert.Equal(2, receiver.Calls.Count);
        Assert.Single(receiver.Calls.Select(c => c.IdempotencyKey).Distinct());
        // The second attempt is told the first one started, so a destination that can check does so before sending again.
        Assert.Equal([1, 2], receiver.Calls.Select(c => c.Attempt));
        Assert.Equal(["only once please"], receiver.Effects);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("Condition not met within 15 s.");
            await Task.Delay(20);
        }
    }
}
