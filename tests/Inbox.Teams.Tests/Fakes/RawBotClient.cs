using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Inbox.Fakes.BotFramework;

namespace Inbox.Teams.Tests.Fakes;

/// <summary>Talks to the fake in plain HTTP, as a hand-written Teams bot would, so the tests see exactly what goes over the wire.</summary>
internal sealed class RawBotClient(FakeBotFramework fake, TimeSpan? timeout = null) : IDisposable
{
    private readonly HttpClient _http = new() { Timeout = timeout ?? TimeSpan.FromSeconds(10) };

    /// <summary>The bearer token sent to the Connector; set it with <see cref="SignInAsync"/>.</summary>
    public string? AccessToken { get; set; }

    public Task<RawBotAnswer> GetAsync(Uri url) => SendAsync(new HttpRequestMessage(HttpMethod.Get, url));

    public Task<RawBotAnswer> RequestTokenAsync(params (string Name, string Value)[] fields) => RequestTokenAsync(fake.TokenEndpoint, fields);

    public Task<RawBotAnswer> RequestTokenAsync(Uri endpoint, params (string Name, string Value)[] fields) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Post, endpoint)
        {
            Content = new FormUrlEncodedContent(fields.Select(f => KeyValuePair.Create(f.Name, f.Value))),
        });

    /// <summary>The bot's client-credentials request with its real app id, password and scope.</summary>
    public Task<RawBotAnswer> RequestTokenAsync() => RequestTokenAsync(
        ("grant_type", "client_credentials"), ("client_id", fake.AppId), ("client_secret", fake.AppPassword), ("scope", "https://api.botframework.com/.default"));

    public async Task SignInAsync()
    {
        var answer = await RequestTokenAsync();
        Assert.Equal(HttpStatusCode.OK, answer.Status);
        AccessToken = answer.Field("access_token");
    }

    /// <summary>A Connector call: <paramref name="relativePath"/> is appended to the service URL, conversation ids escaped as SDKs do.</summary>
    public Task<RawBotAnswer> ConnectorAsync(HttpMethod method, string relativePath, JsonNode? body = null)
    {
        var request = new HttpRequestMessage(method, new Uri(fake.ServiceUrl, relativePath));
        if (body is not null) request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        if (AccessToken is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", AccessToken);
        return SendAsync(request);
    }

    public Task<RawBotAnswer> CreateThreadAsync(string channelId, string text, string tenantId = "11111111-2222-4333-8444-555555555555") =>
        ConnectorAsync(HttpMethod.Post, "v3/conversations", new JsonObject
        {
            ["isGroup"] = true,
            ["channelData"] = new JsonObject
            {
                ["channel"] = new JsonObject { ["id"] = channelId },
                ["tenant"] = new JsonObject { ["id"] = tenantId },
            },
            ["activity"] = Message(text),
        });

    public Task<RawBotAnswer> SendAsync(string conversationId, string text) =>
        ConnectorAsync(HttpMethod.Post, $"v3/conversations/{Uri.EscapeDataString(conversationId)}/activities", Message(text));

    public Task<RawBotAnswer> UpdateAsync(string conversationId, string activityId, string text) =>
        ConnectorAsync(HttpMethod.Put, $"v3/conversations/{Uri.EscapeDataString(conversationId)}/activities/{Uri.EscapeDataString(activityId)}", Message(text));

    public Task<RawBotAnswer> MemberAsync(string conversationId, string userId) =>
        ConnectorAsync(HttpMethod.Get, $"v3/conversations/{Uri.EscapeDataString(conversationId)}/members/{Uri.EscapeDataString(userId)}");

    public static JsonObject Message(string text) => new() { ["type"] = "message", ["text"] = text };

    public async Task<RawBotAnswer> SendAsync(HttpRequestMessage request)
    {
        using (request)
        {
            using var response = await _http.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            var json = response.Content.Headers.ContentType?.MediaType == "application/json" ? JsonNode.Parse(text) : null;
            return new RawBotAnswer(response.StatusCode, json, text, response.Headers.RetryAfter,
                response.Headers.TryGetValues("Retry-After", out var raw) ? raw.Single() : null);
        }
    }

    public void Dispose() => _http.Dispose();
}

/// <summary>One HTTP answer from the fake.</summary>
internal sealed record RawBotAnswer(HttpStatusCode Status, JsonNode? Json, string Text, RetryConditionHeaderValue? RetryAfter, string? RetryAfterRaw)
{
    public string? Field(string name) => Json is JsonObject o && o[name] is JsonValue v ? v.ToString() : null;

    /// <summary>The Connector ErrorResponse's <c>error.code</c>.</summary>
    public string? ErrorCode => (string?)Json?["error"]?["code"];
}
