using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace Inbox.Host.Tests.Api.Support;

/// <summary>One Server-Sent Event as a browser's EventSource would dispatch it.</summary>
internal sealed record ServerSentEvent(string? Id, string Name, string Data)
{
    public JsonNode Json => JsonNode.Parse(Data)!;

    public override string ToString() => $"id: {Id} event: {Name} data: {Data}";
}

/// <summary>The widget's live stream read over plain HTTP, line by line, the way EventSource reads it.</summary>
internal sealed class LiveEventStream : IAsyncDisposable
{
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(10);

    private readonly HttpClient _client;
    private readonly HttpResponseMessage _response;
    private readonly StreamReader _reader;
    private readonly List<ServerSentEvent> _seen = [];

    private LiveEventStream(HttpClient client, HttpResponseMessage response, StreamReader reader)
    {
        _client = client;
        _response = response;
        _reader = reader;
    }

    public HttpResponseMessage Response => _response;

    /// <summary>Opens the stream and waits for its opening frame, so anything stored afterwards is sent on it.</summary>
    public static Task<LiveEventStream> OpenAsync(InboxHost host, string token, string? lastEventId = null) =>
        ConnectAsync(host, token, lastEventId, waitForOpen: true);

    /// <summary>Connects without waiting for the opening frame (for streams the server refuses).</summary>
    public static async Task<LiveEventStream> ConnectAsync(InboxHost host, string? token, string? lastEventId = null, bool waitForOpen = false)
    {
        var client = host.Visitor();
        client.Timeout = Timeout.InfiniteTimeSpan;
        var query = token is null ? "" : "?access_token=" + Uri.EscapeDataString(token);
        var request = new HttpRequestMessage(HttpMethod.Get, "/widget/api/events" + query);
        if (lastEventId is not null) request.Headers.TryAddWithoutValidation("Last-Event-ID", lastEventId);
        var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        var reader = new StreamReader(await response.Content.ReadAsStreamAsync(), Encoding.UTF8);
        var stream = new LiveEventStream(client, response, reader);
        if (waitForOpen)
        {
            // The server subscribes and fixes its resume point before writing "retry:"; after it, nothing can be missed.
            using var timeout = new CancellationTokenSource(DefaultTimeout);
            var first = await reader.ReadLineAsync(timeout.Token);
            Assert.StartsWith("retry:", first);
        }
        return stream;
    }

    /// <summary>The next event of any name (comments and keep-alives skipped).</summary>
    public async Task<ServerSentEvent> NextAsync(TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? DefaultTimeout);
        string? id = null, name = null;
        var data = new StringBuilder();
        try
        {
            while (true)
            {
                var line = await _reader.ReadLineAsync(cts.Token)
                    ?? throw new Xunit.Sdk.XunitException($"The stream ended. Seen so far: {Seen()}");
                if (line.Length == 0)
                {
                    if (name is not null || data.Length > 0)
                    {
                        var received = new ServerSentEvent(id, name ?? "message", data.ToString());
                        _seen.Add(received);
                        return received;
                    }
                    continue;
                }
                if (line.StartsWith(':')) continue;
                var colon = line.IndexOf(':');
                var field = colon < 0 ? line : line[..colon];
                var value = colon < 0 ? "" : line[(colon + 1)..].TrimStart(' ');
                switch (field)
                {
                    case "id": id = value; break;
                    case "event": name = value; break;
                    case "data": data.Append(data.Length > 0 ? "\n" : "").Append(value); break;
                }
            }
        }
        catch (OperationCanceledException) when (cts.IsCancellationRequested)
        {
            throw new Xunit.Sdk.XunitException($"No event within {timeout ?? DefaultTimeout}. Seen so far: {Seen()}");
        }
    }

    /// <summary>The next event called <paramref name="name"/>, skipping others.</summary>
    public async Task<ServerSentEvent> NextAsync(string name, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? DefaultTimeout);
        while (true)
        {
            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero) throw new Xunit.Sdk.XunitException($"No '{name}' event in time. Seen so far: {Seen()}");
            var next = await NextAsync(left);
            if (next.Name == name) return next;
        }
    }

    private string Seen() => _seen.Count == 0 ? "(nothing)" : string.Join(" | ", _seen);

    public ValueTask DisposeAsync()
    {
        _reader.Dispose();
        _response.Dispose();
        _client.Dispose();
        return ValueTask.CompletedTask;
    }
}
