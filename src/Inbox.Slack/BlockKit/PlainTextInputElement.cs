using System.Text.Json.Serialization;

namespace Inbox.Slack.BlockKit;

/// <summary>A free-text field for an input block; one line, or a text area when <see cref="Multiline"/>.</summary>
public sealed record PlainTextInputElement : BlockElement
{
    public PlainTextInputElement(string actionId, string? placeholder = null, bool multiline = false, string? initialValue = null, int? maxLength = null)
        : base(actionId)
    {
        Placeholder = placeholder is null ? null : TextObject.Plain(placeholder, SlackLimits.Placeholder);
        Multiline = multiline;
        MaxLength = maxLength is { } max ? Math.Clamp(max, 1, SlackLimits.PlainTextInputLength) : null;
        InitialValue = SlackLimits.FitOptional(initialValue, MaxLength ?? SlackLimits.PlainTextInputLength);
    }

    [JsonPropertyName("placeholder")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public TextObject? Placeholder { get; }

    [JsonPropertyName("multiline")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool Multiline { get; }

    [JsonPropertyName("initial_value")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? InitialValue { get; }

    [JsonPropertyName("max_length")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? MaxLength { get; }
}
