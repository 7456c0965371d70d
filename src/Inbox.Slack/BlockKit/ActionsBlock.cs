using System.Text.Json.Serialization;

namespace Inbox.Slack.BlockKit;

/// <summary>A row of interactive elements (buttons, selects); at most 25.</summary>
public sealed record ActionsBlock : Block
{
    public ActionsBlock(IEnumerable<BlockElement> elements, string? blockId = null) : base(blockId) =>
        Elements = elements.Take(SlackLimits.ActionsElements).ToList();

    [JsonPropertyName("elements")]
    public IReadOnlyList<BlockElement> Elements { get; }
}
