using System.Diagnostics;

namespace Inbox.Bench;

/// <summary>Timings of one kind of call, summarised as percentiles (nearest rank).</summary>
internal sealed class Latencies(string name)
{
    private readonly List<double> _milliseconds = [];

    public string Name { get; } = name;
    public int Count => _milliseconds.Count;

    public void Add(TimeSpan elapsed) => _milliseconds.Add(elapsed.TotalMilliseconds);

    public double Percentile(double p)
    {
        if (_milliseconds.Count == 0) return double.NaN;
        var sorted = _milliseconds.Order().ToArray();
        var rank = (int)Math.Ceiling(p / 100 * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }

    public double P50 => Percentile(50);
    public double P99 => Percentile(99);
    public double Max => _milliseconds.Count == 0 ? double.NaN : _milliseconds.Max();

    /// <summary>Runs <paramref name="call"/> and records how long it took.</summary>
    public async Task<T> TimeAsync<T>(Func<Task<T>> call)
    {
        var clock = Stopwatch.StartNew();
        var result = await call();
        Add(clock.Elapsed);
        return result;
    }

    public override string ToString() => $"p50 {Figure.Ms(P50)}, p99 {Figure.Ms(P99)}, max {Figure.Ms(Max)} over {Count}";

    /// <summary>The figure's value: p50 and p99, and how many samples they rest on.</summary>
    public string Summary => $"p50 {Figure.Ms(P50)}, p99 {Figure.Ms(P99)} (n={Count})";
}

/// <summary>How many samples to take: <paramref name="wanted"/>, unless they take longer than <paramref name="time"/>, and then at least <paramref name="minimum"/>.</summary>
/// <remarks>Keeps a full run within minutes when a call is far slower than its target; each figure says how many samples it rests on.</remarks>
internal sealed class SampleBudget(int wanted, int minimum, TimeSpan time)
{
    private Stopwatch? _clock;

    /// <summary>Whether to take another sample after <paramref name="taken"/>; the time counts from the first call (after any warm-up).</summary>
    public bool WantsMore(int taken)
    {
        _clock ??= Stopwatch.StartNew();
        return taken < wanted && (taken < Math.Min(minimum, wanted) || _clock.Elapsed < time);
    }
}
