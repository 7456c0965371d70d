using System.Diagnostics;
using Inbox.Bench.Seeding;
using Inbox.Core.Commands.Text;
using Inbox.Core.Views;
using Microsoft.Extensions.DependencyInjection;

namespace Inbox.Bench;

/// <summary>The five views (first page and the counts beside it, as /inbox and @Inbox show them) and the Slack Home tab, on a seeded inbox.</summary>
internal static class ViewBenchmark
{
    private const double TargetMs = 50;
    private const int WarmUps = 1;
    private static readonly TimeSpan ViewBudget = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan HomeBudget = TimeSpan.FromSeconds(60);

    public static async Task RunAsync(BridgedHost host, SeedPlan plan, int runs, Report report)
    {
        Report.Section($"Views at {plan.Conversations:N0} conversations: first page of {CommandRunner.PageSize} and the five counts, {runs} runs each "
            + $"(or as many as fit in {ViewBudget.TotalSeconds:F0} s, at least 10; the Home tab {HomeBudget.TotalSeconds:F0} s, at least 5), one at a time, target on p99");
        var queries = host.App.Services.GetRequiredService<IInboxQueries>();
        var dana = SeedPlan.OperatorId(0);
        var ct = CancellationToken.None;
        var views = new (string Name, ViewQuery Query)[]
        {
            ("You", new ViewQuery(InboxView.You, dana, PageSize: CommandRunner.PageSize)),
            ("Open", new ViewQuery(InboxView.Open, dana, PageSize: CommandRunner.PageSize)),
            ("All", new ViewQuery(InboxView.All, dana, PageSize: CommandRunner.PageSize)),
            ("Closed tag:vip, ended in the last 90 days", new ViewQuery(InboxView.Closed, dana, new ConversationFilter(Since: plan.Now.AddDays(-90), Tag: "vip"), PageSize: CommandRunner.PageSize)),
            ("Spam", new ViewQuery(InboxView.Spam, dana, PageSize: CommandRunner.PageSize)),
        };

        var counts = new Latencies("counts");
        foreach (var (name, query) in views)
        {
            var whole = new Latencies(name);
            var page = new Latencies(name + " page");
            ViewPage? last = null;
            var budget = new SampleBudget(runs, 10, ViewBudget);
            for (var run = -WarmUps; run < 0 || budget.WantsMore(run); run++)
            {
                var clock = Stopwatch.StartNew();
                last = await queries.GetViewAsync(query, ct);
                var pageTime = clock.Elapsed;
                await queries.GetCountsAsync(dana, ct);
                if (run < 0) continue;
                whole.Add(clock.Elapsed);
                page.Add(pageTime);
                counts.Add(clock.Elapsed - pageTime);
            }
            report.Add(new Figure($"view {name}: page + counts", whole.Summary, $"p99 < {TargetMs} ms", whole.P99 < TargetMs));
            Report.Note($"{name}: {last!.TotalCount:N0} conversations; the page alone {page}");
        }
        Report.Note($"the five counts alone (GetCountsAsync): {counts}");

        // The Home tab end to end: Slack's app_home_opened event, answered after the tab is rendered and published (views.publish to the fake).
        var home = new Latencies("home");
        var publishedBefore = host.Slack.Views.Count;
        var homeBudget = new SampleBudget(runs, 5, HomeBudget);
        var openings = 0;
        for (var run = -WarmUps; run < 0 || homeBudget.WantsMore(run); run++)
        {
            openings++;
            using var request = host.HomeOpened(run + WarmUps);
            var clock = Stopwatch.StartNew();
            using var response = await host.Http.SendAsync(request, ct);
            await response.Content.ReadAsStringAsync(ct);
            if (run >= 0) home.Add(clock.Elapsed);
            response.EnsureSuccessStatusCode();
        }
        var published = host.Slack.Views.Skip(publishedBefore).ToList();
        if (published.Count != openings || !published[^1].View.ToJsonString().Contains("*Open*", StringComparison.Ordinal))
            throw new InvalidOperationException($"The Home tab was published {published.Count} times for {openings} openings, or without its views.");
        report.Add(new Figure("Slack Home tab (app_home_opened to answer, five views + views.publish)", home.Summary, $"p99 < {TargetMs} ms", home.P99 < TargetMs));
    }
}
