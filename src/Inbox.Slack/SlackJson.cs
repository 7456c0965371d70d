using System.Text.Json.Nodes;

namespace Inbox.Slack;

/// <summary>Reading Slack's JSON payloads, where a field may be missing, null or of another type.</summary>
internal static class SlackJson
{
    /// <summary>The string value of a node, or null for anything else.</summary>
    public static string? Text(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var s) ? s : null;
}
