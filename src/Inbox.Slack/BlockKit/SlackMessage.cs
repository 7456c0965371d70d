using System.Text.Json.Serialization;

namespace Inbox.Slack.BlockKit;

/// <summary>What a message shows: the blocks (50 at most) and the mrkdwn <c>text</c> used in notifications and as fallback.</summary>
/// <remarks>Both are ready to send: the renderers have escaped every customer-provided string in them.</remarks>
public sealed record SlackMessage(string Text, IReadOnlyList<Block> Blocks)
{
    [JsonPropertyName("text")]
    public string Text { get; } = SlackLimits.Fit(string.IsNullOrEmpty(Text) ? TextObject.EmptyPlaceholder : Text, SlackLimits.MessageText);

    [JsonPropertyName("blocks")]
    public IReadOnlyList<Block> Blocks { get; } = SlackLimits.FitBlocks(Blocks, SlackLimits.MessageBlocks);
}
