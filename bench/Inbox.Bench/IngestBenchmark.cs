using System.Diagnostics;
using System.Net.Http.Json;
using Inbox.Core.Commands;
using Inbox.Core.Model;
using Inbox.Host.Extensions;
using Inbox.Storage.Writing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Inbox.Bench;

/// <summary>Durable ingest: customer messages committed per second, through the store alone and through the widget HTTP API.</summary>
internal static class IngestBenchmark
{
    public sealed record Result(string Path, string Mode, int Messages, TimeSpan Elapsed, long Commits)
    {
        public double PerSecond => Messages / Elapsed.TotalSeconds;
    }

    /// <summary>Runs <paramref name="messages"/> receives from <paramref name="producers"/> concurrent callers straight into the store.</summary>
    public static async Task<Result> ThroughStoreAsync(int messages, int producers, int visitors, int maxWriteBatch)
    {
        await using var app = await StartAsync(maxWriteBatch, listen: false);
        var customers = app.Services.GetRequiredService<CustomerMessages>();
        // Each visitor's first message opens their conversation; the timed part adds to existing ones, as chat traffic does.
        var conversations = new long[visitors];
        for (var v = 0; v < visitors; v++)
            conversations[v] = (await customers.ReceiveAsync(Incoming(v, "hello", null, $"warm-{v}"), CancellationToken.None)).Value!.Conversation.Id;

        var commitsBefore = Commits(app);
        var next = -1;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, producers).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < messages)
            {
                var v = i % visitors;
                var result = await customers.ReceiveAsync(Incoming(v, $"message {i}", conversations[v], $"m-{i}"), CancellationToken.None);
                if (!result.Succeeded) throw new InvalidOperationException(result.Error.Message);
            }
        })));
        clock.Stop();
        return new Result("store", maxWriteBatch == 1 ? "one commit per message" : "group commit", messages, clock.Elapsed, Commits(app) - commitsBefore);
    }

    /// <summary>The same through the widget API over loopback HTTP/1.1 with <paramref name="producers"/> connections.</summary>
    public static async Task<Result> ThroughHttpAsync(int messages, int producers, int visitors, int maxWriteBatch)
    {
        await using var app = await StartAsync(maxWriteBatch, listen: true);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = producers }) { BaseAddress = new Uri(address) };

        var visitorTokens = new string[visitors];
        var conversations = new long[visitors];
        for (var v = 0; v < visitors; v++)
        {
            var session = await (await http.PostAsJsonAsync("/widget/api/session", new { })).Content.ReadFromJsonAsync<Session>();
            visitorTokens[v] = session!.VisitorToken;
            using var start = new HttpRequestMessage(HttpMethod.Post, "/widget/api/conversations") { Content = JsonContent.Create(new { text = "hello", clientMessageId = $"warm-{v}" }) };
            start.Headers.Authorization = new("Bearer", visitorTokens[v]);
            var started = await (await http.SendAsync(start)).EnsureSuccessStatusCode().Content.ReadFromJsonAsync<Started>();
            conversations[v] = started!.Conversation.Id;
        }

        var commitsBefore = Commits(app);
        var next = -1;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, producers).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < messages)
            {
                var v = i % visitors;
                using var send = new HttpRequestMessage(HttpMethod.Post, $"/widget/api/conversations/{conversations[v]}/messages")
                {
                    Content = JsonContent.Create(new { text = $"message {i}", clientMessageId = $"m-{i}" }),
                };
                send.Headers.Authorization = new("Bearer", visitorTokens[v]);
                using var response = await http.SendAsync(send);
                response.EnsureSuccessStatusCode();
            }
        })));
        clock.Stop();
        return new Result("http", maxWriteBatch == 1 ? "one commit per message" : "group commit", messages, clock.Elapsed, Commits(app) - commitsBefore);
    }

    private static IncomingMessage Incoming(int visitor, string text, long? conversationId, string externalId) =>
        new(new ContactIdentity(ChannelKind.Widget, $"bench-visitor-{visitor}"), text, conversationId, ExternalId: $"widget:bench-visitor-{visitor}:{externalId}");

    private static long Commits(WebApplication app) => app.Services.GetRequiredService<IWriteStatistics>().Commits;

    private static async Task<WebApplication> StartAsync(int maxWriteBatch, bool listen)
    {
        var folder = Directory.CreateTempSubdirectory("inbox-bench-").FullName;
        var builder = WebApplication.CreateBuilder([
            $"--Storage:DataDirectory={folder}",
            $"--Storage:MaxWriteBatch={maxWriteBatch}",
            // The rate limit protects real sites from one noisy visitor; the bench is that noisy visitor on purpose.
            "--Widget:MessagesPerMinute=100000000",
            "--Widget:SessionsPerMinute=100000000",
        ]);
        builder.Logging.ClearProviders();
        builder.AddInbox();
        if (listen) builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        await app.PrepareAsync();
        app.UseInbox();
        await app.StartAsync();
        return app;
    }

    private sealed record Session(string VisitorToken);

    private sealed record Started(StartedConversation Conversation);

    private sealed record StartedConversation(long Id);
}
