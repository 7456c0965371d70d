using System.Globalization;

namespace Inbox.Bench;

/// <summary>What to run and at which sizes; the defaults are the sizes the targets are stated for.</summary>
internal sealed record BenchOptions
{
    public const string Usage = """
        usage: dotnet run -c Release --project bench/Inbox.Bench -- [ingest|ack|views|delivery|memory|all] [options]
               dotnet run -c Release --project bench/Inbox.Bench -- [messages]        (ingest, as before)
          --messages N       ingest and memory: messages through the store (HTTP runs use half)   default 100000
          --conversations N  ack and views: stored conversations                                   default 1000000
          --samples N        ack: timed requests per kind, as many as fit in 60 s (search: a quarter,
                             in 90 s), at least 20                                                 default 200
          --runs N           views: timed runs per view, as many as fit in 20 s, at least 10 (the
                             Home tab: in 60 s, at least 5)                                        default 30
          --window S         delivery: seconds of throttled delivery measured                      default 60
          --data DIR         ack and views: seed into DIR, or reuse what an earlier run seeded there (kept afterwards)
        """;

    public IReadOnlySet<string> Benchmarks { get; init; } = new HashSet<string> { "ingest" };
    public int Messages { get; init; } = 100_000;
    public int Conversations { get; init; } = 1_000_000;
    public int Samples { get; init; } = 200;
    public int Runs { get; init; } = 30;
    public int WindowSeconds { get; init; } = 60;
    public string? DataDirectory { get; init; }

    public bool Includes(string benchmark) => Benchmarks.Contains(benchmark);

    public static readonly string[] All = ["ingest", "memory", "views", "ack", "delivery"];

    /// <summary>Parses the command line; null (after printing why) when it makes no sense.</summary>
    public static BenchOptions? Parse(string[] args)
    {
        var options = new BenchOptions();
        var benchmarks = new HashSet<string>();
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            if (arg is "-h" or "--help") { Console.WriteLine(Usage); return null; }
            if (All.Contains(arg) || arg == "all")
            {
                benchmarks.UnionWith(arg == "all" ? All : [arg]);
                continue;
            }
            if (int.TryParse(arg, NumberStyles.Integer, CultureInfo.InvariantCulture, out var messages) && messages > 0)
            {
                options = options with { Messages = messages };
                continue;
            }
            if (arg == "--data" && i + 1 < args.Length)
            {
                options = options with { DataDirectory = Path.GetFullPath(args[++i]) };
                continue;
            }
            if (i + 1 >= args.Length || !int.TryParse(args[i + 1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) || value <= 0)
            {
                Console.Error.WriteLine($"'{arg}' is not understood here (options take a positive whole number).\n{Usage}");
                return null;
            }
            i++;
            switch (arg)
            {
                case "--messages": options = options with { Messages = value }; break;
                case "--conversations": options = options with { Conversations = value }; break;
                case "--samples": options = options with { Samples = value }; break;
                case "--runs": options = options with { Runs = value }; break;
                case "--window": options = options with { WindowSeconds = value }; break;
                default:
                    Console.Error.WriteLine($"'{arg}' is not an option.\n{Usage}");
                    return null;
            }
        }
        return benchmarks.Count == 0 ? options : options with { Benchmarks = benchmarks };
    }
}
