using System.Text.Json.Serialization;

namespace Inbox.Teams.Cards;

/// <summary>A button of a card; serialized with its <c>type</c> ("Action.Execute", "Action.ShowCard") first.</summary>
/// <remarks>As with <see cref="CardElement"/>, serialize through the base type so the <c>type</c> is written.</remarks>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type", UnknownDerivedTypeHandling = JsonUnknownDerivedTypeHandling.FailSerialization)]
[JsonDerivedType(typeof(ExecuteAction), "Action.Execute")]
[JsonDerivedType(typeof(ShowCardAction), "Action.ShowCard")]
public abstract record CardAction
{
    private protected CardAction(string title) => Title = title;

    /// <summary>The button label (plain text).</summary>
    [JsonPropertyName("title")]
    public string Title { get; init; }

    [JsonPropertyName("id")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Id { get; init; }

    [JsonPropertyName("style")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public ActionStyle? Style { get; init; }

    /// <summary>Secondary actions go to the overflow menu; Teams shows at most six buttons and moves the rest there anyway.</summary>
    [JsonPropertyName("mode")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public ActionMode? Mode { get; init; }

    /// <summary>This action with every text a person reads passed through <paramref name="map"/>; used by <see cref="CardSizeGuard"/>.</summary>
    internal virtual CardAction MapTexts(Func<string, string> map) => this;
}
