using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Inbox.Fakes.Postgres;
using Inbox.Fakes.Slack;
using Inbox.Host.Tests.Slack;
using Xunit.Abstractions;

namespace Inbox.Host.Tests.Faults;

/// <summary>Issue 6: the PostgreSQL server restarted under a running host while widget messages flow to Slack.</summary>
/// <remarks>
/// Stopping the server takes every database on it down, so this runs in the fault collection: alone, after every test
/// that runs in parallel (the other PostgreSQL tests among them). The server is started again whatever happens.
/// </remarks>
[Collection(FaultsCollection.Name)]
public sealed class PostgresRestartTests(ITestOutputHelper output)
{
    private const int Visitors = 20;
    private const int MessagesPerVisitor = 60;
    private const int Total = Visitors * MessagesPerVisitor;
    private static readonly TimeSpan Pace = TimeSpan.FromMilliseconds(80);
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(3);

    [Fact]
    public async Task Restarting_postgres_under_load_answers_503_meanwhile_then_recovers_with_every_acknowledged_message_stored_once_and_posted_once()
    {
        var clock = Stopwatch.StartNew();
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(100));
        await using var database = await TestPostgresDatabase.CreateAsync();
        var store = new PostgresStoreReader(database.ConnectionString);
        await using var slack = await FakeSlack.StartAsync(SlackHost.BotToken);
        await using var host = new HostProcess(new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "Postgres",
            ["Storage:ConnectionString"] = database.ConnectionString,
            ["Widget:TokenSigningKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
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
            // Quartz runs clustered on the same server and must come back with it.
            ["Jobs:Enabled"] = "true",
        });
        await host.StartAsync();
        output.WriteLine($"{clock.Elapsed.TotalSeconds:F1}s host up");

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(15) };
        var tokens = new string[Visitors];
        for (var v = 0; v < Visitors; v++)
        {
            using var session = await http.PostAsJsonAsync(new Uri(host.BaseAddress, "widget/api/session"), new { site = "shop" });
            session.EnsureSuccessStatusCode();
            tokens[v] = (await session.Content.ReadFromJsonAsync<JsonObject>())!["visitorToken"]!.GetValue<string>();
        }

        var acknowledged = 0;
        var unavailable = new ConcurrentQueue<string>(); // what each 503 said
        var conversations = new long[Visitors];

        // Each visitor sends its messages one after another at a person's pace, and sends a message again after a 503.
        async Task VisitorAsync(int v)
        {
            for (var m = 0; m < MessagesPerVisitor; m++)
            {
                var body = new { text = Text(v, m), clientMessageId = $"v{v}-m{m}" };
                while (true)
                {
                    var path = m == 0 ? "widget/api/conversations" : $"widget/api/conversations/{conversations[v]}/messages";
                    using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(host.BaseAddress, path)) { Content = JsonContent.Create(body) };
                    request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", tokens[v]);
                    // No catch: the host must keep answering throughout, so a refused connection fails the test.
                    using var response = await http.SendAsync(request, stop.Token);
                    var answer = await response.Content.ReadAsStringAsync(stop.Token);
                    if (response.StatusCode == HttpStatusCode.ServiceUnavailable)
                    {
                        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
                        Assert.NotNull(response.Headers.RetryAfter);
                        unavailable.Enqueue(answer);
                        await Task.Delay(Pace, stop.Token);
                        continue;
                    }
                    Assert.True(response.StatusCode == HttpStatusCode.Created, $"{path} for v{v} m{m}: {(int)response.StatusCode} {answer}\n{host.Output()}");
                    if (m == 0) conversations[v] = JsonNode.Parse(answer)!["conversation"]!["id"]!.GetValue<long>();
                    Interlocked.Increment(ref acknowledged);
                    break;
                }
                await Task.Delay(Pace, stop.Token);
            }
        }

        var senders = Enumerable.Range(0, Visitors).Select(v => Task.Run(() => VisitorAsync(v))).ToArray();
        while (Volatile.Read(ref acknowledged) < Total / 4)
        {
            if (senders.FirstOrDefault(s => s.IsFaulted) is { } failed) await failed;
            await Task.Delay(10, stop.Token);
        }

        DateTimeOffset restartedAt;
        var healthDuringOutage = new List<HttpStatusCode>();
        var (acknowledgedThen, postedThen) = (Volatile.Read(ref acknowledged), slack.CallsTo("chat.postMessage").Count);
        try
        {
            await TestPostgresServer.StopAsync(stop.Token);
            output.WriteLine($"{clock.Elapsed.TotalSeconds:F1}s PostgreSQL stopped at {acknowledgedThen} acknowledged, {postedThen} post calls");
            var outageEnds = DateTime.UtcNow + Outage;
            while (DateTime.UtcNow < outageEnds)
            {
                healthDuringOutage.Add(await HealthAsync(http, host));
                await Task.Delay(250, stop.Token);
            }
        }
        finally
        {
            // Whatever failed above, the server every other test needs comes back.
            await TestPostgresServer.StartAsync(CancellationToken.None);
            restartedAt = DateTimeOffset.UtcNow;
        }
        output.WriteLine($"{clock.Elapsed.TotalSeconds:F1}s PostgreSQL started again; {unavailable.Count} answers 503 so far; health during the outage: {string.Join(",", healthDuringOutage.Select(s => (int)s))}");

        // Health reports the outage, then recovers on its own.
        Assert.All(healthDuringOutage, status => Assert.Equal(HttpStatusCode.ServiceUnavailable, status));
        var healthy = Stopwatch.StartNew();
        while (await HealthAsync(http, host) != HttpStatusCode.OK)
        {
            Assert.True(healthy.Elapsed < TimeSpan.FromSeconds(15), $"/health did not recover within 15 s of the restart.\n{host.Output()}");
            await Task.Delay(100, stop.Token);
        }
        output.WriteLine($"{clock.Elapsed.TotalSeconds:F1}s /health is 200 again ({healthy.Elapsed.TotalSeconds:F1}s after the start)");

        await Task.WhenAll(senders);
        var afterOutage = unavailable.Count;
        output.WriteLine($"{clock.Elapsed.TotalSeconds:F1}s all {Total} acknowledged; {afterOutage} answers were 503");
        Assert.True(unavailable.Count > 0, "No request met the outage.");
        Assert.All(unavailable, answer => Assert.Contains("database", answer, StringComparison.OrdinalIgnoreCase));

        // The outbox resumes: everything is delivered, nothing given up.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (await store.CountAsync("""SELECT COUNT(*) FROM "Outbox" WHERE "State" = 0""") is var pending and > 0)
        {
            Assert.True(DateTime.UtcNow < deadline, $"The outbox did not drain: {pending} pending, {slack.Messages(SlackHost.Channel).Count} in Slack.\n{host.Output()}");
            await Task.Delay(250, stop.Token);
        }
        output.WriteLine($"{clock.Elapsed.TotalSeconds:F1}s outbox drained");
        Assert.Equal(0, await store.CountAsync("""SELECT COUNT(*) FROM "Outbox" WHERE "State" = 2"""));
        Assert.True(host.IsRunning, "The host process exited.");
        Assert.Equal(1, host.Starts);

        // Stored once: each conversation holds exactly its visitor's messages, in order; nothing half-written.
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
        Assert.Equal(Total, await store.CountAsync("""SELECT COUNT(*) FROM "Messages" """));
        Assert.Empty(await store.ProblemsAsync());

        // Posted once: one root per conversation, and in its thread one post per message, in order.
        var inSlack = slack.Messages(SlackHost.Channel);
        var roots = inSlack.Where(p => !p.IsThreadReply).ToList();
        Assert.Equal(conversations.Order(), roots.Select(r => r.Metadata!["event_payload"]!["conversation_id"]!.GetValue<long>()).Order());
        Assert.Equal(Visitors + Total, inSlack.Count);
        foreach (var root in roots)
        {
            var v = Array.IndexOf(conversations, root.Metadata!["event_payload"]!["conversation_id"]!.GetValue<long>());
            var keys = slack.Thread(SlackHost.Channel, root.Ts).Skip(1).Select(r => r.Metadata!["event_payload"]!["idempotency_key"]!.GetValue<string>()).ToList();
            Assert.Equal(Enumerable.Range(0, MessagesPerVisitor).Select(m => (v, m)), keys.Select(k => messageIds[long.Parse(k["slack:message:".Length..])]));
        }

        // Quartz is back in its cluster: this host checks in again after the restart.
        while (await store.ScalarAsync<long>("SELECT COALESCE(MAX(last_checkin_time), 0) FROM qrtz_scheduler_state") < restartedAt.UtcTicks)
        {
            Assert.True(DateTime.UtcNow < deadline.AddSeconds(30), $"Quartz did not check in after the restart.\n{host.Output()}");
            await Task.Delay(250, stop.Token);
        }
        output.WriteLine($"{clock.Elapsed.TotalSeconds:F1}s checked: {Total} stored once, {Total} posted once, Quartz checked in again");
    }

    private static async Task<HttpStatusCode> HealthAsync(HttpClient http, HostProcess host)
    {
        using var response = await http.GetAsync(new Uri(host.BaseAddress, "health"));
        return response.StatusCode;
    }

    private static string Text(int visitor, int message) => $"visitor {visitor:D3} message {message:D4}";
}
