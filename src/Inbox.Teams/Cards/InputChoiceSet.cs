using System.Text.Json.Serialization;

namespace Inbox.Teams.Cards;

/// <summary>A pick list; the chosen choice's <see cref="InputChoice.Value"/> is submitted under the input's id.</summary>
/// <remarks>Choice titles are shown as they are (clients do not read Markdown there), so they need no escaping.</remarks>
public sealed record InputChoiceSet : CardInput
{
    public InputChoiceSet(string id, IEnumerable<InputChoice> choices, string? placeholder = null) : base(id)
    {
        Choices = choices.ToList();
        Placeholder = placeholder;
    }

    [JsonPropertyName("choices")]
    public IReadOnlyList<InputChoice> Choices { get; init; }

    /// <summary>Shown while nothing is chosen, for the compact single-select style only.</summary>
    [JsonPropertyName("placeholder")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Placeholder { get; init; }

    [JsonPropertyName("style")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public ChoiceInputStyle? Style { get; init; }

    /// <summary>The value chosen initially.</summary>
    [JsonPropertyName("value")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Value { get; init; }

    internal override CardElement MapTexts(Func<string, string> map) =>
        this with { Choices = Choices.Select(c => c with { Title = map(c.Title) }).ToList() };
}

/// <summary>One entry of an <see cref="InputChoiceSet"/>: the title people see and the value the bot receives.</summary>
/// <remarks>Keep commas out of values: a multi-select set submits its values joined with commas.</remarks>
public sealed record InputChoice(
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("value")] string Value);

/// <summary>How an <see cref="InputChoiceSet"/> is drawn: a drop-down (compact, the default), radio buttons (expanded) or a type-ahead list (filtered, 1.5).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ChoiceInputStyle>))]
public enum ChoiceInputStyle
{
    [JsonStringEnumMemberName("compact")] Compact,
    [JsonStringEnumMemberName("expanded")] Expanded,
    [JsonStringEnumMemberName("filtered")] Filtered,
}
