using System.Diagnostics;
using Inbox.Bench;

// `dotnet run -c Release --project bench/Inbox.Bench [-- messages]`: prints durable ingest figures beside their targets.
var messages = args.Length > 0 && int.TryParse(args[0], out var n) ? n : 100_000;
const int producers = 256;
const int visitors = 1_000;
const double storeTarget = 20_000;

Console.WriteLine($"Inbox ingest benchmark: {messages:N0} messages, {producers} concurrent producers, {visitors:N0} visitors, SQLite (WAL, synchronous=FULL), {Environment.ProcessorCount} cores");
var results = new List<IngestBenchmark.Result>
{
    await IngestBenchmark.ThroughStoreAsync(messages, producers, visitors, maxWriteBatch: 512),
    await IngestBenchmark.ThroughStoreAsync(Math.Max(messages / 10, 1_000), producers, visitors, maxWriteBatch: 1),
    await IngestBenchmark.ThroughHttpAsync(messages / 2, producers, visitors, maxWriteBatch: 512),
    await IngestBenchmark.ThroughHttpAsync(Math.Max(messages / 10, 1_000), producers, visitors, maxWriteBatch: 1),
};

Console.WriteLine();
Console.WriteLine($"| path  | mode                   | messages | seconds | messages/s | commits |");
Console.WriteLine($"|-------|------------------------|---------:|--------:|-----------:|--------:|");
foreach (var r in results)
    Console.WriteLine($"| {r.Path,-5} | {r.Mode,-22} | {r.Messages,8:N0} | {r.Elapsed.TotalSeconds,7:F2} | {r.PerSecond,10:N0} | {r.Commits,7:N0} |");

var store = results[0].PerSecond;
var storeBaseline = results[1].PerSecond;
var http = results[2].PerSecond;
var httpBaseline = results[3].PerSecond;
Console.WriteLine();
Console.WriteLine($"store, group commit: {store:N0}/s (target >= {storeTarget:N0}/s): {(store >= storeTarget ? "met" : "MISSED")}");
Console.WriteLine($"store vs one-commit-per-message: {store / storeBaseline:F1}x");
Console.WriteLine($"http vs one-commit-per-message over http: {http / httpBaseline:F1}x (target: a clear multiple): {(http / httpBaseline >= 2 ? "met" : "MISSED")}");
Console.WriteLine($"peak working set of this process: {Process.GetCurrentProcess().PeakWorkingSet64 / (1024 * 1024):N0} MB");
