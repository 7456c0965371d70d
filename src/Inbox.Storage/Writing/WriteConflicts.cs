using Npgsql;

namespace Inbox.Storage.Writing;

/// <summary>Recognises a write that lost a race to another host's transaction on the same PostgreSQL database.</summary>
internal static class WriteConflicts
{
    /// <summary>
    /// True for a unique key another transaction just took, a serialization failure, a deadlock or a row lock not
    /// taken without waiting (<see cref="ContactRowLocks"/>), however wrapped.
    /// </summary>
    public static bool IsConcurrentWrite(Exception error)
    {
        for (var e = error; e is not null; e = e.InnerException)
            if (e is PostgresException
                {
                    SqlState: PostgresErrorCodes.UniqueViolation or PostgresErrorCodes.SerializationFailure
                        or PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.LockNotAvailable,
                })
                return true;
        return false;
    }
}
