using Inbox.Fakes.BotFramework;
using Inbox.Fakes.Slack;

namespace Inbox.Host.Tests.Faults;

/// <summary>
/// Makes the fake Slack and the fake Bot Framework fail every call of the given methods for a stretch of time,
/// cycling through their kinds of failure, then lets them recover.
/// </summary>
/// <remarks>
/// The fakes take faults from a queue, one per call; a loop keeps a few queued per method (faults queued minus
/// calls seen) so calls fail for as long as the outage lasts. When it ends, the few left in the queue are used up
/// by the next calls.
/// </remarks>
internal sealed class BridgeOutage
{
    private const int Queued = 4;

    private readonly List<Feed> _feeds = [];

    public BridgeOutage Slack(FakeSlack slack, string method, params FakeFault[] faults)
    {
        var given = 0;
        _feeds.Add(new Feed("slack " + method, () => slack.CallsTo(method).Count, () => slack.FailNext(method, 1, faults[given++ % faults.Length])));
        return this;
    }

    public BridgeOutage Teams(FakeBotFramework teams, string operation, params BotFault[] faults)
    {
        var given = 0;
        _feeds.Add(new Feed("teams " + operation, () => teams.CallsTo(operation).Count, () => teams.FailNext(operation, 1, faults[given++ % faults.Length])));
        return this;
    }

    /// <summary>How many calls of each method were answered with a fault, e.g. "slack chat.postMessage".</summary>
    public IReadOnlyDictionary<string, int> FaultsGiven => _feeds.ToDictionary(f => f.Name, f => f.Given);

    public override string ToString() => string.Join(", ", FaultsGiven.Select(f => $"{f.Key}: {f.Value}"));

    /// <summary>Keeps every method failing for <paramref name="duration"/>.</summary>
    public async Task RunAsync(TimeSpan duration)
    {
        foreach (var feed in _feeds) feed.Start();
        var until = DateTime.UtcNow + duration;
        while (DateTime.UtcNow < until)
        {
            foreach (var feed in _feeds) feed.TopUp();
            await Task.Delay(10);
        }
    }

    private sealed class Feed(string name, Func<int> calls, Action failNext)
    {
        public string Name => name;

        private int _callsBefore;
        private int _queued;

        public int Given => Math.Min(_queued, calls() - _callsBefore);

        public void Start() => _callsBefore = calls();

        public void TopUp()
        {
            while (_queued - (calls() - _callsBefore) < Queued)
            {
                failNext();
                _queued++;
            }
        }
    }
}
