using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Inbox.Fakes.Postgres;
using Inbox.Fakes.Slack;
using Inbox.Host.Tests.Api.Support;
using Inbox.Host.Tests.Slack;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Inbox.Host.Tests.Postgres;

/// <summary>Two real hosts on one PostgreSQL database, with the Slack bridge on against one fake Slack.</summary>
public sealed class TwoHostsTests
{
    private const string Fox = "U0FOXMULDER";

    [Fact]
    public async Task Slack_retries_arriving_at_both_hosts_at_once_store_each_reply_once_and_every_post_is_made_once()
    {
        await using var database = await TestPostgresDatabase.CreateAsync();
        await using var slack = await FakeSlack.StartAsync(SlackHost.BotToken);
        slack.AddUser(Fox, "Fox Mulder", "fox@acme.test");
        var deliveries = new DeliveryLog();
        var settings = Settings(database, slack);
        // Started together, as a rollout does: both migrate the database and provision Quartz's tables at once.
        var started = await Task.WhenAll(
            Task.Run(() => new InboxHost(settings: settings, services: deliveries.Of("A"))),
            Task.Run(() => new InboxHost(settings: settings, services: deliveries.Of("B"))));
        await using var a = started[0];
        await using var b = started[1];

        // Visitors start on one host and keep writing through both (one signing key: a token is good on either).
        var conversations = new List<(long Id, HttpClient OnA, HttpClient OnB)>();
        for (var v = 0; v < 4; v++)
        {
            using var visitor = await WidgetVisitor.OpenSessionAsync(v % 2 == 0 ? a : b);
            var id = await visitor.StartConversationAsync($"visitor {v}: hello");
            conversations.Add((id, Client(a, visitor.Token), Client(b, visitor.Token)));
        }
        await Task.WhenAll(conversations.Select(async (c, v) =>
        {
            (await c.OnB.PostAsJsonAsync($"/widget/api/conversations/{c.Id}/messages", new { text = $"visitor {v}: via B" })).EnsureSuccessStatusCode();
            (await c.OnA.PostAsJsonAsync($"/widget/api/conversations/{c.Id}/messages", new { text = $"visitor {v}: via A" })).EnsureSuccessStatusCode();
        }));
        var roots = new Dictionary<long, string>();
        await SlackHost.EventuallyAsync(() =>
        {
            foreach (var root in slack.Messages(SlackHost.Channel).Where(m => !m.IsThreadReply))
                roots[root.Metadata!["event_payload"]!["conversation_id"]!.GetValue<long>()] = root.Ts;
            return conversations.All(c => roots.TryGetValue(c.Id, out var ts) && slack.Thread(SlackHost.Channel, ts).Count(m => m.IsThreadReply) >= 3);
        }, "every conversation's thread holds its three customer messages", seconds: 30);

        // Fox answers each thread once; Slack sends every event three times to each host, all at once.
        var events = conversations.Select((c, v) => ThreadMessage($"Ev{v}", roots[c.Id], $"1800000001.00{v}100", $"answer {v}")).ToList();
        var answers = await Task.WhenAll(events.SelectMany(e => new[] { a, b }.SelectMany(host =>
            Enumerable.Range(0, 3).Select(retry => SendEventAsync(host, e, retry)))));
        Assert.All(answers, status => Assert.Equal(HttpStatusCode.OK, status));

        // Every message stored once, whichever host is asked.
        for (var v = 0; v < conversations.Count; v++)
        {
            var (id, onA, onB) = conversations[v];
            foreach (var client in new[] { onA, onB })
            {
                var seen = (await (await client.GetAsync($"/widget/api/conversations/{id}/messages")).ShouldBe(HttpStatusCode.OK)).Items();
                Assert.Equal([$"visitor {v}: hello", $"visitor {v}: via B", $"visitor {v}: via A", $"answer {v}"], seen.Select(m => m.String("text")));
            }
        }

        // Every outbox row delivered, each by one host in one attempt; both hosts took their share.
        var rows = await OutboxRowsWhenSettledAsync(database);
        Assert.All(rows, row => Assert.Equal((1, 1), (row.State, row.Attempts)));
        var delivered = deliveries.Entries;
        Assert.Equal(rows.Select(r => r.Id).Order(), delivered.Select(d => d.OutboxId).Order());
        Assert.Contains(delivered, d => d.Host == "A");
        Assert.Contains(delivered, d => d.Host == "B");

        // Every post made once: one root per conversation, each customer message once in its thread, nothing else.
        var channel = slack.Messages(SlackHost.Channel);
        Assert.Equal(conversations.Count, channel.Count(m => !m.IsThreadReply));
        foreach (var (id, _, _) in conversations)
        {
            var thread = slack.Thread(SlackHost.Channel, roots[id]).Where(m => m.IsThreadReply).ToList();
            Assert.Equal(3, thread.Count);
            Assert.Equal(3, thread.Select(m => m.Metadata!["event_payload"]!["idempotency_key"]!.GetValue<string>()).Distinct().Count());
        }
        Assert.Equal(channel.Count, slack.CallsTo("chat.postMessage").Count);
        foreach (var (_, onA, onB) in conversations)
        {
            onA.Dispose();
            onB.Dispose();
        }
    }

    private static Dictionary<string, string?> Settings(TestPostgresDatabase database, FakeSlack slack) => new()
    {
        ["Storage:Provider"] = "Postgres",
        ["Storage:ConnectionString"] = database.ConnectionString,
        ["Widget:TokenSigningKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
        ["Widget:SessionsPerMinute"] = "1000",
        ["Widget:MessagesPerMinute"] = "1000",
        ["Slack:SigningSecret"] = SlackHost.SigningSecret,
        ["Slack:BotToken"] = SlackHost.BotToken,
        ["Slack:ChannelId"] = SlackHost.Channel,
        ["Slack:ApiBaseUrl"] = slack.ApiBaseUrl.AbsoluteUri,
        ["Slack:PostsPerSecond"] = "50", // pacing is not what this test is about
        ["Outbox:BaseDelay"] = "00:00:00.050",
        ["Outbox:MaxDelay"] = "00:00:01",
        [$"Logging:LogLevel:{typeof(Storage.Outbox.OutboxDispatcher).FullName}"] = "Debug",
    };

    private static HttpClient Client(InboxHost host, string token)
    {
        var client = host.Visitor();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private static JsonObject ThreadMessage(string eventId, string threadTs, string ts, string text) => new()
    {
        ["type"] = "event_callback",
        ["team_id"] = "T0FAKE",
        ["event_id"] = eventId,
        ["event"] = new JsonObject
        {
            ["type"] = "message", ["channel"] = SlackHost.Channel, ["user"] = Fox, ["text"] = text,
            ["ts"] = ts, ["thread_ts"] = threadTs, ["channel_type"] = "channel",
        },
    };

    private static async Task<HttpStatusCode> SendEventAsync(InboxHost host, JsonObject body, int retry)
    {
        using var client = host.Visitor();
        using var request = SlackRequestSigner.CreateJsonRequest(new Uri(host.BaseAddress, "/slack/events"), body.ToJsonString(), DateTimeOffset.UtcNow, SlackHost.SigningSecret);
        if (retry > 0)
        {
            request.Headers.Add("X-Slack-Retry-Num", retry.ToString());
            request.Headers.Add("X-Slack-Retry-Reason", "http_timeout");
        }
        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }

    // Waits until nothing is pending any more (the widget nudges of the replies go out after the answers).
    private static async Task<List<(long Id, int State, int Attempts)>> OutboxRowsWhenSettledAsync(TestPostgresDatabase database)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            var rows = new List<(long, int, int)>();
            await using (var connection = new NpgsqlConnection(database.ConnectionString))
            {
                await connection.OpenAsync();
                await using var command = new NpgsqlCommand("""SELECT "Id", "State", "Attempts" FROM "Outbox" ORDER BY "Id" """, connection);
                await using var reader = await command.ExecuteReaderAsync();
                while (await reader.ReadAsync()) rows.Add((reader.GetInt64(0), reader.GetInt32(1), reader.GetInt32(2)));
            }
            if (rows.All(r => r.Item2 != 0) || DateTime.UtcNow > deadline) return rows;
            await Task.Delay(50);
        }
    }

    /// <summary>Which host's dispatcher delivered which outbox row, read from its "Delivered outbox" log lines.</summary>
    private sealed class DeliveryLog
    {
        private readonly System.Collections.Concurrent.ConcurrentQueue<(string Host, long OutboxId)> _entries = new();

        public IReadOnlyList<(string Host, long OutboxId)> Entries => _entries.ToList();

        public Action<IServiceCollection> Of(string host) => services => services.AddSingleton<ILoggerProvider>(new Provider(host, _entries));

        private sealed class Provider(string host, System.Collections.Concurrent.ConcurrentQueue<(string, long)> entries) : ILoggerProvider, ILogger
        {
            public ILogger CreateLogger(string categoryName) =>
                categoryName == typeof(Storage.Outbox.OutboxDispatcher).FullName ? this : Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;

            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                if (state is IReadOnlyList<KeyValuePair<string, object?>> fields
                    && fields.Any(f => f is { Key: "{OriginalFormat}", Value: string format } && format.StartsWith("Delivered outbox", StringComparison.Ordinal))
                    && fields.FirstOrDefault(f => f.Key == "OutboxId").Value is long id)
                    entries.Enqueue((host, id));
            }

            public void Dispose() { }
        }
    }
}
