using System.Text.Json.Serialization;

namespace Inbox.Slack.BlockKit;

/// <summary>A button: label (75), <c>action_id</c> (255), <c>value</c> (2,000) sent back on click, optional style, link and confirmation.</summary>
public sealed record ButtonElement : BlockElement
{
    public ButtonElement(string text, string actionId, string? value = null, ButtonStyle? style = null, string? url = null, ConfirmationDialog? confirm = null)
        : base(actionId)
    {
        Text = TextObject.Plain(text, SlackLimits.ButtonText);
        Value = SlackLimits.FitOptional(value, SlackLimits.ButtonValue);
        Style = style;
        // A cut URL would lead somewhere else; one that is too long is better left off.
        Url = url is { Length: <= SlackLimits.Url } ? url : null;
        Confirm = confirm;
    }

    [JsonPropertyName("text")]
    public TextObject Text { get; }

    [JsonPropertyName("value")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Value { get; }

    [JsonPropertyName("style")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public ButtonStyle? Style { get; }

    [JsonPropertyName("url")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Url { get; }

    [JsonPropertyName("confirm")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public ConfirmationDialog? Confirm { get; }
}
