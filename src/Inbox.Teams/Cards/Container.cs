using System.Text.Json.Serialization;

namespace Inbox.Teams.Cards;

/// <summary>Groups elements, optionally on a styled background.</summary>
public sealed record Container : CardElement
{
    public Container(IEnumerable<CardElement> items, ContainerStyle? style = null)
    {
        Items = items.ToList();
        Style = style;
    }

    [JsonPropertyName("items")]
    public IReadOnlyList<CardElement> Items { get; init; }

    [JsonPropertyName("style")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public ContainerStyle? Style { get; init; }

    internal override CardElement MapTexts(Func<string, string> map) =>
        this with { Items = Items.Select(i => i.MapTexts(map)).ToList() };
}
