using System.Collections.Concurrent;

namespace Inbox.Core.Outbox;

/// <summary>Keeps deliveries to each key (a Slack channel, a Teams thread) near a destination's pace, so they wait instead of being refused.</summary>
/// <remarks>A cell-rate limiter per key: each delivery books the next slot; a caller whose slot is ahead waits for it.
/// <paramref name="burst"/> slots may be used back to back before the pace applies.</remarks>
public class RatePacer(TimeProvider time, TimeSpan interval, int burst)
{
    private readonly ConcurrentDictionary<string, Slot> _keys = new(StringComparer.Ordinal);

    public async Task WaitTurnAsync(string key, CancellationToken cancellationToken)
    {
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

    private sealed class Slot
    {
        public DateTimeOffset NextFree = DateTimeOffset.MinValue;
    }
}
