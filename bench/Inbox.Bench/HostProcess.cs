using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Inbox.Bench;

/// <summary>Inbox.Host as its own process (the build copied beside the bench), on a free loopback port.</summary>
internal sealed class HostProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly Queue<string> _lastLines = new();

    private HostProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
        process.OutputDataReceived += (_, line) => Keep(line.Data);
        process.ErrorDataReceived += (_, line) => Keep(line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public Uri Address { get; }
    public int Id => _process.Id;

    /// <summary>Starts the host with <paramref name="settings"/> as command-line configuration and waits until /health answers.</summary>
    public static async Task<HostProcess> StartAsync(IReadOnlyDictionary<string, string> settings, IReadOnlyDictionary<string, string>? environment = null)
    {
        var port = FreePort();
        var apphost = Path.Combine(AppContext.BaseDirectory, OperatingSystem.IsWindows() ? "Inbox.Host.exe" : "Inbox.Host");
        var start = new ProcessStartInfo(apphost)
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (key, value) in settings) start.ArgumentList.Add($"--{key}={value}");
        start.ArgumentList.Add(string.Create(CultureInfo.InvariantCulture, $"--urls=http://127.0.0.1:{port}"));
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        foreach (var (key, value) in environment ?? new Dictionary<string, string>()) start.Environment[key] = value;

        var host = new HostProcess(Process.Start(start) ?? throw new InvalidOperationException($"Could not start {apphost}."),
            new Uri(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}/")));
        using var http = new HttpClient { BaseAddress = host.Address, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            if (host._process.HasExited) throw new InvalidOperationException($"Inbox.Host exited with {host._process.ExitCode}:\n{host.Output}");
            try
            {
                using var health = await http.GetAsync("health");
                if (health.IsSuccessStatusCode) return host;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Inbox.Host did not answer /health within 60 s:\n{host.Output}");
            await Task.Delay(100);
        }
    }

    /// <summary>The most resident memory the process has had since it started (VmHWM), in bytes.</summary>
    public long PeakResidentBytes => Status("VmHWM:");

    /// <summary>Resident memory now (VmRSS), in bytes.</summary>
    public long ResidentBytes => Status("VmRSS:");

    /// <summary>Resident anonymous memory now (RssAnon: heaps, stacks, native allocations), in bytes.</summary>
    public long ResidentAnonymousBytes => Status("RssAnon:");

    /// <summary>Resident file-backed memory now (RssFile: the runtime and assemblies mapped from disk), in bytes.</summary>
    public long ResidentFileBytes => Status("RssFile:");

    /// <summary>Resident shared memory now (RssShmem: with W^X on, the runtime's second mapping of JIT-compiled code), in bytes.</summary>
    public long ResidentSharedBytes => Status("RssShmem:");

    public string Output
    {
        get { lock (_lastLines) return string.Join('\n', _lastLines); }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }

    private long Status(string field)
    {
        var line = File.ReadLines($"/proc/{_process.Id}/status").FirstOrDefault(l => l.StartsWith(field, StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"/proc/{_process.Id}/status has no {field}");
        return long.Parse(line[field.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024; // the kernel reports kB
    }

    private void Keep(string? line)
    {
        if (line is null) return;
        lock (_lastLines)
        {
            _lastLines.Enqueue(line);
            if (_lastLines.Count > 40) _lastLines.Dequeue();
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
