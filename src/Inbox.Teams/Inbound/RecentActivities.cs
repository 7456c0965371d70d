using System.Collections.Concurrent;

namespace Inbox.Teams.Inbound;

/// <summary>
/// Remembers the activities handled lately by id, with their answers: Teams sends an activity again when it did not get
/// an answer in time, and the repeat must get the same answer without running anything twice.
/// </summary>
/// <remarks>Messages are also deduplicated durably by their external id; this covers commands and card actions.</remarks>
public sealed class RecentActivities(TimeProvider time)
{
    private static readonly TimeSpan RememberFor = TimeSpan.FromMinutes(15);
    private const int SweepEvery = 256;

    private readonly ConcurrentDictionary<string, (Lazy<Task<ActivityAnswer>> Answer, DateTimeOffset Until)> _seen = new(StringComparer.Ordinal);
    private int _calls;

    /// <summary>Runs <paramref name="handle"/> for the first arrival of <paramref name="activityId"/>; later arrivals await the same answer.</summary>
    public Task<ActivityAnswer> OnceAsync(string activityId, Func<Task<ActivityAnswer>> handle)
    {
        if (Interlocked.Increment(ref _calls) % SweepEvery == 0) Sweep();
        var entry = _seen.GetOrAdd(activityId, id => (new Lazy<Task<ActivityAnswer>>(() => RunAsync(id, handle)), time.GetUtcNow() + RememberFor));
        return entry.Answer.Value;
    }

    // A failure is not remembered: the next delivery of the activity tries again. Running the handler inside this
    // method also puts an exception thrown before its first await into the task rather than into the Lazy.
    private async Task<ActivityAnswer> RunAsync(string activityId, Func<Task<ActivityAnswer>> handle)
    {
        try
        {
            return await handle();
        }
        catch
        {
            _seen.TryRemove(activityId, out _);
            throw;
        }
    }

    private void Sweep()
    {
        var now = time.GetUtcNow();
        foreach (var (id, entry) in _seen)
            if (entry.Until <= now) _seen.TryRemove(new(id, entry));
    }
}

/// <summary>The HTTP answer to an activity: a status and, for invokes, a body.</summary>
public sealed record ActivityAnswer(int Status, System.Text.Json.Nodes.JsonObject? Body = null)
{
    public static ActivityAnswer Ok { get; } = new(200);
}
