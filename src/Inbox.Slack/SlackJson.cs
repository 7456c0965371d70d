using System.Text.Json;
using System.Text.Json.Nodes;

namespace Inbox.Slack;

/// <summary>Reading Slack's JSON payloads, where a field may be missing, null or of another type.</summary>
internal static class SlackJson
{
    /// <summary>The string value of a node, or null for anything else.</summary>
    public static string? Text(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var s) ? s : null;

    /// <summary>The node at <paramref name="path"/> below <paramref name="node"/>, or null where a step is missing or not an object.</summary>
    public static JsonNode? At(JsonNode? node, params string[] path)
    {
        foreach (var name in path) node = (node as JsonObject)?[name];
        return node;
    }

    /// <summary>A payload read in full as a JSON object, or null when it is not one.</summary>
    /// <remarks>
    /// JsonNode reads lazily: a repeated property name or invalid UTF-8 in a string would only throw when that part is
    /// first touched, deep in a handler. Touching every part here turns such a payload into a plain refusal.
    /// </remarks>
    public static JsonObject? ParseObject(ReadOnlySpan<byte> utf8Json)
    {
        try
        {
            var node = JsonNode.Parse(utf8Json) as JsonObject;
            ReadAll(node);
            return node;
        }
        catch (Exception error) when (error is JsonException or ArgumentException or InvalidOperationException)
        {
            return null;
        }
    }

    public static JsonObject? ParseObject(string? json) =>
        string.IsNullOrEmpty(json) ? null : ParseObject(System.Text.Encoding.UTF8.GetBytes(json));

    private static void ReadAll(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (_, child) in obj) ReadAll(child);
                break;
            case JsonArray array:
                foreach (var child in array) ReadAll(child);
                break;
            case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                value.GetValue<string>();
                break;
        }
    }
}
