using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Inbox.Fakes.Slack;
using Inbox.Host.Tests.Slack;
using Xunit.Abstractions;

namespace Inbox.Host.Tests.Faults;

/// <summary>Issue 6: the host killed with SIGKILL at random moments while widget messages flow to Slack.</summary>
[Collection(FaultsCollection.Name)]
public sealed class HostKillTests(ITestOutputHelper output)
{
    private const int Visitors = 50;
    private const int MessagesPerVisitor = 200;
    private const int Total = Visitors * MessagesPerVisitor;
    private const int Kills = 3;

    [Fact]
    public async Task Killing_the_host_three_times_while_10000_widget_messages_flow_to_slack_leaves_each_stored_once_and_posted_once()
    {
        var clock = Stopwatch.StartNew();
        var seed = Environment.GetEnvironmentVariable("INBOX_FAULTS_SEED") is { } fixedSeed ? int.Parse(fixedSeed) : Random.Shared.Next();
        output.WriteLine($"seed {seed} (set INBOX_FAULTS_SEED to repeat the kill points)");
        var random = new Random(seed);

        await using var slack = await FakeSlack.StartAsync(SlackHost.BotToken);
        await using var host = new HostProcess(new Dictionary<string, string?>
        {
            ["Slack:SigningSecret"] = SlackHost.SigningSecret,
            ["Slack:BotToken"] = SlackHost.BotToken,
            ["Slack:ChannelId"] = SlackHost.Channel,
            ["Slack:ApiBaseUrl"] = slack.ApiBaseUrl.AbsoluteUri,
            ["Slack:PostsPerSecond"] = "1000",
            ["Slack:PostBurst"] = "100",
            ["Widget:SessionsPerMinute"] = "100000",
            ["Widget:MessagesPerMinute"] = "100000",
            ["Outbox:BaseDelay"] = "00:00:00.050",
            ["Outbox:MaxDelay"] = "00:00:00.500",
        });
        await host.StartAsync();
        output.WriteLine($"{clock.Elapsed.TotalSeconds:F1}s host up");

        using var http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromSeconds(30) }) { Timeout = TimeSpan.FromSeconds(15) };
        var tokens = new string[Visitors];
        for (var v = 0; v < Visitors; v++)
        {
            using var session = await http.PostAsJsonAsync(new Uri(host.BaseAddress, "widget/api/session"), new { site = "shop" });
            session.EnsureSuccessStatusCode();
            tokens[v] = (await session.Content.ReadFromJsonAsync<JsonObject>())!["visitorToken"]!.GetValue<string>();
        }

        var acknowledged = 0;
        var resent = 0;
        var refused = 0;
        var conversations = new long[Visitors];
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(240));

        // Each visitor writes its messages one after another (a person waits for the send); visitors write in parallel.
        async Task VisitorAsync(int v)
        {
            for (var m = 0; m < MessagesPerVisitor; m++)
            {
                var body = new { text = Text(v, m), clientMessageId = $"v{v}-m{m}" };
                var tries = 0;
                while (true)
                {
                    stop.Token.ThrowIfCancellationRequested();
                    var path = m == 0 ? "widget/api/conversations" : $"widget/api/conversations/{conversations[v]}/messages";
                    using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(host.BaseAddress, path)) { Content = JsonContent.Create(body) };
                    request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", tokens[v]);
                    HttpResponseMessage response;
                    try
                    {
                        response = await http.SendAsync(request, stop.Token);
                    }
                    catch (Exception error) when (error is HttpRequestException or TaskCanceledException && !stop.IsCancellationRequested)
                    {
                        // The host died under this request (or is not up yet): not acknowledged, so it is sent again.
                        if (tries++ == 0) Interlocked.Increment(ref resent);
                        Interlocked.Increment(ref refused);
                        await Task.Delay(100, stop.Token);
                        continue;
                    }
                    using (response)
                    {
                        var answer = await response.Content.ReadAsStringAsync(stop.Token);
                        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{path} for v{v} m{m} (try {tries + 1}): {(int)response.StatusCode} {answer}");
                        if (m == 0) conversations[v] = JsonNode.Parse(answer)!["conversation"]!["id"]!.GetValue<long>();
                    }
                    Interlocked.Increment(ref acknowledged);
                    break;
                }
            }
        }

        var senders = Enumerable.Range(0, Visitors).Select(v => Task.Run(() => VisitorAsync(v))).ToArray();

        // Kill points spread over the whole flow: acknowledged messages plus posts made, out of twice the total.
        var points = new double[Kills];
        for (var k = 0; k < Kills; k++) points[k] = 0.05 + (k + random.NextDouble() * 0.8) / Kills * 0.9;
        var posted = () => slack.CallsTo("chat.postMessage").Count;
        foreach (var point in points)
        {
            while ((Volatile.Read(ref acknowledged) + posted()) / (2.0 * Total) < point)
            {
                stop.Token.ThrowIfCancellationRequested();
                if (senders.FirstOrDefault(s => s.IsFaulted) is { } failed) await failed;
                await Task.Delay(10, stop.Token);
            }
            await Task.Delay(random.Next(0, 200), stop.Token);
            var (acknowledgedThen, postedThen) = (Volatile.Read(ref acknowledged), posted());
            await host.KillAsync();
            output.WriteLine($"{clock.Elapsed.TotalSeconds:F1}s killed at {acknowledgedThen} acknowledged, {postedThen} post calls");
            await host.StartAsync();
            output.WriteLine($"{clock.Elapsed.TotalSeconds:F1}s host up again");
        }

        await Task.WhenAll(senders);
        output.WriteLine($"{clock.Elapsed.TotalSeconds:F1}s all {Total} acknowledged; {resent} messages sent again ({refused} failed tries while the host was down)");

        await using var db = new StoreReader(host.DatabasePath);
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (await db.CountAsync("SELECT COUNT(*) FROM Outbox WHERE State = 0") > 0)
        {
            if (DateTime.UtcNow > deadline)
                Assert.Fail($"The outbox did not drain: {await db.CountAsync("SELECT COUNT(*) FROM Outbox WHERE State = 0")} pending, {slack.Messages(SlackHost.Channel).Count} in Slack.\n{host.Output()}");
            await Task.Delay(250);
        }
        output.WriteLine($"{clock.Elapsed.TotalSeconds:F1}s outbox drained");

        Assert.Equal(0, await db.CountAsync("SELECT COUNT(*) FROM Outbox WHERE State = 2"));
        Assert.Equal(Kills + 1, host.Starts);
        // Deliveries cut off by a kill were looked for in Slack before being posted again.
        var lookups = slack.CallsTo("conversations.replies").Count + slack.CallsTo("conversations.history").Count;
        output.WriteLine($"{lookups} look-ups in Slack for posts that may have got through");
        Assert.True(lookups > 0, "No kill cut off a delivery in flight.");

        // Stored once: each conversation holds exactly its visitor's messages, in order, and no conversation was started twice.
        using var console = host.Operator();
        var all = await console.GetFromJsonAsync<JsonObject>("api/operator/views/all?pageSize=1");
        Assert.Equal(Visitors, all!["totalCount"]!.GetValue<int>());
        var messageIds = new Dictionary<long, (int Visitor, int Message)>();
        for (var v = 0; v < Visitors; v++)
        {
            var details = await console.GetFromJsonAsync<JsonObject>($"api/operator/conversations/{conversations[v]}");
            var stored = details!["messages"]!.AsArray().Where(m => m!["direction"]!.GetValue<string>() == "FromCustomer").ToList();
            Assert.Equal(Enumerable.Range(0, MessagesPerVisitor).Select(m => Text(v, m)), stored.Select(m => m!["text"]!.GetValue<string>()));
            for (var m = 0; m < MessagesPerVisitor; m++) messageIds[stored[m]!["id"]!.GetValue<long>()] = (v, m);
        }
        Assert.Equal(Total, await db.CountAsync("SELECT COUNT(*) FROM Messages"));

        // Posted once: one root per conversation, and in its thread one post per message, in order.
        var inSlack = slack.Messages(SlackHost.Channel);
        var roots = inSlack.Where(p => !p.IsThreadReply).ToList();
        Assert.Equal(conversations.Order(), roots.Select(r => r.Metadata!["event_payload"]!["conversation_id"]!.GetValue<long>()).Order());
        Assert.Equal(Visitors + Total, inSlack.Count);
        foreach (var root in roots)
        {
            var v = Array.IndexOf(conversations, root.Metadata!["event_payload"]!["conversation_id"]!.GetValue<long>());
            var replies = slack.Thread(SlackHost.Channel, root.Ts).Skip(1).ToList();
            var keys = replies.Select(r => r.Metadata!["event_payload"]!["idempotency_key"]!.GetValue<string>()).ToList();
            Assert.Equal(keys.Distinct().Count(), keys.Count);
            Assert.Equal(Enumerable.Range(0, MessagesPerVisitor).Select(m => (v, m)),
                keys.Select(k => messageIds[long.Parse(k["slack:message:".Length..])]));
            Assert.All(replies.Zip(Enumerable.Range(0, MessagesPerVisitor)), pair => Assert.Contains(Text(v, pair.Second), pair.First.Text));
        }
        output.WriteLine($"{clock.Elapsed.TotalSeconds:F1}s checked: {Total} stored once, {Total} posted once, {Visitors} threads");
    }

    private static string Text(int visitor, int message) => $"visitor {visitor:D3} message {message:D4}";
}
