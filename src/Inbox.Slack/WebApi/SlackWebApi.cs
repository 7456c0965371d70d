using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Inbox.Slack.WebApi;

/// <summary>Calls Slack Web API methods: JSON body, bot token, and Slack's <c>{"ok":...}</c> answers turned into <see cref="SlackApiResponse"/>.</summary>
/// <remarks>Never throws for Slack's or the network's failures: callers (the outbox) decide from the outcome whether to retry.</remarks>
public sealed class SlackWebApi(HttpClient http, IOptions<SlackOptions> options, ILogger<SlackWebApi> logger)
{
    // Errors Slack documents as worth another try; every other ok:false is final.
    private static readonly HashSet<string> TransientErrors = new(StringComparer.Ordinal)
    {
        "internal_error", "fatal_error", "service_unavailable", "request_timeout", "team_added_to_org",
    };

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>Calls <paramref name="method"/> (e.g. "chat.postMessage") with <paramref name="arguments"/> serialized as its JSON body.</summary>
    public Task<SlackApiResponse> CallAsync(string method, object arguments, CancellationToken cancellationToken) =>
        SendAsync(method, JsonContent.Create(arguments, arguments.GetType(), new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" }, Json), cancellationToken);

    /// <summary>Calls a method that reads only form-encoded arguments (users.info, conversations.info, chat.getPermalink).</summary>
    public Task<SlackApiResponse> CallFormAsync(string method, IReadOnlyDictionary<string, string> arguments, CancellationToken cancellationToken) =>
        SendAsync(method, new FormUrlEncodedContent(arguments), cancellationToken);

    private async Task<SlackApiResponse> SendAsync(string method, HttpContent content, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(options.Value.ApiBaseUrl, method)) { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", options.Value.BotToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Value.RequestTimeout);
        try
        {
            using var response = await http.SendAsync(request, timeout.Token);
            return await ReadAsync(method, response, timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new SlackApiResponse(SlackOutcome.Transient, $"timed out after {options.Value.RequestTimeout}", null);
        }
        catch (HttpRequestException error)
        {
            return new SlackApiResponse(SlackOutcome.Transient, error.Message, null);
        }
    }

    /// <summary>Posts a late answer to a slash command's response_url (only to Slack's hooks host, or the configured API host).</summary>
    public async Task<bool> RespondAsync(Uri responseUrl, object message, CancellationToken cancellationToken)
    {
        var allowed = responseUrl.Scheme == Uri.UriSchemeHttps && responseUrl.Host == "hooks.slack.com"
            || responseUrl.Host == options.Value.ApiBaseUrl.Host && responseUrl.Port == options.Value.ApiBaseUrl.Port;
        if (!allowed)
        {
            logger.LogWarning("Refused to answer to response_url on {Host}: not a Slack address", responseUrl.Host);
            return false;
        }
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Value.RequestTimeout);
        // An answer that cannot be shown is not worth failing what was already done (an Undo committed, a command run).
        try
        {
            using var response = await http.PostAsJsonAsync(responseUrl, message, Json, timeout.Token);
            if (!response.IsSuccessStatusCode) logger.LogWarning("Slack did not take the answer to a response_url: HTTP {Status}", (int)response.StatusCode);
            return response.IsSuccessStatusCode;
        }
        catch (Exception error) when (error is HttpRequestException || (error is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            logger.LogWarning("Slack could not be given the answer to a response_url: {Reason}", error.Message);
            return false;
        }
    }

    public async Task<SlackApiResponse> PostMessageAsync(SlackPost post, CancellationToken cancellationToken) =>
        await CallAsync("chat.postMessage", post, cancellationToken);

    public async Task<SlackApiResponse> UpdateMessageAsync(SlackUpdate update, CancellationToken cancellationToken) =>
        await CallAsync("chat.update", update, cancellationToken);

    /// <summary>A workspace member's real name and email (needs users:read and users:read.email).</summary>
    public async Task<SlackUser?> UserAsync(string userId, CancellationToken cancellationToken)
    {
        var answer = await CallFormAsync("users.info", new Dictionary<string, string> { ["user"] = userId }, cancellationToken);
        if (!answer.Ok || answer.Body?["user"] is not JsonObject user) return null;
        var profile = user["profile"] as JsonObject;
        string? Text(JsonNode? node) => node?.GetValue<string>() is { Length: > 0 } s ? s : null;
        return new SlackUser(
            userId,
            Text(profile?["real_name"]) ?? Text(user["real_name"]) ?? Text(profile?["display_name"]) ?? Text(user["name"]) ?? userId,
            Text(profile?["email"]),
            user["is_bot"]?.GetValue<bool>() ?? false,
            Text(profile?["image_192"]) ?? Text(profile?["image_72"]));
    }

    private async Task<SlackApiResponse> ReadAsync(string method, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.StatusCode == HttpStatusCode.TooManyRequests)
            return new SlackApiResponse(SlackOutcome.RateLimited, "ratelimited", null, RetryAfter(response) ?? TimeSpan.FromSeconds(1));
        if ((int)response.StatusCode >= 500)
            return new SlackApiResponse(SlackOutcome.Transient, $"HTTP {(int)response.StatusCode}", null, RetryAfter(response));
        if (!response.IsSuccessStatusCode)
            return new SlackApiResponse(SlackOutcome.Permanent, $"HTTP {(int)response.StatusCode}", null);

        JsonObject? body;
        try { body = await response.Content.ReadFromJsonAsync<JsonObject>(cancellationToken); }
        catch (JsonException) { return new SlackApiResponse(SlackOutcome.Transient, "the answer was not JSON", null); }
        if (body?["ok"]?.GetValue<bool>() == true) return new SlackApiResponse(SlackOutcome.Ok, null, body);

        var error = body?["error"]?.GetValue<string>() ?? "unknown_error";
        logger.LogWarning("Slack {Method} failed: {Error}", method, error);
        var outcome = error == "ratelimited" ? SlackOutcome.RateLimited
            : TransientErrors.Contains(error) ? SlackOutcome.Transient
            : SlackOutcome.Permanent;
        return new SlackApiResponse(outcome, error, body, RetryAfter(response));
    }

    private static TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        if (response.Headers.RetryAfter?.Delta is { } delta) return delta;
        return response.Headers.TryGetValues("Retry-After", out var values)
            && int.TryParse(values.FirstOrDefault(), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            ? TimeSpan.FromSeconds(seconds)
            : null;
    }
}

/// <summary>Arguments of chat.postMessage.</summary>
public sealed record SlackPost(
    [property: JsonPropertyName("channel")] string Channel,
    [property: JsonPropertyName("text")] string Text,
    [property: JsonPropertyName("blocks")] JsonNode? Blocks = null,
    [property: JsonPropertyName("thread_ts")] string? ThreadTs = null,
    [property: JsonPropertyName("metadata")] SlackMetadata? Metadata = null,
    [property: JsonPropertyName("unfurl_links")] bool UnfurlLinks = false,
    [property: JsonPropertyName("unfurl_media")] bool UnfurlMedia = false);

/// <summary>Arguments of chat.update.</summary>
public sealed record SlackUpdate(
    [property: JsonPropertyName("channel")] string Channel,
    [property: JsonPropertyName("ts")] string Ts,
    [property: JsonPropertyName("text")] string Text,
    [property: JsonPropertyName("blocks")] JsonNode? Blocks = null);

/// <summary>Message metadata: tags a post with the conversation it belongs to.</summary>
public sealed record SlackMetadata(
    [property: JsonPropertyName("event_type")] string EventType,
    [property: JsonPropertyName("event_payload")] JsonObject EventPayload);

/// <summary>What users.info tells about a member; <paramref name="ImageUrl"/> is their profile picture (192 px).</summary>
public sealed record SlackUser(string Id, string RealName, string? Email, bool IsBot, string? ImageUrl = null);
