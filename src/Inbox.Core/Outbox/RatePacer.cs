using System.Collections.Concurrent;

namespace Inbox.Core.Outbox;

/// <summary>Keeps deliveries to each key (a Slack channel, a Teams thread) near a destination's pace, so they wait instead of being refused.</summary>
/// <remarks>A cell-rate limiter per key: each delivery books the next slot; a caller whose slot is ahead waits for it.
/// <paramref name="burst"/> slots may be used back to back before the pace applies.</remarks>
public class RatePacer(TimeProvider time, TimeSpan interval, int burst)
{
    private const int SweepEvery = 1024;
    private readonly ConcurrentDictionary<string, Slot> _keys = new(StringComparer.Ordinal);
    private int _calls;

    public async Task WaitTurnAsync(string key, CancellationToken cancellationToken)
    {
        if (Interlocked.Increment(ref _calls) % SweepEvery == 0) Sweep();
        var slot = _keys.GetOrAdd(key, _ => new Slot());
        TimeSpan wait;
        lock (slot)
        {
            var now = time.GetUtcNow();
            var earliest = slot.NextFree < now ? now : slot.NextFree;
            var tolerance = interval * (burst - 1);
            wait = earliest - tolerance - now;
            slot.NextFree = earliest + interval;
        }
        if (wait > TimeSpan.Zero) await Task.Delay(wait, time, cancellationToken);
    }

    // Keys whose slots all lie in the past hold nothing back: forget them, or one entry per thread would stay forever.
    private void Sweep()
    {
        var now = time.GetUtcNow();
        foreach (var (key, slot) in _keys)
        {
            lock (slot)
            {
                if (slot.NextFree < now) _keys.TryRemove(new(key, slot));
            }
        }
    }

    private sealed class Slot
    {
        public DateTimeOffset NextFree = DateTimeOffset.MinValue;
    }
}
