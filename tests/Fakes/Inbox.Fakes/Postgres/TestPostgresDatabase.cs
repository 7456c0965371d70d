using Npgsql;

namespace Inbox.Fakes.Postgres;

/// <summary>A database of its own on the test PostgreSQL server (<c>scripts/postgres-server.sh</c>), created empty and dropped when disposed.</summary>
/// <remarks>
/// The server is named by <see cref="Variable"/>; without it the test fails and says how to start the server —
/// PostgreSQL tests never skip. The role needs CREATEDB; each database gets a unique inbox_test_* name, so tests
/// (and test runs) never see each other's rows.
/// </remarks>
public sealed class TestPostgresDatabase : IAsyncDisposable
{
    public const string Variable = "INBOX_TEST_POSTGRES";

    private TestPostgresDatabase(string name, string connectionString)
    {
        Name = name;
        ConnectionString = connectionString;
    }

    public string Name { get; }

    /// <summary>Reaches this database (pooled, as the host would).</summary>
    public string ConnectionString { get; }

    /// <summary>The test server's maintenance connection string, or a failure that says how to get one.</summary>
    public static string ServerConnectionString =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } server
            ? server
            : throw new InvalidOperationException(
                $"{Variable} is not set, so this PostgreSQL test cannot run. Start the test server with " +
                "`eval \"$(bash scripts/postgres-server.sh start)\"` and run the tests from that shell " +
                "(scripts/test.sh does both), or point " + Variable + " at a server whose role may create databases " +
                "(Host=127.0.0.1;Port=5432;Username=...;Password=...;Database=postgres).");

    public static async Task<TestPostgresDatabase> CreateAsync(CancellationToken cancellationToken = default)
    {
        var server = ServerConnectionString;
        var name = $"inbox_test_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(Maintenance(server)))
        {
            await connection.OpenAsync(cancellationToken);
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await create.ExecuteNonQueryAsync(cancellationToken);
        }
        return new TestPostgresDatabase(name, new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString);
    }

    /// <summary>
    /// This database alone goes away: new sessions are refused (53300, as from a full server) and the open ones ended
    /// (57P01, as in a server restart) — without stopping the server other tests share. Undone by <see cref="ReopenAsync"/>.
    /// </summary>
    public async Task GoAwayAsync()
    {
        await MaintenanceAsync($"ALTER DATABASE \"{Name}\" CONNECTION LIMIT 0");
        const string sessions = "FROM pg_stat_activity WHERE datname = @name AND usename = current_user"; // not an autovacuum worker
        await MaintenanceAsync($"SELECT pg_terminate_backend(pid) {sessions}");
        // pg_terminate_backend only signals: wait until the sessions are gone.
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (await MaintenanceAsync($"SELECT COUNT(*) {sessions}") is long and > 0)
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"The sessions of {Name} did not end.");
            await Task.Delay(20);
        }
    }

    /// <summary>Accepts sessions again after <see cref="GoAwayAsync"/>.</summary>
    public Task ReopenAsync() => MaintenanceAsync($"ALTER DATABASE \"{Name}\" CONNECTION LIMIT -1");

    private async Task<object?> MaintenanceAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(Maintenance(ServerConnectionString));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        if (sql.Contains("@name", StringComparison.Ordinal)) command.Parameters.AddWithValue("name", Name);
        return await command.ExecuteScalarAsync();
    }

    public async ValueTask DisposeAsync()
    {
        // The pool's connections to this database are about to be cut; let go of them first.
        await using (var mine = new NpgsqlConnection(ConnectionString)) NpgsqlConnection.ClearPool(mine);
        await using var connection = new NpgsqlConnection(Maintenance(ServerConnectionString));
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)", connection);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await drop.ExecuteNonQueryAsync();
                return;
            }
            // An autovacuum worker busy in the database belongs to no role ours may signal (42501), and a session
            // can still be on its way out (55006): both are gone a moment later.
            catch (PostgresException e) when (e.SqlState is "42501" or "55006" && attempt < 50)
            {
                await Task.Delay(100);
            }
        }
    }

    // Unpooled: creating and dropping databases is rare, and a pooled connection would outlive its use.
    private static string Maintenance(string server) => new NpgsqlConnectionStringBuilder(server) { Pooling = false }.ConnectionString;
}
