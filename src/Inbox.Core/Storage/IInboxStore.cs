namespace Inbox.Core.Storage;

/// <summary>Runs inbox changes durably.</summary>
/// <remarks>
/// The store may run several concurrent callers' work in one shared transaction (group commit), so a
/// work function must check its preconditions before it changes anything, and return a refusal
/// rather than throw. An exception makes the store retry the other callers' work on its own.
/// The returned task completes only after the change is committed. Cancelling stops the wait, and the
/// write if it has not started yet; a write already in a batch still commits.
/// </remarks>
public interface IInboxStore
{
    Task<T> WriteAsync<T>(Func<IInboxUnitOfWork, CancellationToken, ValueTask<T>> work, CancellationToken cancellationToken);
}
