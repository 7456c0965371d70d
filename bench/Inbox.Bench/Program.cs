using System.Diagnostics;
using Inbox.Bench;
using Inbox.Bench.Seeding;

// `dotnet run -c Release --project bench/Inbox.Bench -- [ingest|ack|views|delivery|memory|all] [options]` (see BenchOptions.Usage):
// prints each figure beside its target. Without a benchmark name it runs the ingest bench, as it always did.
var options = BenchOptions.Parse(args);
if (options is null) return args.Any(a => a is "-h" or "--help") ? 0 : 2;

var clock = Stopwatch.StartNew();
var stolen = new StolenCpu();
var report = new Report();
Console.WriteLine($"Inbox benchmarks: {string.Join(", ", BenchOptions.All.Where(options.Includes))} on {Environment.ProcessorCount} cores");

if (options.Includes("ingest")) await IngestBenchmark.RunAsync(options.Messages, report);
if (options.Includes("memory")) await MemoryBenchmark.RunAsync(options.Messages, report);

if (options.Includes("views") || options.Includes("ack"))
{
    var folder = options.DataDirectory ?? InboxApp.NewDataDirectory();
    Directory.CreateDirectory(folder);
    try
    {
        Report.Section($"Seeding {options.Conversations:N0} conversations");
        var plan = await ConversationSeeder.SeedAsync(folder, options.Conversations);
        await using var host = await BridgedHost.StartAsync(folder, withTeams: true);
        if (options.Includes("views")) await ViewBenchmark.RunAsync(host, plan, options.Runs, report);
        if (options.Includes("ack")) await AckBenchmark.RunAsync(host, plan, options.Samples, report);
    }
    finally
    {
        if (options.DataDirectory is null) InboxApp.Remove(folder);
    }
}

if (options.Includes("delivery")) await DeliveryBenchmark.RunAsync(options.WindowSeconds, report);

report.PrintSummary();
Console.WriteLine($"Finished in {clock.Elapsed.TotalMinutes:F1} min; {stolen.Describe()} over the whole run (a quiet host: 0-2%)");
return 0;
