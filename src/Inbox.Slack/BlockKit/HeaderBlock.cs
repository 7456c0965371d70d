using System.Text.Json.Serialization;

namespace Inbox.Slack.BlockKit;

/// <summary>Large bold plain text (150 characters at most); mrkdwn is not allowed here.</summary>
public sealed record HeaderBlock : Block
{
    public HeaderBlock(string text, string? blockId = null) : base(blockId) =>
        Text = TextObject.Plain(text, SlackLimits.HeaderText);

    [JsonPropertyName("text")]
    public TextObject Text { get; }
}
