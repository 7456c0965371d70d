using System.Diagnostics;
using System.Net.Sockets;
using Npgsql;

namespace Inbox.Fakes.Postgres;

/// <summary>Stops and starts the test PostgreSQL server itself (Debian's cluster 15/main of <c>scripts/postgres-server.sh</c>), for outage tests.</summary>
/// <remarks>
/// Every database on the server goes down with it, so a test using this must not run beside another PostgreSQL test
/// (the host tests' fault collection runs alone, after all the others). It runs <c>pg_ctlcluster</c> as root (CI), or
/// through <c>sudo -n</c>, and only against a server on this machine: a remote <see cref="TestPostgresDatabase.Variable"/>
/// fails the test with a message instead of being left alone silently.
/// </remarks>
public static class TestPostgresServer
{
    public const string Version = "15";
    public const string Cluster = "main";

    /// <summary>Stops the cluster with <c>-m fast</c>: open sessions are ended at once (PostgreSQL's 57P01), transactions rolled back.</summary>
    public static async Task StopAsync(CancellationToken cancellationToken = default)
    {
        EnsureLocal();
        await CtlAsync("stop", cancellationToken, "-m", "fast");
    }

    /// <summary>Starts the cluster and waits until it accepts logins again.</summary>
    public static async Task StartAsync(CancellationToken cancellationToken = default)
    {
        EnsureLocal();
        await CtlAsync("start", cancellationToken);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        var server = new NpgsqlConnectionStringBuilder(TestPostgresDatabase.ServerConnectionString) { Pooling = false, Timeout = 2 }.ConnectionString;
        while (true)
        {
            try
            {
                await using var connection = new NpgsqlConnection(server);
                await connection.OpenAsync(cancellationToken);
                return;
            }
            catch (Exception error) when (error is NpgsqlException or SocketException && DateTime.UtcNow < deadline)
            {
                await Task.Delay(100, cancellationToken);
            }
        }
    }

    private static void EnsureLocal()
    {
        var server = new NpgsqlConnectionStringBuilder(TestPostgresDatabase.ServerConnectionString);
        if (server.Host is not ("127.0.0.1" or "localhost" or "::1") || server.Port != 5432)
            throw new InvalidOperationException(
                $"This test stops and starts the PostgreSQL server, which it can only do for cluster {Version}/{Cluster} on this machine " +
                $"(127.0.0.1:5432); {TestPostgresDatabase.Variable} points at {server.Host}:{server.Port}.");
    }

    private static async Task CtlAsync(string action, CancellationToken cancellationToken, params string[] options)
    {
        var asRoot = Environment.UserName == "root";
        var start = new ProcessStartInfo(asRoot ? "pg_ctlcluster" : "sudo")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (!asRoot) foreach (var argument in new[] { "-n", "pg_ctlcluster" }) start.ArgumentList.Add(argument);
        foreach (var argument in new[] { Version, Cluster, action }.Concat(options)) start.ArgumentList.Add(argument);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not run pg_ctlcluster.");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var errors = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"pg_ctlcluster {Version} {Cluster} {action} exited with {process.ExitCode}: {await output}{await errors}");
    }
}
