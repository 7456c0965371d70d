using System.Text.Json.Serialization;

namespace Inbox.Slack.BlockKit;

/// <summary>One choice in a select menu: plain-text label (75) and the value (150) sent back when chosen.</summary>
public sealed record Option
{
    public Option(string text, string value, string? description = null)
    {
        Text = TextObject.Plain(text, SlackLimits.OptionText);
        Value = SlackLimits.Fit(value, SlackLimits.OptionValue);
        Description = description is null ? null : TextObject.Plain(description, SlackLimits.OptionText);
    }

    [JsonPropertyName("text")]
    public TextObject Text { get; }

    [JsonPropertyName("value")]
    public string Value { get; }

    [JsonPropertyName("description")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public TextObject? Description { get; }
}
