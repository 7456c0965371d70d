using System.Text.Json;

namespace Inbox.Channels.Email.Outbound;

/// <summary>The outbox payload of a reply to send by email.</summary>
public sealed record ReplyPush(long ConversationId, long MessageId)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static ReplyPush? FromJson(string payload)
    {
        try { return JsonSerializer.Deserialize<ReplyPush>(payload, Json); }
        catch (JsonException) { return null; }
    }
}
