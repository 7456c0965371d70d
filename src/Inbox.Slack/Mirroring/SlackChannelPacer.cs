using System.Collections.Concurrent;

namespace Inbox.Slack.Mirroring;

/// <summary>Keeps posts to each channel near Slack's pace (about one per second, with short bursts) so deliveries wait instead of being refused.</summary>
/// <remarks>A generic cell-rate limiter per channel: each post books the next slot; a caller whose slot is ahead waits for it.</remarks>
public sealed class SlackChannelPacer(TimeProvider time, TimeSpan interval, int burst)
{
    private readonly ConcurrentDictionary<string, Slot> _channels = new(StringComparer.Ordinal);

    public async Task WaitTurnAsync(string channel, CancellationToken cancellationToken)
    {
        var slot = _channels.GetOrAdd(channel, _ => new Slot());
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
