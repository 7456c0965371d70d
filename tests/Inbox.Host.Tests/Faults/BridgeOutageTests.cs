using System.Diagnostics;
using System.Net;
using Inbox.Fakes.BotFramework;
using Inbox.Fakes.Slack;
using Inbox.Host.Tests.Api.Support;
using Inbox.Host.Tests.Teams;
using Inbox.Storage;
using Inbox.Storage.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Inbox.Host.Tests.Faults;

/// <summary>Issue 6: Slack and Teams both failing in every way for a stretch, then recovering.</summary>
[Collection(FaultsCollection.Name)]
public sealed class BridgeOutageTests(ITestOutputHelper output)
{
    private const int Conversations = 6;
    private const int Before = 2, During = 10, After = 3;
    private const int PerConversation = Before + During + After;
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task Slack_and_Teams_failing_together_for_seconds_get_everything_afterwards_in_order_per_conversation_and_once()
    {
        var clock = Stopwatch.StartNew();
        await using var host = await TeamsHost.StartAsync(withSlack: true, settings: new Dictionary<string, string?>
        {
            ["Slack:PostsPerSecond"] = "1000",
            ["Slack:PostBurst"] = "100",
            ["Teams:ThreadPostsPerSecond"] = "50",
            ["Teams:ThreadPostBurst"] = "50",
            ["Teams:AppPostsPerSecond"] = "1000",
            // A timed-out call must count as failed quickly: the outage's timeouts hang for far longer.
            ["Slack:RequestTimeout"] = "00:00:01",
            ["Outbox:DeliveryTimeout"] = "00:00:02",
            // Production backs off from 1 s up to 5 min, so its 12 attempts outlast a long outage; this test compresses
            // the delays (50 ms up to 1 s) and raises the attempts to keep that tolerance.
            ["Outbox:MaxAttempts"] = "60",
        });
        await host.InstallAsync();
        var slack = host.Slack!;
        var teams = host.Teams;

        var visitors = new WidgetVisitor[Conversations];
        var ids = new long[Conversations];
        for (var c = 0; c < Conversations; c++) visitors[c] = await WidgetVisitor.OpenSessionAsync(host.Host);

        // Half the conversations start before the outage, the other half during it (their roots cannot be posted).
        async Task WriteAsync(int c, int from, int to, TimeSpan pause)
        {
            for (var m = from; m < to; m++)
            {
                if (m == 0) ids[c] = await visitors[c].StartConversationAsync(Text(c, 0));
                else Assert.Equal(HttpStatusCode.Created, (await visitors[c].SendAsync(ids[c], Text(c, m), $"c{c}-m{m}")).StatusCode);
                await Task.Delay(pause);
            }
        }
        await Task.WhenAll(Enumerable.Range(0, Conversations / 2).Select(c => WriteAsync(c, 0, Before, TimeSpan.Zero)));
        await SlackHostEventually(() => slack.Messages(TeamsHost.SlackChannel).Count == Conversations / 2 * (1 + Before), "the first messages are in Slack");

        var timeout = TimeSpan.FromSeconds(30);
        var outage = new BridgeOutage()
            .Slack(slack, "chat.postMessage", FakeFault.RateLimited(TimeSpan.FromSeconds(1)), FakeFault.ServerError, FakeFault.Timeout(timeout),
                FakeFault.AnswerLost, FakeFault.Error("internal_error"))
            .Slack(slack, "conversations.history", FakeFault.ServerError, FakeFault.Timeout(timeout), FakeFault.RateLimited(TimeSpan.FromSeconds(1)))
            .Slack(slack, "conversations.replies", FakeFault.Timeout(timeout), FakeFault.ServerError, FakeFault.Error("fatal_error"))
            .Teams(teams, BotOperation.CreateConversation, BotFault.TooManyRequests(TimeSpan.FromSeconds(1)), BotFault.BadGateway,
                BotFault.Timeout(timeout), BotFault.GatewayTimeout, BotFault.PreconditionFailed)
            .Teams(teams, BotOperation.SendToConversation, BotFault.TooManyRequests(null), BotFault.Timeout(timeout), BotFault.BadGateway,
                BotFault.GatewayTimeout, BotFault.TooManyRequests(TimeSpan.FromSeconds(1)), BotFault.PreconditionFailed);
        var outageStarted = clock.Elapsed;
        var running = outage.RunAsync(Outage);
        var pause = Outage / (During + 2);
        await Task.WhenAll(Enumerable.Range(0, Conversations).Select(c => c < Conversations / 2
            ? WriteAsync(c, Before, Before + During, pause)
            : WriteAsync(c, 0, Before + During, pause / 2)));
        await running;
        output.WriteLine($"{clock.Elapsed.TotalSeconds:F1}s outage over after {(clock.Elapsed - outageStarted).TotalSeconds:F1}s; failed calls: {outage}");

        await Task.WhenAll(Enumerable.Range(0, Conversations).Select(c => WriteAsync(c, Before + During, PerConversation, TimeSpan.Zero)));
        await SlackHostEventually(() => slack.Messages(TeamsHost.SlackChannel).Count >= Conversations * (1 + PerConversation)
            && ids.All(id => host.ReplyTexts(id).Count >= PerConversation), "everything is in Slack and in Teams", seconds: 60);
        await using (var db = await host.Host.Services.GetRequiredService<IDbContextFactory<InboxDbContext>>().CreateDbContextAsync())
        {
            await SlackHostEventually(() => !db.Outbox.Any(o => o.State == OutboxState.Pending), "the outbox is empty");
            Assert.Empty(await db.Outbox.Where(o => o.State == OutboxState.Dead).Select(o => o.IdempotencyKey + ": " + o.LastError).ToListAsync());
        }
        output.WriteLine($"{clock.Elapsed.TotalSeconds:F1}s all delivered; failed calls: {outage}");
        // The faults cycle, so as many failed calls as kinds means every kind was met.
        foreach (var (method, kinds) in (IEnumerable<(string, int)>)[("slack chat.postMessage", 5), ("teams " + BotOperation.CreateConversation, 5), ("teams " + BotOperation.SendToConversation, 6)])
            Assert.True(outage.FaultsGiven[method] >= kinds, $"{method} did not meet every kind of failure: {outage}");

        // Slack: one root per conversation, its thread holding each message once, in the order written.
        var roots = slack.Messages(TeamsHost.SlackChannel).Where(m => !m.IsThreadReply).ToList();
        Assert.Equal(ids.Order(), roots.Select(r => r.Metadata!["event_payload"]!["conversation_id"]!.GetValue<long>()).Order());
        foreach (var root in roots)
        {
            var c = Array.IndexOf(ids, root.Metadata!["event_payload"]!["conversation_id"]!.GetValue<long>());
            var replies = slack.Thread(TeamsHost.SlackChannel, root.Ts).Skip(1).Select(m => m.Text ?? "").ToList();
            Assert.Equal(PerConversation, replies.Count);
            for (var m = 0; m < PerConversation; m++) Assert.Contains(Text(c, m), replies[m]);
        }
        Assert.Equal(Conversations * (1 + PerConversation), slack.Messages(TeamsHost.SlackChannel).Count);

        // Teams: one thread per conversation (ThreadOf insists on one), each message once, in order.
        Assert.Equal(Conversations, teams.Threads.Count(t => t.Root?.AdaptiveCard is not null));
        for (var c = 0; c < Conversations; c++)
            Assert.Equal(Enumerable.Range(0, PerConversation).Select(m => Text(c, m)), host.ReplyTexts(ids[c]).Select(t => t.Split('\n').Last()));

        foreach (var visitor in visitors) visitor.Dispose();
    }

    private static Task SlackHostEventually(Func<bool> condition, string what, int seconds = 15) =>
        Slack.SlackHost.EventuallyAsync(condition, what, seconds);

    private static string Text(int conversation, int message) => $"chat {conversation} line {message:D2}";
}
