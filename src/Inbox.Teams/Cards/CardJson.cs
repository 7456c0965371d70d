using System.Text.Json;
using System.Text.Json.Nodes;

namespace Inbox.Teams.Cards;

/// <summary>Turns card values into the JSON Teams expects, with every element's and action's <c>type</c> written.</summary>
public static class CardJson
{
    /// <summary>The attachment content type of an Adaptive Card, also used in <c>adaptiveCard/action</c> invoke responses.</summary>
    public const string ContentType = "application/vnd.microsoft.card.adaptive";

    /// <summary>Read-only options; the model's own attributes carry the names and the null-omission, so any options work too.</summary>
    /// <remarks>
    /// The default encoder is kept on purpose: it writes pure ASCII (anything else as <c>\uXXXX</c>), the longest form
    /// any serializer would produce, so <see cref="ByteCount"/> is an upper bound however the card is sent later.
    /// </remarks>
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    public static JsonNode ToNode(AdaptiveCard card) => JsonSerializer.SerializeToNode(card, Options)!;

    public static string Serialize(AdaptiveCard card) => JsonSerializer.Serialize(card, Options);

    public static string Serialize(CardElement element) => JsonSerializer.Serialize(element, Options);

    public static string Serialize(CardAction action) => JsonSerializer.Serialize(action, Options);

    /// <summary>The card's size in bytes as <see cref="Serialize(AdaptiveCard)"/> writes it.</summary>
    public static int ByteCount(AdaptiveCard card) => JsonSerializer.SerializeToUtf8Bytes(card, Options).Length;

    /// <summary>The card as a Bot Framework attachment: <c>{"contentType": ..., "content": card}</c>.</summary>
    public static JsonObject Attachment(AdaptiveCard card) => new()
    {
        ["contentType"] = ContentType,
        ["content"] = ToNode(card),
    };

    /// <summary>Any value (an action's data) as a detached JSON element written with these options.</summary>
    public static JsonElement Data<T>(T value) => JsonSerializer.SerializeToElement(value, Options);

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
