using System.Text.Json;
using System.Text.Json.Nodes;

namespace Inbox.Teams.Mirroring;

/// <summary>What a Teams outbox message asks for.</summary>
public enum TeamsPushKind
{
    /// <summary>Start the conversation's thread with its card.</summary>
    Root,
    /// <summary>Post a message of the conversation into its thread.</summary>
    Message,
    /// <summary>Redraw the thread's root card in place.</summary>
    RootUpdate,
    /// <summary>Answer a command where it was typed.</summary>
    Answer,
    /// <summary>Start the thread again in <see cref="TeamsPush.Channel"/>, linked to the old one, whose card is redrawn as moved.</summary>
    Move,
    /// <summary>Tell one operator something in their personal chat with the bot (Teams has no private messages in a channel).</summary>
    Private,
}

/// <summary>The payload of a Teams outbox message. Cards are rendered at delivery time, except a command's answer, which is rendered when it is run.</summary>
public sealed record TeamsPush(
    TeamsPushKind Kind,
    long ConversationId = 0,
    long? MessageId = null,
    string? ServiceUrl = null,
    string? ReplyConversationId = null,
    string? ReplyToId = null,
    JsonObject? Card = null,
    string? Channel = null,
    string? UserId = null,
    string? TenantId = null)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static TeamsPush? FromJson(string json)
    {
        try { return JsonSerializer.Deserialize<TeamsPush>(json, Json); }
        catch (JsonException) { return null; }
    }
}
