using System.Diagnostics;
using Inbox.Host.Tests.Faults.Fuzzing;
using Xunit.Abstractions;

namespace Inbox.Host.Tests.Faults;

/// <summary>Issue 6: seeded fuzz on every inbound endpoint, authenticated so it reaches the handlers: never a 5xx, never a partial write.</summary>
[Collection(FaultsCollection.Name)]
public sealed class InboundFuzzTests(FuzzHost host, ITestOutputHelper output) : IClassFixture<FuzzHost>
{
    [Fact]
    public async Task Fuzzed_Slack_Teams_and_Telegram_payloads_never_get_a_5xx_nor_leave_a_partial_write()
    {
        var json = new JsonFuzzer(new Random(6_001));
        var targets = new BridgeTargets(host, json, new FormFuzzer(json));
        await RunAsync(targets.All(), requestsEach: 300);
    }

    [Fact]
    public async Task Fuzzed_widget_and_operator_API_requests_never_get_a_5xx_nor_leave_a_partial_write()
    {
        var json = new JsonFuzzer(new Random(6_002));
        var targets = new ApiTargets(host, json);
        await RunAsync([.. targets.Widget(), .. targets.Operator()], requestsEach: 200);
    }

    private async Task RunAsync(IEnumerable<FuzzTarget> targets, int requestsEach)
    {
        var clock = Stopwatch.StartNew();
        var run = new FuzzRun(host);
        foreach (var target in targets) await run.RunAsync(target, requestsEach);
        output.WriteLine($"{clock.Elapsed.TotalSeconds:F1}s, answers per endpoint:\n{run.Summary()}");

        Assert.True(run.Failures.Count == 0, run.Report());
        Assert.True(await host.IsHealthyAsync(), "The host no longer answers /health with 200.");
        var problems = await StoreConsistency.ProblemsAsync(Path.Combine(host.Host.DataDirectory, "inbox.db"));
        Assert.True(problems.Count == 0, "The store is inconsistent: " + string.Join("; ", problems));
        await using var db = new StoreReader(Path.Combine(host.Host.DataDirectory, "inbox.db"));
        Assert.Equal(await db.CountAsync("SELECT COUNT(*) FROM Conversations"), await host.ConversationCountAsync());
    }
}
