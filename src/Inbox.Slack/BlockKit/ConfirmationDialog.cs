using System.Text.Json.Serialization;

namespace Inbox.Slack.BlockKit;

/// <summary>An "are you sure?" dialog shown before an element's action is sent: title (100), text (300), two button labels (30).</summary>
public sealed record ConfirmationDialog
{
    public ConfirmationDialog(string title, TextObject text, string confirm = "Confirm", string deny = "Cancel", ButtonStyle? style = null)
    {
        Title = TextObject.Plain(title, SlackLimits.ConfirmTitle);
        Text = text.FittedTo(SlackLimits.ConfirmText);
        Confirm = TextObject.Plain(confirm, SlackLimits.ConfirmButton);
        Deny = TextObject.Plain(deny, SlackLimits.ConfirmButton);
        Style = style;
    }

    [JsonPropertyName("title")]
    public TextObject Title { get; }

    [JsonPropertyName("text")]
    public TextObject Text { get; }

    [JsonPropertyName("confirm")]
    public TextObject Confirm { get; }

    [JsonPropertyName("deny")]
    public TextObject Deny { get; }

    [JsonPropertyName("style")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public ButtonStyle? Style { get; }
}
