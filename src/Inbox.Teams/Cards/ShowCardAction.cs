using System.Text.Json.Serialization;

namespace Inbox.Teams.Cards;

/// <summary>A button that unfolds a nested card under the card (e.g. a small form); the nested card's own actions do the work.</summary>
public sealed record ShowCardAction : CardAction
{
    public ShowCardAction(string title, AdaptiveCard card) : base(title) => Card = card;

    [JsonPropertyName("card")]
    public AdaptiveCard Card { get; init; }

    internal override CardAction MapTexts(Func<string, string> map) => this with { Card = Card.MapTexts(map) };
}
