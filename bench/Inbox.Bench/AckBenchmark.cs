using System.Diagnostics;
using System.Net;
using Inbox.Bench.Seeding;
using Inbox.Slack.Rendering;
using Inbox.Teams.Cards;

namespace Inbox.Bench;

/// <summary>
/// How long Slack and Teams wait for Inbox's answer (HTTP time to the full response) for commands and button presses,
/// one request at a time, on a seeded inbox. The outbox keeps delivering in the background, as it would.
/// </summary>
internal static class AckBenchmark
{
    private const double TargetMs = 20;
    private const int WarmUps = 5;
    private const int Minimum = 20;
    private static readonly TimeSpan Gap = TimeSpan.FromMilliseconds(10);
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan SearchBudget = TimeSpan.FromSeconds(90);

    private static readonly string[] SlackButtons =
        [SlackActions.AssignToMe, SlackActions.Close, SlackActions.Reopen, SlackActions.Details, SlackActions.History, SlackActions.Transfer];
    private static readonly string[] TeamsButtons =
        [TeamsVerbs.AssignToMe, TeamsVerbs.Close, TeamsVerbs.Reopen, TeamsVerbs.Details, TeamsVerbs.History, TeamsVerbs.Refresh];

    public static async Task RunAsync(BridgedHost host, SeedPlan plan, int samples, Report report)
    {
        var searches = Math.Max(Minimum, samples / 4);
        Report.Section($"Ack latency at {plan.Conversations:N0} conversations: {samples} timed requests per kind, {searches} searches (or as many as fit in "
            + $"{Budget.TotalSeconds:F0} s, searches {SearchBudget.TotalSeconds:F0} s, at least {Minimum}), one at a time, target on p99");
        // Buttons are pressed on open conversations, newest first, each taken through the whole rotation of buttons.
        var open = Enumerable.Range(0, plan.Conversations).Select(i => (long)(plan.Conversations - i))
            .Where(id => plan.IsOpen(id) && !plan.ContactBlocked(plan.ContactOf(id))).Take(2 * (samples + WarmUps)).ToArray();
        var sequence = 0;

        var slackOpen = new Latencies("Slack /inbox open");
        var slow = 0;
        await MeasureAsync(slackOpen, new SampleBudget(samples, Minimum, Budget), _ => host.SlashCommand("open", ++sequence), body =>
        {
            if (body.Contains("Working on it", StringComparison.Ordinal)) slow++;
            else if (!body.Contains("*Open*", StringComparison.Ordinal)) throw new InvalidOperationException($"/inbox open answered: {body}");
        }, host);
        Add(report, "Slack /inbox open (slash command)", slackOpen, slow);

        var slackButtons = SlackButtons.ToDictionary(a => a, a => new Latencies(a));
        var slackButton = new Latencies("Slack button");
        await MeasureAsync(slackButton, new SampleBudget(samples, Minimum, Budget), n =>
        {
            var action = SlackButtons[(n + WarmUps) % SlackButtons.Length];
            return host.ButtonPress(action, open[(n + WarmUps) / SlackButtons.Length], ++sequence);
        }, null, host, (n, elapsed) => slackButtons[SlackButtons[(n + WarmUps) % SlackButtons.Length]].Add(elapsed));
        Add(report, "Slack button (block_actions)", slackButton);
        foreach (var (action, times) in slackButtons) Report.Note($"{action}: {times}");

        if (host.Teams is not null)
        {
            var teamsOpen = new Latencies("Teams @Inbox open");
            await MeasureAsync(teamsOpen, new SampleBudget(samples, Minimum, Budget), _ => host.TeamsCommand("open"), null, host);
            Add(report, "Teams @Inbox open (message activity)", teamsOpen);

            // The other half of the open conversations, so Teams presses start from the same state as Slack's did.
            var offset = open.Length / 2;
            var teamsButtons = TeamsButtons.ToDictionary(v => v, v => new Latencies(v));
            var teamsButton = new Latencies("Teams card action");
            await MeasureAsync(teamsButton, new SampleBudget(samples, Minimum, Budget), n => host.CardAction(TeamsButtons[(n + WarmUps) % TeamsButtons.Length], open[offset + (n + WarmUps) / TeamsButtons.Length]),
                body =>
                {
                    if (!body.Contains("\"statusCode\":200", StringComparison.Ordinal)) throw new InvalidOperationException($"The card action answered: {body}");
                }, host, (n, elapsed) => teamsButtons[TeamsButtons[(n + WarmUps) % TeamsButtons.Length]].Add(elapsed));
            Add(report, "Teams card button (adaptiveCard/action invoke)", teamsButton);
            foreach (var (verb, times) in teamsButtons) Report.Note($"{verb}: {times}");
        }

        // Last, and each search only after the previous one's full answer came back: a search that runs past Slack's budget
        // keeps working after "Working on it…", and would slow what follows.
        var slackSearch = new Latencies($"Slack /inbox search {plan.SearchWord}");
        var answered = new Latencies("search answered");
        slow = 0;
        await MeasureAsync(slackSearch, new SampleBudget(searches, Minimum, SearchBudget), _ => host.SlashCommand($"search {plan.SearchWord}", ++sequence), body =>
        {
            if (body.Contains("Working on it", StringComparison.Ordinal)) slow++;
            else if (!body.Contains("*Search*", StringComparison.Ordinal)) throw new InvalidOperationException($"/inbox search answered: {body}");
        }, host, afterEach: async (n, body, clock) =>
        {
            if (body.Contains("Working on it", StringComparison.Ordinal))
            {
                var id = $"bench-{sequence}";
                var deadline = DateTime.UtcNow.AddMinutes(2);
                while (!host.Slack.Responses.Any(r => r.Id == id))
                {
                    if (DateTime.UtcNow > deadline) throw new TimeoutException($"The answer to search {id} never came through response_url.");
                    await Task.Delay(20);
                }
            }
            if (n >= 0) answered.Add(clock.Elapsed);
        }, warmUps: 2);
        Add(report, $"Slack /inbox search {plan.SearchWord} (slash command)", slackSearch, slow);
        Report.Note($"until the search result was there (in the answer or through response_url): {answered}");
    }

    /// <summary>Sends <paramref name="warmUps"/> untimed requests, then timed ones as the budget allows, each after the previous answer.</summary>
    /// <param name="afterEach">Runs after each answer (with its number, body and the clock started at sending), before the next request.</param>
    private static async Task MeasureAsync(Latencies times, SampleBudget budget, Func<int, HttpRequestMessage> request, Action<string>? check, BridgedHost host,
        Action<int, TimeSpan>? each = null, Func<int, string, Stopwatch, Task>? afterEach = null, int warmUps = WarmUps)
    {
        for (var n = -warmUps; n < 0 || budget.WantsMore(n); n++)
        {
            using var message = request(n);
            var clock = Stopwatch.StartNew();
            using var response = await host.Http.SendAsync(message);
            var body = await response.Content.ReadAsStringAsync();
            var elapsed = clock.Elapsed;
            if (response.StatusCode != HttpStatusCode.OK)
                throw new InvalidOperationException($"{times.Name} answered {(int)response.StatusCode}: {body}");
            if (n >= 0)
            {
                check?.Invoke(body);
                times.Add(elapsed);
                each?.Invoke(n, elapsed);
            }
            if (afterEach is not null) await afterEach(n, body, clock);
            await Task.Delay(Gap);
        }
    }

    private static void Add(Report report, string name, Latencies times, int workingOnIt = 0)
    {
        report.Add(new Figure($"ack {name}", times.Summary, $"p99 < {TargetMs} ms", times.P99 < TargetMs));
        if (workingOnIt > 0)
            Report.Note($"{workingOnIt} of {times.Count} answered \"Working on it…\" after Slack:CommandAnswerBudget (2.5 s); the result followed through response_url");
    }
}
