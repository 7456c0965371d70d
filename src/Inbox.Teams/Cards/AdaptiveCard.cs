using System.Text.Json.Serialization;

namespace Inbox.Teams.Cards;

/// <summary>An Adaptive Card (schema 1.5, the version that carries Universal Actions in Teams): body, actions and an optional refresh.</summary>
/// <remarks>A card sent to Teams must say its version; a card nested in <see cref="ShowCardAction"/> need not (<see cref="Nested"/>).</remarks>
public sealed record AdaptiveCard
{
    public const string SchemaUrl = "http://adaptivecards.io/schemas/adaptive-card.json";

    /// <summary>Teams runs <c>Action.Execute</c> and <c>refresh</c> only on cards of version 1.5 or later.</summary>
    public const string CurrentVersion = "1.5";

    public AdaptiveCard(IEnumerable<CardElement> body, IEnumerable<CardAction>? actions = null, CardRefresh? refresh = null)
    {
        Body = body.ToList();
        var all = actions?.ToList();
        Actions = all is { Count: > 0 } ? all : null;
        Refresh = refresh;
    }

    /// <summary>A card for <see cref="ShowCardAction"/>: no <c>$schema</c> or <c>version</c>, which only the top-level card needs.</summary>
    public static AdaptiveCard Nested(IEnumerable<CardElement> body, IEnumerable<CardAction>? actions = null) =>
        new(body, actions) { Schema = null, Version = null };

    [JsonPropertyName("type")]
    public string Type => "AdaptiveCard";

    [JsonPropertyName("$schema")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Schema { get; init; } = SchemaUrl;

    [JsonPropertyName("version")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Version { get; init; } = CurrentVersion;

    [JsonPropertyName("body")]
    public IReadOnlyList<CardElement> Body { get; init; }

    [JsonPropertyName("actions")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<CardAction>? Actions { get; init; }

    [JsonPropertyName("refresh")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public CardRefresh? Refresh { get; init; }

    /// <summary>Teams' own additions (mentions).</summary>
    [JsonPropertyName("msteams")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public CardTeamsExtras? Teams { get; init; }

    /// <summary>This card with every text a person reads passed through <paramref name="map"/>; used by <see cref="CardSizeGuard"/>.</summary>
    internal AdaptiveCard MapTexts(Func<string, string> map) => this with
    {
        Body = Body.Select(e => e.MapTexts(map)).ToList(),
        Actions = Actions?.Select(a => a.MapTexts(map)).ToList(),
    };
}

/// <summary>
/// How Teams asks the bot for a fresh copy of the card: it runs <see cref="Action"/> (an <c>Action.Execute</c>) when
/// the card is shown and puts the answer in its place.
/// </summary>
/// <remarks>
/// <see cref="UserIds"/> are Teams user MRIs (<c>29:…</c>). In chats and channels with more than 60 members only
/// those users get the automatic refresh; the others refresh by hand.
/// </remarks>
public sealed record CardRefresh
{
    public CardRefresh(ExecuteAction action, IEnumerable<string>? userIds = null)
    {
        Action = action;
        var ids = userIds?.ToList();
        UserIds = ids is { Count: > 0 } ? ids : null;
    }

    // Typed as the base so the serializer writes "type": "Action.Execute", which the schema requires here too.
    [JsonPropertyName("action")]
    public CardAction Action { get; }

    [JsonPropertyName("userIds")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? UserIds { get; }
}
