using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Inbox.Fakes.Telegram;

/// <summary>A method's arguments as the Bot API takes them: query string, JSON, URL-encoded form or multipart form, all alike.</summary>
internal sealed class TelegramArguments(JsonObject values, string? parseError)
{
    public JsonObject Values => values;

    /// <summary>Set when a JSON body could not be read; Telegram answers 400 to that.</summary>
    public string? ParseError => parseError;

    public static async Task<TelegramArguments> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var values = new JsonObject();
        foreach (var (name, value) in request.Query) values[name] = value.ToString();
        if (!HttpMethods.IsPost(request.Method)) return new TelegramArguments(values, null);

        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(cancellationToken);
            foreach (var (name, value) in form) values[name] = value.ToString();
            return new TelegramArguments(values, null);
        }
        if (request.ContentType?.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) == true)
        {
            using var reader = new StreamReader(request.Body);
            var body = await reader.ReadToEndAsync(cancellationToken);
            try
            {
                if (JsonNode.Parse(body) is not JsonObject json) return new TelegramArguments(values, "can't parse JSON object");
                foreach (var (name, value) in json.ToArray())
                {
                    json.Remove(name);
                    values[name] = value;
                }
            }
            catch (JsonException)
            {
                return new TelegramArguments(values, "can't parse JSON object");
            }
        }
        return new TelegramArguments(values, null);
    }

    public string? Text(string name) => TextOf(values[name]);

    /// <summary>An integer argument, given as a JSON number or as digits in a string (as forms send it).</summary>
    public long? Long(string name) =>
        values[name] is JsonValue value && (value.TryGetValue<long>(out var number)
            || value.TryGetValue<string>(out var text) && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out number))
            ? number
            : null;

    public static string? TextOf(JsonNode? node) => node switch
    {
        null => null,
        JsonValue value when value.TryGetValue<string>(out var text) => text,
        _ => node.ToJsonString(),
    };
}
