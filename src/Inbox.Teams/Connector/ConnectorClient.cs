using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Inbox.Teams.Connector;

/// <summary>Calls the Bot Connector REST API v3 at an activity's serviceUrl with the bot's token.</summary>
/// <remarks>Never throws for the service's answers: the outcome says whether retrying can help (429, 412, 502, 504, timeouts).</remarks>
public sealed class ConnectorClient(HttpClient http, BotTokenClient tokens)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Starts a thread in a channel with <paramref name="activity"/> as its root; the answer holds the thread's conversation id and the root's activity id.</summary>
    public Task<ConnectorResponse> CreateThreadAsync(Uri serviceUrl, string channelId, string tenantId, JsonObject activity, CancellationToken ct) =>
        SendAsync(HttpMethod.Post, serviceUrl, "v3/conversations", new JsonObject
        {
            ["isGroup"] = true,
            ["channelData"] = new JsonObject { ["channel"] = new JsonObject { ["id"] = channelId }, ["tenant"] = new JsonObject { ["id"] = tenantId } },
            ["activity"] = activity,
        }, ct);

    /// <summary>Opens (or finds: Teams keeps one per user) the bot's personal chat with a user; the answer's <c>id</c> is the chat's conversation id.</summary>
    public Task<ConnectorResponse> CreatePersonalChatAsync(Uri serviceUrl, string botId, string userId, string tenantId, CancellationToken ct) =>
        SendAsync(HttpMethod.Post, serviceUrl, "v3/conversations", new JsonObject
        {
            ["isGroup"] = false,
            ["bot"] = new JsonObject { ["id"] = botId },
            ["members"] = new JsonArray(new JsonObject { ["id"] = userId }),
            ["tenantId"] = tenantId,
            ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = tenantId } },
        }, ct);

        public Task<ConnectorResponse> SendToConversationAsync(Uri serviceUrl, string conversationId, JsonObject activity, CancellationToken ct) =>
        SendAsync(HttpMethod.Post, serviceUrl, $"v3/conversations/{Uri.EscapeDataString(conversationId)}/activities", activity, ct);

    public Task<ConnectorResponse> UpdateActivityAsync(Uri serviceUrl, string conversationId, string activityId, JsonObject activity, CancellationToken ct) =>
        SendAsync(HttpMethod.Put, serviceUrl, $"v3/conversations/{Uri.EscapeDataString(conversationId)}/activities/{Uri.EscapeDataString(activityId)}", activity, ct);

    public Task<ConnectorResponse> GetMemberAsync(Uri serviceUrl, string conversationId, string userId, CancellationToken ct) =>
        SendAsync(HttpMethod.Get, serviceUrl, $"v3/conversations/{Uri.EscapeDataString(conversationId)}/members/{Uri.EscapeDataString(userId)}", null, ct);

    private async Task<ConnectorResponse> SendAsync(HttpMethod method, Uri serviceUrl, string path, JsonObject? body, CancellationToken ct)
    {
        var baseUrl = serviceUrl.AbsoluteUri.EndsWith('/') ? serviceUrl : new Uri(serviceUrl.AbsoluteUri + "/");
        for (var attempt = 1; ; attempt++)
        {
            using var request = new HttpRequestMessage(method, new Uri(baseUrl, path));
            if (body is not null) request.Content = JsonContent.Create(body, options: Json);
            try
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await tokens.GetTokenAsync(ct));
                using var response = await http.SendAsync(request, ct);
                // A refused token may just be one the Connector no longer takes: get a new one once.
                if (response.StatusCode == HttpStatusCode.Unauthorized && attempt == 1)
                {
                    tokens.Forget();
                    continue;
                }
                return await ReadAsync(response, ct);
            }
            catch (BotTokenException error)
            {
                return new ConnectorResponse(error.IsTransient ? ConnectorOutcome.Transient : ConnectorOutcome.Permanent,
                    (int)HttpStatusCode.Unauthorized, null, error.Message);
            }
            catch (HttpRequestException error)
            {
                return new ConnectorResponse(ConnectorOutcome.Transient, 0, null, error.Message);
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                return new ConnectorResponse(ConnectorOutcome.Transient, 0, null, "timed out");
            }
        }
    }

    private static async Task<ConnectorResponse> ReadAsync(HttpResponseMessage response, CancellationToken ct)
    {
        var status = (int)response.StatusCode;
        var text = await response.Content.ReadAsStringAsync(ct);
        JsonObject? body = null;
        try { body = text.Length > 0 ? JsonNode.Parse(text) as JsonObject : null; } catch (JsonException) { }
        var outcome = response.IsSuccessStatusCode ? ConnectorOutcome.Ok
            // Microsoft's guidance: back off and retry on 429, 412, 502 and 504 (and any other 5xx).
            : status is 429 or 412 or 502 or 504 or >= 500 ? ConnectorOutcome.Transient
            : ConnectorOutcome.Permanent;
        return new ConnectorResponse(outcome, status, body, outcome == ConnectorOutcome.Ok ? null : $"HTTP {status}: {Truncate(text)}", RetryAfter(response));
    }

    private static TimeSpan? RetryAfter(HttpResponseMessage response) =>
        response.Headers.RetryAfter?.Delta
        ?? (response.Headers.TryGetValues("Retry-After", out var values) && int.TryParse(values.FirstOrDefault(), NumberStyles.None, CultureInfo.InvariantCulture, out var s)
            ? TimeSpan.FromSeconds(s) : null);

    private static string Truncate(string text) => text.Length <= 300 ? text : text[..300];
}

/// <summary>What a Connector call came back with.</summary>
public sealed record ConnectorResponse(ConnectorOutcome Outcome, int Status, JsonObject? Body, string? Error, TimeSpan? RetryAfter = null)
{
    public bool Ok => Outcome == ConnectorOutcome.Ok;

    public string? Field(string name) => Body?[name] is JsonValue value && value.TryGetValue<string>(out var s) ? s : null;
}

public enum ConnectorOutcome
{
    Ok,
    /// <summary>Worth another try later (throttled, precondition, gateway, timeout).</summary>
    Transient,
    /// <summary>Retrying cannot help (bad request, not found, no token).</summary>
    Permanent,
}
