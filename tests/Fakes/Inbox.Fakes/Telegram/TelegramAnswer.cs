using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Inbox.Fakes.Telegram;

/// <summary>What the fake sends back: the Bot API's JSON envelope with the HTTP status equal to <c>error_code</c>, raw file bytes, or a proxy's plain text.</summary>
internal sealed record TelegramAnswer(int Status, JsonObject? Body, byte[]? Bytes = null, string? PlainText = null)
{
    public static TelegramAnswer Ok(JsonNode result) => new(StatusCodes.Status200OK, new JsonObject { ["ok"] = true, ["result"] = result });

    public static TelegramAnswer Error(int code, string description, JsonObject? parameters = null)
    {
        var body = new JsonObject { ["ok"] = false, ["error_code"] = code, ["description"] = description };
        if (parameters is not null) body["parameters"] = parameters;
        return new TelegramAnswer(code, body);
    }

    public static TelegramAnswer BadRequest(string what) => Error(400, "Bad Request: " + what);

    public static TelegramAnswer Unauthorized { get; } = Error(401, "Unauthorized");

    public static TelegramAnswer NotFound { get; } = Error(404, "Not Found");

    public static TelegramAnswer TooManyRequests(int retryAfter) =>
        Error(429, $"Too Many Requests: retry after {retryAfter}", new JsonObject { ["retry_after"] = retryAfter });

    public static TelegramAnswer File(byte[] content) => new(StatusCodes.Status200OK, null, content);

    public static TelegramAnswer BadGateway { get; } = new(StatusCodes.Status502BadGateway, null, PlainText: "<html><body>502 Bad Gateway</body></html>");

    public async Task WriteAsync(HttpResponse response, CancellationToken cancellationToken)
    {
        response.StatusCode = Status;
        if (Bytes is not null)
        {
            response.ContentType = "application/octet-stream";
            await response.Body.WriteAsync(Bytes, cancellationToken);
            return;
        }
        if (Body is null)
        {
            response.ContentType = "text/html";
            await response.WriteAsync(PlainText ?? "", cancellationToken);
            return;
        }
        response.ContentType = "application/json";
        await response.WriteAsync(Body.ToJsonString(), cancellationToken);
    }
}
