using System.Text.Json.Serialization;

namespace Inbox.Teams.Cards;

/// <summary>The Teams-only part of a card (<c>msteams</c>): the people its text mentions, so Teams notifies them.</summary>
/// <remarks>A mention is <c>&lt;at&gt;Name&lt;/at&gt;</c> in a TextBlock plus an entity naming the user (Entra object id or 29: id).</remarks>
public sealed record CardTeamsExtras(
    [property: JsonPropertyName("entities")] IReadOnlyList<CardMention> Entities);

public sealed record CardMention(
    [property: JsonPropertyName("text")] string Text,
    [property: JsonPropertyName("mentioned")] CardMentioned Mentioned)
{
    [JsonPropertyName("type")]
    public string Type => "mention";

    public static CardMention Of(string name, string userId) => new($"<at>{name}</at>", new CardMentioned(userId, name));
}

public sealed record CardMentioned(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("name")] string Name);
