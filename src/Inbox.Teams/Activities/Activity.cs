using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Inbox.Teams.Activities;

/// <summary>The fields of a Bot Framework activity the bridge reads (Teams sends many more).</summary>
public sealed record Activity
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string? Type { get; init; }
    public string? Id { get; init; }
    public string? ServiceUrl { get; init; }
    public string? ChannelId { get; init; }
    public ChannelAccount? From { get; init; }
    public ConversationAccount? Conversation { get; init; }
    public ChannelAccount? Recipient { get; init; }
    public string? Text { get; init; }
    public string? ReplyToId { get; init; }
    /// <summary>An invoke's name, e.g. <c>adaptiveCard/action</c>.</summary>
    public string? Name { get; init; }
    public JsonNode? Value { get; init; }
    public JsonObject? ChannelData { get; init; }
    public JsonArray? Entities { get; init; }
    public IReadOnlyList<ChannelAccount>? MembersAdded { get; init; }
    public IReadOnlyList<ChannelAccount>? MembersRemoved { get; init; }

    /// <summary>Reads an activity; null when the body is not a JSON object with the shape of one.</summary>
    public static Activity? Parse(string body)
    {
        try
        {
            var activity = JsonSerializer.Deserialize<Activity>(body, Json);
            // The free-form parts are read lazily: a repeated property name or a broken string in them would only
            // throw when first touched, deep in a handler. Touching them all here makes such a body unreadable at once.
            if (activity is not null) ReadAll([activity.ChannelData, activity.Entities, activity.Value]);
            return activity;
        }
        catch (Exception error) when (error is JsonException or ArgumentException or InvalidOperationException)
        {
            return null;
        }
    }

    public string? TeamId => Read(At(ChannelData, "team", "id"));
    public string? TeamsChannelId => Read(At(ChannelData, "channel", "id"));
    public string? TenantId => Read(At(ChannelData, "tenant", "id")) ?? Conversation?.TenantId;
    public string? EventType => Read(At(ChannelData, "eventType"));

    /// <summary>In a personal (1:1) chat with the bot every message is meant for it; in a channel only mentions are.</summary>
    public bool IsPersonal => Conversation?.ConversationType == "personal";

    /// <summary>Whether the text mentions <paramref name="botId"/> (the activity's recipient).</summary>
    public bool Mentions(string botId) => Entities?.OfType<JsonObject>().Any(e =>
        Read(e["type"]) == "mention" && Read(At(e, "mentioned", "id")) is { } id
        && (id == botId || id.EndsWith(":" + botId, StringComparison.Ordinal))) == true;

    internal static string? Read(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var s) ? s : null;

    /// <summary>The node at <paramref name="path"/> below <paramref name="node"/>, or null where a step is missing or not an object.</summary>
    internal static JsonNode? At(JsonNode? node, params string[] path)
    {
        foreach (var name in path) node = (node as JsonObject)?[name];
        return node;
    }

    private static void ReadAll(IEnumerable<JsonNode?> nodes)
    {
        foreach (var node in nodes)
        {
            switch (node)
            {
                case JsonObject obj: ReadAll(obj.Select(p => p.Value)); break;
                case JsonArray array: ReadAll(array); break;
                case JsonValue value when value.GetValueKind() == JsonValueKind.String: value.GetValue<string>(); break;
            }
        }
    }
}

/// <summary>A user or bot in an activity: Teams id (29:... or 28:...), display name and Entra object id.</summary>
public sealed record ChannelAccount
{
    public string? Id { get; init; }
    public string? Name { get; init; }
    public string? AadObjectId { get; init; }
}

/// <summary>The conversation an activity belongs to: a channel thread, a personal chat or a group chat.</summary>
public sealed record ConversationAccount
{
    public string? Id { get; init; }
    public string? ConversationType { get; init; }
    public string? TenantId { get; init; }
    public bool? IsGroup { get; init; }
}
