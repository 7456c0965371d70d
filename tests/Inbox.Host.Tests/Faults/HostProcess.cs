using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;

namespace Inbox.Host.Tests.Faults;

/// <summary>The real host as a separate OS process (<c>dotnet Inbox.Host.dll</c>), so it can be killed with SIGKILL and started again on the same data folder.</summary>
/// <remarks>
/// Each start takes a fresh loopback port; callers read <see cref="BaseAddress"/> after a restart. The host's output is
/// drained (a full pipe would stall it) and its last lines are kept for failure messages.
/// </remarks>
internal sealed class HostProcess : IAsyncDisposable
{
    private const int KeptLines = 200;

    private readonly Dictionary<string, string?> _settings;
    private readonly Queue<string> _lastLines = new();
    private readonly Lock _gate = new();
    private Process? _process;

    public HostProcess(IDictionary<string, string?> settings, string? dataDirectory = null)
    {
        DataDirectory = dataDirectory ?? Directory.CreateTempSubdirectory("inbox-faults-").FullName;
        _settings = new Dictionary<string, string?>
        {
            ["Storage:DataDirectory"] = DataDirectory,
            ["OperatorApi:Keys:0:Key"] = InboxHost.OperatorKey,
            ["OperatorApi:Keys:0:Email"] = InboxHost.OperatorEmail,
            ["OperatorApi:Keys:0:Name"] = InboxHost.OperatorName,
            ["Outbox:PollInterval"] = "00:00:00.200",
            ["Jobs:Enabled"] = "false",
            ["Replies:UndoWindow"] = "00:00:00",
            // Per-request logs through a pipe cost a 2-core machine more than the work itself.
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",
            ["Logging:LogLevel:Microsoft.EntityFrameworkCore"] = "Warning",
        };
        foreach (var (key, value) in settings) _settings[key] = value;
    }

    public string DataDirectory { get; }

    /// <summary>Where the running host answers; changes with every start.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>How many times the host was started.</summary>
    public int Starts { get; private set; }

    /// <summary>True while the process last started has not exited.</summary>
    public bool IsRunning => _process is { HasExited: false };

    public string DatabasePath => Path.Combine(DataDirectory, "inbox.db");

    /// <summary>Starts the host and waits until <c>/health</c> answers 200.</summary>
    public async Task StartAsync(TimeSpan? timeout = null)
    {
        if (_process is { HasExited: false }) throw new InvalidOperationException("The host is already running.");
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = DataDirectory,
            ArgumentList = { Path.Combine(AppContext.BaseDirectory, "Inbox.Host.dll"), $"--urls=http://127.0.0.1:{port}" },
        };
        foreach (var (key, value) in _settings) start.ArgumentList.Add($"--{key}={value}");
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";

        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, line) => Keep(line.Data);
        process.ErrorDataReceived += (_, line) => Keep(line.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;
        Starts++;
        BaseAddress = new Uri($"http://127.0.0.1:{port}/");

        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        using var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        while (true)
        {
            if (process.HasExited)
            {
                // HasExited can be true before the output readers reach the end of the pipes; this waits for them.
                await process.WaitForExitAsync();
                throw new Xunit.Sdk.XunitException($"The host exited with {process.ExitCode} while starting:\n{Output()}");
            }
            try
            {
                using var health = await client.GetAsync("health");
                if (health.StatusCode == HttpStatusCode.OK) return;
            }
            catch (Exception error) when (error is HttpRequestException or TaskCanceledException) { }
            if (DateTime.UtcNow > deadline) throw new Xunit.Sdk.XunitException($"The host did not become healthy in time:\n{Output()}");
            await Task.Delay(50);
        }
    }

    /// <summary>SIGKILL: no shutdown hooks, no flushing, requests in flight cut off.</summary>
    public async Task KillAsync()
    {
        if (_process is not { } process) return;
        try { process.Kill(entireProcessTree: true); }
        catch (InvalidOperationException) { } // already gone
        await process.WaitForExitAsync();
        process.Dispose();
        _process = null;
    }

    /// <summary>A client with no credentials (a website visitor, Slack, Telegram...).</summary>
    public HttpClient Client(TimeSpan? timeout = null) => new() { BaseAddress = BaseAddress, Timeout = timeout ?? TimeSpan.FromSeconds(30) };

    /// <summary>A client calling the operator API with <see cref="InboxHost.OperatorKey"/>.</summary>
    public HttpClient Operator()
    {
        var client = Client();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", InboxHost.OperatorKey);
        return client;
    }

    /// <summary>The host's last lines of output, for failure messages.</summary>
    public string Output()
    {
        lock (_gate) return string.Join('\n', _lastLines);
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        try { Directory.Delete(DataDirectory, recursive: true); }
        catch (IOException) { }
    }

    private void Keep(string? line)
    {
        if (line is null) return;
        lock (_gate)
        {
            _lastLines.Enqueue(line);
            while (_lastLines.Count > KeptLines) _lastLines.Dequeue();
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
