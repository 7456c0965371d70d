using System.Text.Json.Serialization;

namespace Inbox.Teams.Cards;

/// <summary>One element of a card's body; serialized with its <c>type</c> ("TextBlock", "FactSet", ...) first.</summary>
/// <remarks>Serialize elements through <see cref="CardElement"/> (a card, a list of elements, or <see cref="CardJson"/>):
/// a value typed as a derived element on its own carries no <c>type</c>.</remarks>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type", UnknownDerivedTypeHandling = JsonUnknownDerivedTypeHandling.FailSerialization)]
[JsonDerivedType(typeof(TextBlock), "TextBlock")]
[JsonDerivedType(typeof(FactSet), "FactSet")]
[JsonDerivedType(typeof(Container), "Container")]
[JsonDerivedType(typeof(InputChoiceSet), "Input.ChoiceSet")]
[JsonDerivedType(typeof(InputText), "Input.Text")]
public abstract record CardElement
{
    private protected CardElement() { }

    /// <summary>Optional for display elements; inputs require one (it names their value in the submitted data).</summary>
    [JsonPropertyName("id")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Id { get; init; }

    [JsonPropertyName("spacing")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public CardSpacing? Spacing { get; init; }

    /// <summary>Draws a thin line above the element.</summary>
    [JsonPropertyName("separator")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool Separator { get; init; }

    /// <summary>This element with every text a person reads passed through <paramref name="map"/>; used by <see cref="CardSizeGuard"/>.</summary>
    internal abstract CardElement MapTexts(Func<string, string> map);
}
