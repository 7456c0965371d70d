using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Inbox.Fakes.Slack;

namespace Inbox.Slack.Tests.Fakes;

/// <summary>Talks to the fake in plain HTTP, as any Slack client would, so the tests see exactly what goes over the wire.</summary>
internal sealed class RawSlackClient(FakeSlack slack, TimeSpan? timeout = null) : IDisposable
{
    private readonly HttpClient _http = new() { Timeout = timeout ?? TimeSpan.FromSeconds(10) };

    public string? Token { get; init; } = slack.BotToken;

    public Task<RawSlackAnswer> PostJsonAsync(string method, JsonObject body, string mediaType = "application/json; charset=utf-8") =>
        SendAsync(method, body.ToJsonString(), mediaType);

    public Task<RawSlackAnswer> PostFormAsync(string method, params (string Name, string Value)[] fields) =>
        SendAsync(method, SlackRequestSigner.FormBody(fields.Select(f => KeyValuePair.Create(f.Name, f.Value))), "application/x-www-form-urlencoded");

    public async Task<RawSlackAnswer> SendAsync(string method, string body, string mediaType)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(slack.ApiBaseUrl, method))
        {
            Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body)),
        };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(mediaType);
        if (Token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        using var response = await _http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        var json = response.Content.Headers.ContentType?.MediaType == "application/json" ? JsonNode.Parse(text) as JsonObject : null;
        return new RawSlackAnswer(response.StatusCode, json, text, response.Headers.RetryAfter, response.Headers.TryGetValues("Retry-After", out var raw) ? raw.Single() : null);
    }

    public void Dispose() => _http.Dispose();
}

/// <summary>One HTTP answer from the fake.</summary>
internal sealed record RawSlackAnswer(HttpStatusCode Status, JsonObject? Json, string Text, RetryConditionHeaderValue? RetryAfter, string? RetryAfterRaw)
{
    public bool Ok => Json?["ok"]?.GetValue<bool>() == true;

    public string? Error => Json?["error"]?.GetValue<string>();

    public string? Field(string name) => Json?[name]?.GetValue<string>();
}
