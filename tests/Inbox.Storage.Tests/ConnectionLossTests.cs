using System.Net.Sockets;
using Inbox.Core.Outbox;
using Inbox.Storage.Outbox;
using Inbox.Storage.Resilience;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Inbox.Storage.Tests;

/// <summary>PostgreSQL ending the inbox's sessions (a restart, a failover, an administrator) while the inbox runs.</summary>
/// <remarks>
/// The sessions of this test's own database are ended with <c>pg_terminate_backend</c>, which is what a restart does to
/// them (57P01), without stopping the server other tests share; the server itself is restarted in the host's fault test.
/// </remarks>
public sealed class ConnectionLossTests() : StoreTests(StorageOptions.Postgres)
{
    [Fact]
    public async Task A_write_after_the_server_ended_every_session_succeeds_on_a_fresh_connection()
    {
        await using var inbox = await OpenAsync();
        var id = (await inbox.ReceiveAsync("alice", "before")).Conversation.Id;
        // Several pooled connections, all idle, all about to die.
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => inbox.Queries.FindConversationAsync(id, CancellationToken.None)));

        await using var admin = await AdminAsync();
        Assert.True(await EndOtherSessionsAsync(admin) > 0);

        await inbox.ReceiveAsync("alice", "after", id);
        var messages = await inbox.Queries.GetMessagesAsync(id, includeInternal: true, CancellationToken.None);
        Assert.Equal(["before", "after"], messages.Select(m => m.Text));
    }

    [Fact]
    public async Task Deliveries_made_while_the_database_went_away_are_recorded_when_it_is_back_not_delivered_again()
    {
        var destination = new RecordingDestination();
        await using var admin = await AdminAsync();
        var name = new NpgsqlConnectionStringBuilder(Store.Settings["Storage:ConnectionString"]).Database!;
        destination.Behaviour = async (d, ct) =>
        {
            // The delivery goes out, then the database goes away before the dispatcher can record it.
            await ExecuteAsync(admin, $"""ALTER DATABASE "{name}" CONNECTION LIMIT 0""");
            await EndOtherSessionsAsync(admin);
            return new DeliveryResult.Delivered($"ext-{d.IdempotencyKey}");
        };
        await using var inbox = await OpenAsync(TestInbox.With(destination));
        await inbox.ReceiveAsync("alice", "hello");

        var error = await Assert.ThrowsAnyAsync<Exception>(() => inbox.Dispatcher.DispatchOnceAsync(CancellationToken.None));
        Assert.True(DatabaseOutage.IsUnavailable(error), error.ToString());

        await ExecuteAsync(admin, $"""ALTER DATABASE "{name}" CONNECTION LIMIT -1""");
        destination.Behaviour = (d, _) => Task.FromResult<DeliveryResult>(new DeliveryResult.Delivered($"ext-{d.IdempotencyKey}"));
        await inbox.Dispatcher.DispatchOnceAsync(CancellationToken.None);

        await using var db = await inbox.Get<IDbContextFactory<InboxDbContext>>().CreateDbContextAsync();
        var row = await db.Outbox.SingleAsync();
        Assert.Equal(OutboxState.Delivered, row.State);
        Assert.Single(destination.Calls);
        Assert.Equal(1, await db.MessageDeliveries.CountAsync());
    }

    [Fact]
    public async Task Outbox_rounds_that_keep_failing_wait_longer_each_time_up_to_five_seconds()
    {
        await using var inbox = await OpenAsync(settings: new Dictionary<string, string?> { ["Outbox:PollInterval"] = "00:00:01" });
        var pauses = Enumerable.Range(0, 6).Select(inbox.Dispatcher.RoundPause).Select(p => p.TotalSeconds);
        Assert.Equal([1, 1, 2, 4, 5, 5], pauses);
    }
    [Fact]
    public async Task A_delivery_made_while_the_database_was_away_does_not_overwrite_what_another_host_recorded_since()
    {
        var destination = new RecordingDestination();
        await using var admin = await AdminAsync();
        var name = new NpgsqlConnectionStringBuilder(Store.Settings["Storage:ConnectionString"]).Database!;
        destination.Behaviour = async (d, ct) =>
        {
            await ExecuteAsync(admin, $"""ALTER DATABASE "{name}" CONNECTION LIMIT 0""");
            await EndOtherSessionsAsync(admin);
            return new DeliveryResult.Delivered($"ext-{d.IdempotencyKey}");
        };
        await using var inbox = await OpenAsync(TestInbox.With(destination));
        await inbox.ReceiveAsync("alice", "hello");
        await Assert.ThrowsAnyAsync<Exception>(() => inbox.Dispatcher.DispatchOnceAsync(CancellationToken.None));

        // The outage outlasted the claim: another host took the row up again and recorded its own outcome.
        await ExecuteAsync(admin, $"""
            UPDATE "Outbox" SET "Attempts" = "Attempts" + 1, "State" = {(int)OutboxState.Dead}, "LastError" = 'recorded by another host'
            """);
        await ExecuteAsync(admin, $"""ALTER DATABASE "{name}" CONNECTION LIMIT -1""");
        await inbox.Dispatcher.DispatchOnceAsync(CancellationToken.None);

        await using var db = await inbox.Get<IDbContextFactory<InboxDbContext>>().CreateDbContextAsync();
        var row = await db.Outbox.SingleAsync();
        Assert.Equal((OutboxState.Dead, 2, "recorded by another host"), (row.State, row.Attempts, row.LastError));
        Assert.Equal(0, await db.MessageDeliveries.CountAsync());
    }

    [Fact]
    public void Lost_connections_and_a_server_going_down_or_starting_count_as_unavailable_while_a_broken_rule_does_not()
    {
        var refused = new NpgsqlException("Failed to connect to 127.0.0.1:5432", new SocketException((int)SocketError.ConnectionRefused));
        var shutdown = new PostgresException("terminating connection due to administrator command", "FATAL", "FATAL", PostgresErrorCodes.AdminShutdown);
        var starting = new PostgresException("the database system is starting up", "FATAL", "FATAL", PostgresErrorCodes.CannotConnectNow);
        var full = new PostgresException("sorry, too many clients already", "FATAL", "FATAL", PostgresErrorCodes.TooManyConnections);
        var duplicate = new PostgresException("duplicate key value violates unique constraint", "ERROR", "ERROR", PostgresErrorCodes.UniqueViolation);

        // EF Core wraps what the provider throws; the outage is found inside.
        Assert.True(DatabaseOutage.IsConnectionLoss(new DbUpdateException("saving failed", refused)));
        Assert.True(DatabaseOutage.IsConnectionLoss(new InvalidOperationException("transient failure", shutdown)));
        Assert.True(DatabaseOutage.IsConnectionLoss(starting));
        Assert.False(DatabaseOutage.IsConnectionLoss(full));
        Assert.True(DatabaseOutage.IsUnavailable(full));
        Assert.True(DatabaseOutage.IsUnavailable(new CommitOutcomeUnknownException(shutdown)));
        Assert.False(DatabaseOutage.IsUnavailable(new DbUpdateException("saving failed", duplicate)));
        Assert.False(DatabaseOutage.IsUnavailable(new InvalidOperationException("a bug")));
    }

    // Unpooled, so clearing the inbox's pool leaves it alone and it is never one of the sessions ended.
    private async Task<NpgsqlConnection> AdminAsync()
    {
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(Store.Settings["Storage:ConnectionString"]) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    // pg_terminate_backend only signals: waits until the sessions are gone, so the inbox's next use meets a dead connection.
    private static async Task<long> EndOtherSessionsAsync(NpgsqlConnection admin)
    {
        const string others = "FROM pg_stat_activity WHERE datname = current_database() AND usename = current_user AND pid <> pg_backend_pid()";
        long ended;
        await using (var terminate = new NpgsqlCommand($"SELECT COUNT(pg_terminate_backend(pid)) {others}", admin))
            ended = (long)(await terminate.ExecuteScalarAsync())!;
        var deadline = DateTime.UtcNow.AddSeconds(10);
        await using var count = new NpgsqlCommand($"SELECT COUNT(*) {others}", admin);
        while ((long)(await count.ExecuteScalarAsync())! > 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "The ended sessions did not go away.");
            await Task.Delay(20);
        }
        return ended;
    }

    private static async Task ExecuteAsync(NpgsqlConnection admin, string sql)
    {
        await using var command = new NpgsqlCommand(sql, admin);
        await command.ExecuteNonQueryAsync();
    }
}
