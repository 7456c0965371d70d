using System.Net;
using System.Text.Json.Nodes;

namespace Inbox.Teams.Inbound;

/// <summary>Takes the bot's own @mention out of a channel message's text, using the activity's mention entities.</summary>
/// <remarks>
/// In a channel Teams delivers "&lt;at&gt;Inbox&lt;/at&gt; hello": the mention entity says exactly which text stands for the
/// bot, so only that is removed and mentions of people stay (as their names).
/// </remarks>
public static class MentionText
{
    public static string StripBotMention(string? text, JsonArray? entities, string botId)
    {
        var result = text ?? "";
        foreach (var entity in entities?.OfType<JsonObject>() ?? [])
        {
            if (Text(entity["type"]) != "mention" || Text(entity["text"]) is not { Length: > 0 } mention) continue;
            var mentionedId = Text((entity["mentioned"] as JsonObject)?["id"]);
            var isBot = mentionedId is not null && (mentionedId == botId || mentionedId.EndsWith(":" + botId, StringComparison.Ordinal));
            result = isBot
                ? result.Replace(mention, "", StringComparison.Ordinal)
                : result.Replace(mention, "@" + StripTags(mention), StringComparison.Ordinal);
        }
        return WebUtility.HtmlDecode(string.Join(' ', result.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)));
    }

    private static string StripTags(string mention) => mention.Replace("<at>", "", StringComparison.Ordinal).Replace("</at>", "", StringComparison.Ordinal);

    private static string? Text(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var s) ? s : null;
}
