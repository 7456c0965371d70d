using System.Text.Json;
using System.Text.Json.Serialization;

namespace Inbox.Teams.Cards;

/// <summary>
/// Universal Actions' <c>Action.Execute</c> (schema 1.4+): the client sends the bot an <c>adaptiveCard/action</c> invoke
/// carrying <see cref="Verb"/> and <see cref="Data"/> merged with the values of the card's inputs (and a parent card's,
/// when the action sits in a shown card); the bot may answer with a new card that replaces this one in place.
/// </summary>
public sealed record ExecuteAction : CardAction
{
    public ExecuteAction(string title, string verb, JsonElement? data = null) : base(title)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(verb);
        Verb = verb;
        Data = data;
    }

    [JsonPropertyName("verb")]
    public string Verb { get; init; }

    /// <summary>A JSON object (or string) sent back untouched; input values are added to an object under their ids.</summary>
    [JsonPropertyName("data")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public JsonElement? Data { get; init; }
}
