using System.Text.Json.Serialization;

namespace Inbox.Teams.Cards;

/// <summary>A block of text. Its <c>text</c> is read as a Markdown subset: put customer text through <see cref="CardText"/> first.</summary>
public sealed record TextBlock : CardElement
{
    /// <param name="text">Markdown-ready text; an empty value is shown as <see cref="CardText.EmptyPlaceholder"/>.</param>
    /// <param name="wrap">Wraps long lines instead of clipping them; on by default because clipped customer text hides information.</param>
    public TextBlock(string text, bool wrap = true)
    {
        Text = string.IsNullOrEmpty(text) ? CardText.EmptyPlaceholder : text;
        Wrap = wrap;
    }

    [JsonPropertyName("text")]
    public string Text { get; init; }

    [JsonPropertyName("wrap")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool Wrap { get; init; }

    [JsonPropertyName("weight")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public TextWeight? Weight { get; init; }

    [JsonPropertyName("size")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public TextSize? Size { get; init; }

    [JsonPropertyName("color")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public TextColor? Color { get; init; }

    /// <summary>Draws the text slightly toned down.</summary>
    [JsonPropertyName("isSubtle")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool IsSubtle { get; init; }

    internal override CardElement MapTexts(Func<string, string> map) => this with { Text = map(Text) };
}
