using System.Text.Json;
using Inbox.Teams.Cards;

namespace Inbox.Teams.Tests.Cards;

/// <summary>Serializes card values the way they go to Teams and hands back the parsed JSON to assert on.</summary>
internal static class CardJsonReader
{
    public static JsonElement Of(AdaptiveCard card) => Parse(CardJson.Serialize(card));

    public static JsonElement Of(CardElement element) => Parse(CardJson.Serialize(element));

    public static JsonElement Of(CardAction action) => Parse(CardJson.Serialize(action));

    public static JsonElement Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }

    public static string[] SortedNames(this JsonElement element) =>
        element.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal).ToArray();

    public static string Str(this JsonElement element, string name) => element.GetProperty(name).GetString()!;

    public static List<JsonElement> Items(this JsonElement element, string name) => element.GetProperty(name).EnumerateArray().ToList();

    public static bool Has(this JsonElement element, string name) => element.TryGetProperty(name, out _);
}
