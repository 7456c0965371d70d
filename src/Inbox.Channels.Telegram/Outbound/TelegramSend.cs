using System.Text.Json;

namespace Inbox.Channels.Telegram.Outbound;

/// <summary>The outbox payload of one sendMessage: the chat, and one part of a reply already rendered as Telegram HTML.</summary>
public sealed record TelegramSend(long ChatId, string Html, long ConversationId, int Part = 0, int Parts = 1)
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static TelegramSend? FromJson(string json)
    {
        try { return JsonSerializer.Deserialize<TelegramSend>(json, Json); }
        catch (JsonException) { return null; }
    }
}
