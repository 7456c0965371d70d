using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Inbox.Fakes.Slack;

/// <summary>What the fake sends back: Slack's JSON envelope, or an HTTP-level failure.</summary>
internal sealed record SlackAnswer(int Status, JsonObject? Body, TimeSpan? RetryAfter = null, string? PlainText = null)
{
    public static SlackAnswer Ok(JsonObject fields)
    {
        var body = new JsonObject { ["ok"] = true };
        foreach (var (name, value) in fields.ToArray())
        {
            fields.Remove(name);
            body[name] = value;
        }
        return new SlackAnswer(StatusCodes.Status200OK, body);
    }

    public static SlackAnswer Error(string error, JsonObject? extra = null)
    {
        var body = new JsonObject { ["ok"] = false, ["error"] = error };
        foreach (var (name, value) in extra?.ToArray() ?? [])
        {
            extra!.Remove(name);
            body[name] = value;
        }
        return new SlackAnswer(StatusCodes.Status200OK, body);
    }

    /// <summary>HTTP 429; Slack's Retry-After is whole seconds, so a part-second wait rounds up (never 0).</summary>
    public static SlackAnswer RateLimited(TimeSpan retryAfter) =>
        new(StatusCodes.Status429TooManyRequests, new JsonObject { ["ok"] = false, ["error"] = "ratelimited" }, retryAfter);

    public static SlackAnswer ServerError(int status = StatusCodes.Status500InternalServerError) =>
        new(status, null, PlainText: status == StatusCodes.Status502BadGateway ? "Bad Gateway" : "Internal Server Error");

    public async Task WriteAsync(HttpResponse response, IReadOnlyList<string> warnings, CancellationToken cancellationToken)
    {
        response.StatusCode = Status;
        if (RetryAfter is { } wait)
            response.Headers.RetryAfter = Math.Max(1, (long)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        if (Body is null)
        {
            response.ContentType = "text/plain; charset=utf-8";
            await response.WriteAsync(PlainText ?? "", cancellationToken);
            return;
        }

        if (warnings.Count > 0 && Status == StatusCodes.Status200OK)
        {
            Body["warning"] = string.Join(',', warnings);
            Body["response_metadata"] = new JsonObject { ["warnings"] = new JsonArray(warnings.Select(w => (JsonNode?)w).ToArray()) };
        }
        response.ContentType = "application/json; charset=utf-8";
        await response.WriteAsync(Body.ToJsonString(), cancellationToken);
    }
}
