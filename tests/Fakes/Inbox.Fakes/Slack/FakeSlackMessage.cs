using System.Text.Json.Nodes;

namespace Inbox.Fakes.Slack;

/// <summary>A message as the fake workspace holds it now (a snapshot: later updates do not change it).</summary>
/// <param name="ThreadTs">The root's ts for a thread reply; null for a top-level message.</param>
/// <param name="BlocksJson">The current blocks as a JSON array, or null when the message has none.</param>
/// <param name="Metadata">The message metadata (<c>event_type</c>, <c>event_payload</c>) if any was posted.</param>
/// <param name="UnfurlLinks">The <c>unfurl_links</c> argument as posted, or null if it was not sent.</param>
/// <param name="Edits">Earlier versions replaced by <c>chat.update</c>, oldest first.</param>
public sealed record FakeSlackMessage(
    string Channel,
    string Ts,
    string? ThreadTs,
    string? Text,
    string? BlocksJson,
    JsonObject? Metadata,
    bool? UnfurlLinks,
    DateTimeOffset PostedAt,
    IReadOnlyList<FakeSlackEdit> Edits)
{
    public bool IsThreadReply => ThreadTs is not null && ThreadTs != Ts;

    /// <summary>The current blocks parsed, or null.</summary>
    public JsonArray? Blocks => BlocksJson is null ? null : JsonNode.Parse(BlocksJson) as JsonArray;
}

/// <summary>A version of a message before a <c>chat.update</c> replaced it.</summary>
public sealed record FakeSlackEdit(string? Text, string? BlocksJson, DateTimeOffset ReplacedAt);

/// <summary>A view opened (<c>views.open</c>) or published (<c>views.publish</c>) through the fake.</summary>
/// <param name="Method"><c>views.open</c> or <c>views.publish</c>.</param>
/// <param name="Target">The <c>trigger_id</c> for a modal, the <c>user_id</c> for a Home tab.</param>
public sealed record FakeSlackView(string Id, string Method, string Target, JsonObject View);
