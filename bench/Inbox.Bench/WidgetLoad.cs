using System.Diagnostics;
using System.Net.Http.Json;

namespace Inbox.Bench;

/// <summary>Website visitors writing into their open conversations through the widget API, over loopback HTTP/1.1.</summary>
internal sealed class WidgetLoad : IDisposable
{
    private readonly HttpClient _http;
    private readonly int _producers;
    private readonly string[] _visitorTokens;
    private readonly long[] _conversations;

    private WidgetLoad(HttpClient http, int producers, string[] visitorTokens, long[] conversations)
    {
        _http = http;
        _producers = producers;
        _visitorTokens = visitorTokens;
        _conversations = conversations;
    }

    /// <summary>Opens a session and a conversation for each of <paramref name="visitors"/> (not timed: chat traffic adds to open conversations).</summary>
    public static async Task<WidgetLoad> OpenAsync(Uri address, int producers, int visitors)
    {
        var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = producers }) { BaseAddress = address, Timeout = TimeSpan.FromMinutes(2) };
        var visitorTokens = new string[visitors];
        var conversations = new long[visitors];
        for (var v = 0; v < visitors; v++)
        {
            var session = await (await http.PostAsJsonAsync("/widget/api/session", new { })).EnsureSuccessStatusCode().Content.ReadFromJsonAsync<Session>();
            visitorTokens[v] = session!.VisitorToken;
            using var start = new HttpRequestMessage(HttpMethod.Post, "/widget/api/conversations") { Content = JsonContent.Create(new { text = "hello", clientMessageId = $"warm-{v}" }) };
            start.Headers.Authorization = new("Bearer", visitorTokens[v]);
            var started = await (await http.SendAsync(start)).EnsureSuccessStatusCode().Content.ReadFromJsonAsync<Started>();
            conversations[v] = started!.Conversation.Id;
        }
        return new WidgetLoad(http, producers, visitorTokens, conversations);
    }

    /// <summary>Sends <paramref name="messages"/> messages from the producers, round robin over the visitors; returns how long they took.</summary>
    public async Task<TimeSpan> SendAsync(int messages)
    {
        var next = -1;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, _producers).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < messages)
            {
                var v = i % _conversations.Length;
                using var send = new HttpRequestMessage(HttpMethod.Post, $"/widget/api/conversations/{_conversations[v]}/messages")
                {
                    Content = JsonContent.Create(new { text = $"message {i}", clientMessageId = $"m-{i}" }),
                };
                send.Headers.Authorization = new("Bearer", _visitorTokens[v]);
                using var response = await _http.SendAsync(send);
                response.EnsureSuccessStatusCode();
            }
        })));
        return clock.Elapsed;
    }

    public void Dispose() => _http.Dispose();

    /// <summary>Settings that let one bench client be as noisy as thousands of visitors (the per-visitor rate limits protect real sites).</summary>
    public static readonly IReadOnlyDictionary<string, string> UnlimitedVisitors = new Dictionary<string, string>
    {
        ["Widget:MessagesPerMinute"] = "100000000",
        ["Widget:SessionsPerMinute"] = "100000000",
    };

    private sealed record Session(string VisitorToken);

    private sealed record Started(StartedConversation Conversation);

    private sealed record StartedConversation(long Id);
}
