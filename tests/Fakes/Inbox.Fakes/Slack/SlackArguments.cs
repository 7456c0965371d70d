using System.Text.Json;
using System.Text.Json.Nodes;

namespace Inbox.Fakes.Slack;

/// <summary>The arguments one method reads, whichever way they arrived (JSON body, form fields, query string).</summary>
internal sealed class SlackArguments(JsonObject values)
{
    public static SlackArguments None { get; } = new([]);

    /// <summary>A non-empty argument as text, or null.</summary>
    public string? Text(string name) => TextOf(values[name]) is { Length: > 0 } text ? text : null;

    /// <summary>Slack's booleans: JSON true/false, or "true"/"false"/"1"/"0" in forms.</summary>
    public bool? Flag(string name) => values[name] switch
    {
        null => null,
        JsonValue value when value.TryGetValue<bool>(out var flag) => flag,
        var node => TextOf(node) switch
        {
            "true" or "1" => true,
            "false" or "0" => false,
            _ => null,
        },
    };

    /// <summary>
    /// An argument that carries JSON (<c>blocks</c>, <c>metadata</c>, <c>view</c>): inline in a JSON body,
    /// or a JSON-encoded string in a form. Throws <see cref="JsonException"/> when the string is not JSON.
    /// </summary>
    public JsonNode? Json(string name) => values[name] switch
    {
        null => null,
        JsonValue value when value.TryGetValue<string>(out var encoded) => encoded.Length == 0 ? null : JsonNode.Parse(encoded),
        var node => node.DeepClone(),
    };

    public static string? TextOf(JsonNode? node) => node switch
    {
        null => null,
        JsonValue value when value.TryGetValue<string>(out var text) => text,
        _ => node.ToJsonString(),
    };
}
