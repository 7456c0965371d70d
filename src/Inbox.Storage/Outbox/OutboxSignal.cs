namespace Inbox.Storage.Outbox;

/// <summary>Wakes the dispatcher as soon as a commit has put something in the outbox.</summary>
public sealed class OutboxSignal
{
    private readonly SemaphoreSlim _pending = new(0, 1);

    public void Notify()
    {
        // At most one pending wake-up: the dispatcher reads everything due when it wakes.
        try { _pending.Release(); }
        catch (SemaphoreFullException) { }
    }

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) =>
        _pending.WaitAsync(timeout, cancellationToken);
}
