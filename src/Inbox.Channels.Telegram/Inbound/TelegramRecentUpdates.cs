using System.Collections.Concurrent;

namespace Inbox.Channels.Telegram.Inbound;

/// <summary>Remembers the update ids stored lately, so an update Telegram sends again is answered at once without fetching its files again.</summary>
/// <remarks>Only a shortcut: the durable guard is the message's external id, which Inbox stores once whatever this remembers.</remarks>
public sealed class TelegramRecentUpdates(TimeProvider time)
{
    private static readonly TimeSpan RememberFor = TimeSpan.FromHours(1);
    private const int SweepEvery = 256;

    private readonly ConcurrentDictionary<long, DateTimeOffset> _stored = new();
    private int _calls;

    public bool WasStored(long updateId) => _stored.TryGetValue(updateId, out var until) && until > time.GetUtcNow();

    public void Remember(long updateId)
    {
        if (Interlocked.Increment(ref _calls) % SweepEvery == 0) Sweep();
        _stored[updateId] = time.GetUtcNow() + RememberFor;
    }

    private void Sweep()
    {
        var now = time.GetUtcNow();
        foreach (var (id, until) in _stored)
            if (until <= now) _stored.TryRemove(new(id, until));
    }
}
