using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Inbox.Fakes.BotFramework;

/// <summary>What the fake sends back: a JSON body with a status, or an HTTP-level failure in plain text.</summary>
internal sealed record BotAnswer(int Status, JsonNode? Body, TimeSpan? RetryAfter = null, string? PlainText = null)
{
    public static BotAnswer Json(int status, JsonNode body) => new(status, body);

    /// <summary>The Connector's ErrorResponse: <c>{"error":{"code","message"}}</c>.</summary>
    public static BotAnswer ConnectorError(int status, string code, string message) =>
        new(status, new JsonObject { ["error"] = new JsonObject { ["code"] = code, ["message"] = message } });

    /// <summary>The Connector's answer to a missing or unacceptable bearer token.</summary>
    public static BotAnswer Unauthorized() =>
        new(StatusCodes.Status401Unauthorized, new JsonObject { ["message"] = "Authorization has been denied for this request." });

    public static BotAnswer TooManyRequests(TimeSpan? retryAfter) =>
        new(StatusCodes.Status429TooManyRequests,
            new JsonObject { ["error"] = new JsonObject { ["code"] = "TooManyRequests", ["message"] = "Too many requests; slow down." } },
            retryAfter);

    public static BotAnswer Failure(int status) => status switch
    {
        StatusCodes.Status412PreconditionFailed => ConnectorError(status, "PreconditionFailed", "The service could not complete the request; try again."),
        StatusCodes.Status502BadGateway => new(status, null, PlainText: "Bad Gateway"),
        StatusCodes.Status504GatewayTimeout => new(status, null, PlainText: "Gateway Timeout"),
        _ => new(status, null, PlainText: ""),
    };

    public async Task WriteAsync(HttpResponse response, CancellationToken cancellationToken)
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
        response.ContentType = "application/json; charset=utf-8";
        await response.WriteAsync(Body.ToJsonString(), cancellationToken);
    }
}
