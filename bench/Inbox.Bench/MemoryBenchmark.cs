namespace Inbox.Bench;

/// <summary>Peak resident memory of Inbox.Host, run as its own process, while the widget ingest load runs against it.</summary>
internal static class MemoryBenchmark
{
    private const long TargetBytes = 250L * 1024 * 1024;

    public static async Task RunAsync(int messages, Report report)
    {
        var httpMessages = messages / 2;
        Report.Section($"Memory: Inbox.Host as its own process (as built: server GC with DATAS, dynamic PGO off, conserve-memory 9), {httpMessages:N0} widget messages over HTTP from "
            + $"{IngestBenchmark.Producers} connections, {IngestBenchmark.Visitors:N0} visitors (the ingest bench's HTTP run)");
        var shipped = await MeasureAsync(httpMessages, null);
        report.Add(new Figure("peak RSS of the host during ingest (VmHWM)", Mb(shipped.Peak), $"< {Mb(TargetBytes)}", shipped.Peak < TargetBytes));
        Report.Note($"RSS when started: {Mb(shipped.Started)}; once {IngestBenchmark.Visitors:N0} visitors had opened their conversations: {Mb(shipped.Warm)}; "
            + $"after the load: {Mb(shipped.End)} ({Mb(shipped.EndAnonymous)} anonymous, {Mb(shipped.EndFile)} mapped files, {Mb(shipped.EndShared)} shared); {httpMessages / shipped.Elapsed.TotalSeconds:N0} messages/s");

        // Not the shipped configuration, for comparison: the runtime's defaults, which the host's runtimeconfig changes
        // (Inbox.Host.csproj: dynamic PGO off, GC conserve-memory 9); environment variables override it.
        var defaults = await MeasureAsync(httpMessages, new Dictionary<string, string> { ["DOTNET_TieredPGO"] = "1", ["DOTNET_GCConserveMemory"] = "0" });
        Report.Note($"the same with the runtime's defaults (DOTNET_TieredPGO=1, DOTNET_GCConserveMemory=0): peak {Mb(defaults.Peak)}, "
            + $"after the load {Mb(defaults.End)} ({Mb(defaults.EndAnonymous)} anonymous, {Mb(defaults.EndShared)} shared); {httpMessages / defaults.Elapsed.TotalSeconds:N0} messages/s");
    }

    private sealed record Sample(long Peak, long Started, long Warm, long End, long EndAnonymous, long EndFile, long EndShared, TimeSpan Elapsed);

    private static async Task<Sample> MeasureAsync(int messages, IReadOnlyDictionary<string, string>? environment)
    {
        var folder = InboxApp.NewDataDirectory();
        try
        {
            await using var host = await HostProcess.StartAsync(new Dictionary<string, string>(WidgetLoad.UnlimitedVisitors)
            {
                ["Storage:DataDirectory"] = folder,
                ["Logging:LogLevel:Default"] = "Warning",
            }, environment);
            var started = host.ResidentBytes;
            using var load = await WidgetLoad.OpenAsync(host.Address, IngestBenchmark.Producers, IngestBenchmark.Visitors);
            var warm = host.ResidentBytes;
            var elapsed = await load.SendAsync(messages);
            return new Sample(host.PeakResidentBytes, started, warm, host.ResidentBytes, host.ResidentAnonymousBytes, host.ResidentFileBytes, host.ResidentSharedBytes, elapsed);
        }
        finally
        {
            InboxApp.Remove(folder);
        }
    }

    private static string Mb(long bytes) => $"{bytes / (1024.0 * 1024):N0} MB";
}
