using System.Diagnostics;
using System.Runtime;
using Inbox.Core.Commands;
using Inbox.Core.Model;
using Inbox.Storage.Writing;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Inbox.Bench;

/// <summary>Durable ingest: customer messages committed per second, through the store alone and through the widget HTTP API.</summary>
internal static class IngestBenchmark
{
    public const int Producers = 256;
    public const int Visitors = 1_000;
    private const double StoreTarget = 20_000;
    private const int StoreRuns = 3;

    public sealed record Result(string Path, string Mode, int Messages, TimeSpan Elapsed, long Commits)
    {
        public double PerSecond => Messages / Elapsed.TotalSeconds;
    }

    /// <summary>
    /// The store's group commit runs <see cref="StoreRuns"/> times, each on a new database, and its figure is the median:
    /// on this shared machine one run can differ from the next by a quarter or more (the disk's fsync time and the CPU the
    /// hypervisor lends both vary; each run prints the stolen share), so a single run says little. Then one run each of
    /// the three others.
    /// </summary>
    public static async Task RunAsync(int messages, Report report)
    {
        Report.Section($"Ingest: {messages:N0} messages, {Producers} concurrent producers, {Visitors:N0} visitors, SQLite (WAL, synchronous=FULL), {Environment.ProcessorCount} cores");
        await WarmUpAsync(messages);
        var storeRuns = new List<Result>();
        for (var run = 0; run < StoreRuns; run++) storeRuns.Add(await ThroughStoreAsync(messages, maxWriteBatch: 512));
        var results = new List<Result>(storeRuns)
        {
            await ThroughStoreAsync(Math.Max(messages / 10, 1_000), maxWriteBatch: 1),
            await ThroughHttpAsync(messages / 2, maxWriteBatch: 512),
            await ThroughHttpAsync(Math.Max(messages / 10, 1_000), maxWriteBatch: 1),
        };

        Console.WriteLine();
        Console.WriteLine("| path  | mode                   | messages | seconds | messages/s | commits |");
        Console.WriteLine("|-------|------------------------|---------:|--------:|-----------:|--------:|");
        foreach (var r in results)
            Console.WriteLine($"| {r.Path,-5} | {r.Mode,-22} | {r.Messages,8:N0} | {r.Elapsed.TotalSeconds,7:F2} | {r.PerSecond,10:N0} | {r.Commits,7:N0} |");

        var store = storeRuns.Select(r => r.PerSecond).Order().ElementAt(StoreRuns / 2);
        var (storeBaseline, http, httpBaseline) = (results[StoreRuns].PerSecond, results[StoreRuns + 1].PerSecond, results[StoreRuns + 2].PerSecond);
        Console.WriteLine();
        report.Add(new Figure($"ingest through the store, group commit (median of {StoreRuns} runs: {string.Join(", ", storeRuns.Select(r => r.PerSecond.ToString("N0")))})",
            $"{store:N0} messages/s", $">= {StoreTarget:N0}/s", store >= StoreTarget));
        Report.Note($"store vs one commit per message: {store / storeBaseline:F1}x");
        report.Add(new Figure("ingest through HTTP vs one commit per message over HTTP", $"{http / httpBaseline:F1}x", "a clear multiple, >= 2x", http / httpBaseline >= 2));
        Report.Note($"peak working set of this process (host, store and HTTP client together): {Process.GetCurrentProcess().PeakWorkingSet64 / (1024 * 1024):N0} MB");
    }

    /// <summary>Runs <paramref name="messages"/> receives from the producers straight into the store.</summary>
    public static async Task<Result> ThroughStoreAsync(int messages, int maxWriteBatch)
    {
        var folder = InboxApp.NewDataDirectory();
        var app = await StartAsync(folder, maxWriteBatch, listen: false);
        try
        {
            var customers = app.Services.GetRequiredService<CustomerMessages>();
            var conversations = await OpenConversationsAsync(customers);
            // The same untimed stretch in every run, so that each times the same database size: ingest slows as the
            // message indexes grow (a run after 120,000 untimed messages was a fifth slower than one after 20,000).
            await ProduceAsync(customers, conversations, first: messages, count: Math.Max(messages / 5, 1_000));

            var commitsBefore = Commits(app);
            var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            var jitBefore = JitInfo.GetCompilationTime();
            var stolen = new StolenCpu();
            var clock = Stopwatch.StartNew();
            await ProduceAsync(customers, conversations, first: 0, count: messages);
            clock.Stop();
            // CPU time is what the work costs whatever else the machine runs; messages/s needs a quiet machine.
            var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
            Report.Note($"store, {Mode(maxWriteBatch)}: {cpu.TotalMicroseconds / messages:N0} µs of CPU per message (writer and producers together), "
                + $"{(JitInfo.GetCompilationTime() - jitBefore).TotalMilliseconds:N0} ms of it compiling code; {stolen.Describe()}");
            return new Result("store", Mode(maxWriteBatch), messages, clock.Elapsed, Commits(app) - commitsBefore);
        }
        finally
        {
            await InboxApp.StopAsync(app);
            InboxApp.Remove(folder);
        }
    }

    /// <summary>
    /// Before the first timed run, untimed rounds at full concurrency on a database of their own until a round compiles
    /// (almost) no code, so that what is timed is the steady state of a running host, not its first seconds: tiered
    /// compilation recompiles the hot paths on a background thread for seconds after they first run, and on 2 cores
    /// that thread takes its share from the writer. (On the timed runs' own databases the rounds would make the first
    /// run's database larger than the others'.)
    /// </summary>
    private static async Task WarmUpAsync(int messages)
    {
        const int MaxRounds = 10, QuietRound = 20; // methods compiled in a round that counts as quiet
        var round = Math.Max(messages / 5, 1_000);
        var folder = InboxApp.NewDataDirectory();
        var app = await StartAsync(folder, maxWriteBatch: 512, listen: false);
        try
        {
            var customers = app.Services.GetRequiredService<CustomerMessages>();
            var conversations = await OpenConversationsAsync(customers);
            for (var r = 0; r < MaxRounds; r++)
            {
                var compiledBefore = JitInfo.GetCompiledMethodCount();
                await ProduceAsync(customers, conversations, r * round, round);
                var compiled = JitInfo.GetCompiledMethodCount() - compiledBefore;
                if (compiled <= QuietRound)
                {
                    Report.Note($"warm-up: {r + 1} round(s) of {round:N0} messages on a database of its own, the last compiling {compiled} method(s)");
                    return;
                }
            }
            Report.Note($"warm-up: the JIT was still compiling after {MaxRounds} rounds of {round:N0} messages");
        }
        finally
        {
            await InboxApp.StopAsync(app);
            InboxApp.Remove(folder);
        }
    }

    // Each visitor's first message opens their conversation; the runs add to existing ones, as chat traffic does.
    private static async Task<long[]> OpenConversationsAsync(CustomerMessages customers)
    {
        var conversations = new long[Visitors];
        for (var v = 0; v < Visitors; v++)
            conversations[v] = (await customers.ReceiveAsync(Incoming(v, "hello", null, $"warm-{v}"), CancellationToken.None)).Value!.Conversation.Id;
        return conversations;
    }

    private static Task ProduceAsync(CustomerMessages customers, long[] conversations, int first, int count)
    {
        var next = first - 1;
        return Task.WhenAll(Enumerable.Range(0, Producers).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < first + count)
            {
                var v = i % Visitors;
                var result = await customers.ReceiveAsync(Incoming(v, $"message {i}", conversations[v], $"m-{i}"), CancellationToken.None);
                if (!result.Succeeded) throw new InvalidOperationException(result.Error.Message);
            }
        })));
    }

    /// <summary>The same through the widget API over loopback HTTP/1.1 with one connection per producer.</summary>
    public static async Task<Result> ThroughHttpAsync(int messages, int maxWriteBatch)
    {
        var folder = InboxApp.NewDataDirectory();
        var app = await StartAsync(folder, maxWriteBatch, listen: true);
        try
        {
            using var load = await WidgetLoad.OpenAsync(InboxApp.Address(app), Producers, Visitors);
            var commitsBefore = Commits(app);
            var elapsed = await load.SendAsync(messages);
            return new Result("http", Mode(maxWriteBatch), messages, elapsed, Commits(app) - commitsBefore);
        }
        finally
        {
            await InboxApp.StopAsync(app);
            InboxApp.Remove(folder);
        }
    }

    private static string Mode(int maxWriteBatch) => maxWriteBatch == 1 ? "one commit per message" : "group commit";

    private static IncomingMessage Incoming(int visitor, string text, long? conversationId, string externalId) =>
        new(new ContactIdentity(ChannelKind.Widget, $"bench-visitor-{visitor}"), text, conversationId, ExternalId: $"widget:bench-visitor-{visitor}:{externalId}");

    private static long Commits(WebApplication app) => app.Services.GetRequiredService<IWriteStatistics>().Commits;

    private static Task<WebApplication> StartAsync(string folder, int maxWriteBatch, bool listen) =>
        InboxApp.StartAsync(new Dictionary<string, string>(WidgetLoad.UnlimitedVisitors)
        {
            ["Storage:DataDirectory"] = folder,
            ["Storage:MaxWriteBatch"] = maxWriteBatch.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }, listen);
}
