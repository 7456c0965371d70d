using System.Text.Json.Serialization;

namespace Inbox.Teams.Cards;

/// <summary>Name/value pairs shown as a two-column table. Teams reads both columns as Markdown, like a <see cref="TextBlock"/>.</summary>
public sealed record FactSet : CardElement
{
    public FactSet(IEnumerable<Fact> facts) => Facts = facts.ToList();

    [JsonPropertyName("facts")]
    public IReadOnlyList<Fact> Facts { get; init; }

    internal override CardElement MapTexts(Func<string, string> map) =>
        this with { Facts = Facts.Select(f => new Fact(map(f.Title), map(f.Value))).ToList() };
}

/// <summary>One row of a <see cref="FactSet"/>.</summary>
public sealed record Fact(
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("value")] string Value);
