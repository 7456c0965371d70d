using Microsoft.EntityFrameworkCore;

namespace Inbox.Storage.Outbox;

/// <summary>Keeps the outbox small: removes rows delivered long ago and wakes the dispatcher for anything due.</summary>
/// <remarks>Pending and dead rows are never removed: the first still has to go out, the second waits for someone to look at it.</remarks>
public sealed class OutboxSweeper(IDbContextFactory<InboxDbContext> contexts, OutboxSignal signal, TimeProvider time)
{
    /// <summary>Removes delivered rows older than <paramref name="keepFor"/>; returns how many.</summary>
    public async Task<int> SweepAsync(TimeSpan keepFor, CancellationToken cancellationToken)
    {
        var before = time.GetUtcNow() - keepFor;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var removed = await db.Outbox
            .Where(o => o.State == OutboxState.Delivered && o.DeliveredAt != null && o.DeliveredAt < before)
            .ExecuteDeleteAsync(cancellationToken);
        signal.Notify();
        return removed;
    }
}
