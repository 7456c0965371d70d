using System.Text.Json.Serialization;

namespace Inbox.Slack.BlockKit;

/// <summary>A line of small grey text pieces (at most 10).</summary>
public sealed record ContextBlock : Block
{
    public ContextBlock(IEnumerable<TextObject> elements, string? blockId = null) : base(blockId)
    {
        var all = elements.ToList();
        if (all.Count == 0) all.Add(TextObject.Plain(null));
        if (all.Count > SlackLimits.ContextElements)
            all = [.. all.Take(SlackLimits.ContextElements - 1), TextObject.Plain(SlackLimits.Ellipsis)];
        Elements = all;
    }

    [JsonPropertyName("elements")]
    public IReadOnlyList<TextObject> Elements { get; }
}
