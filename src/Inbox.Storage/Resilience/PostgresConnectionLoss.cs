using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Inbox.Storage.Resilience;

/// <summary>Empties Npgsql's connection pool as soon as one connection is found lost, so the next use connects afresh.</summary>
/// <remarks>
/// After a PostgreSQL restart every idle pooled connection is dead, but Npgsql finds that out only when one is used:
/// without this, each of them would fail one more request after the server is back. Connections in use when the
/// pool is cleared are closed when they are returned.
/// </remarks>
internal sealed class PostgresConnectionLoss(ILogger logger, TimeProvider time) : IDbConnectionInterceptor, IDbCommandInterceptor, IDbTransactionInterceptor
{
    private long _lastLoggedTicks;

    public void ConnectionFailed(DbConnection connection, ConnectionErrorEventData eventData) => Clear(connection, eventData.Exception);

    public Task ConnectionFailedAsync(DbConnection connection, ConnectionErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Clear(connection, eventData.Exception);
        return Task.CompletedTask;
    }

    public void CommandFailed(DbCommand command, CommandErrorEventData eventData) => Clear(command.Connection, eventData.Exception);

    public Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Clear(command.Connection, eventData.Exception);
        return Task.CompletedTask;
    }

    public void TransactionFailed(DbTransaction transaction, TransactionErrorEventData eventData) => Clear(transaction.Connection, eventData.Exception);

    public Task TransactionFailedAsync(DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Clear(transaction.Connection, eventData.Exception);
        return Task.CompletedTask;
    }

    private void Clear(DbConnection? connection, Exception error)
    {
        if (!DatabaseOutage.IsConnectionLoss(error)) return;
        // A failed transaction may no longer know its connection; then every pool goes (a host has one connection string).
        if (connection is NpgsqlConnection npgsql) NpgsqlConnection.ClearPool(npgsql);
        else NpgsqlConnection.ClearAllPools();
        // Once per few seconds: during an outage every attempt fails the same way.
        var now = time.GetTimestamp();
        var last = Interlocked.Read(ref _lastLoggedTicks);
        if (last == 0 || time.GetElapsedTime(last, now) > TimeSpan.FromSeconds(5))
        {
            Interlocked.Exchange(ref _lastLoggedTicks, now);
            logger.LogWarning("Lost the connection to PostgreSQL ({Reason}); its pooled connections were dropped and will be opened afresh", error.GetBaseException().Message);
        }
    }
}
