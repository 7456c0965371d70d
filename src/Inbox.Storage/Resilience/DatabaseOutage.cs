using Npgsql;

namespace Inbox.Storage.Resilience;

/// <summary>Tells a database that cannot be reached (or cannot serve right now) from a request or a bug, however EF Core wrapped the error.</summary>
/// <remarks>
/// A restarted, failed-over or unreachable PostgreSQL server shows up as a refused or broken connection, or as the
/// server ending sessions (57P01 admin shutdown, 57P02 crash shutdown) and refusing new ones while it starts (57P03).
/// None of these says anything about the request: it may simply be sent again once the server is back.
/// </remarks>
public static class DatabaseOutage
{
    /// <summary>True when the connection itself was lost or could not be made: the pool's other connections are suspect too.</summary>
    public static bool IsConnectionLoss(Exception error)
    {
        for (var e = error; e is not null; e = e.InnerException)
        {
            if (e is PostgresException postgres)
                return postgres.SqlState.StartsWith("08", StringComparison.Ordinal) // connection exception class
                    || postgres.SqlState is PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CrashShutdown or PostgresErrorCodes.CannotConnectNow;
            // Npgsql's own errors (not the server's) are transient when the socket failed, broke or timed out.
            if (e is NpgsqlException { IsTransient: true }) return true;
        }
        return false;
    }

    /// <summary>
    /// True when the database could not do the work for now — lost connections, a server starting or shutting down,
    /// too many connections, an exhausted pool — so the caller should be told to try again (HTTP 503), not that it failed.
    /// </summary>
    public static bool IsUnavailable(Exception error)
    {
        if (IsConnectionLoss(error)) return true;
        for (var e = error; e is not null; e = e.InnerException)
            if (e is PostgresException postgres)
                return postgres.SqlState.StartsWith("53", StringComparison.Ordinal) // insufficient resources: too many connections, disk full
                    || postgres.SqlState.StartsWith("57P", StringComparison.Ordinal);
        return false;
    }
}
