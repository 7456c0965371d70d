using System.Text.Json.Serialization;

namespace Inbox.Slack.BlockKit;

/// <summary>Text (3,000), up to 10 two-column fields (2,000 each), and an optional accessory element beside them.</summary>
public sealed record SectionBlock : Block
{
    public SectionBlock(TextObject? text = null, IEnumerable<TextObject>? fields = null, BlockElement? accessory = null, string? blockId = null)
        : base(blockId)
    {
        var fitted = fields?.Select(f => f.FittedTo(SlackLimits.SectionFieldText)).ToList();
        if (fitted is { Count: > SlackLimits.SectionFields })
        {
            var hidden = fitted.Count - (SlackLimits.SectionFields - 1);
            fitted = [.. fitted.Take(SlackLimits.SectionFields - 1), TextObject.Markdown($"{SlackLimits.Ellipsis} {hidden} more")];
        }
        Fields = fitted is { Count: > 0 } ? fitted : null;
        // Slack needs text or fields; a section with neither still shows something rather than failing the post.
        Text = text?.FittedTo(SlackLimits.SectionText) ?? (Fields is null ? TextObject.Plain(null) : null);
        Accessory = accessory;
    }

    /// <summary>A section of mrkdwn text; the caller escapes any customer text in it.</summary>
    public static SectionBlock Markdown(string mrkdwn, BlockElement? accessory = null, bool verbatim = false) =>
        new(TextObject.Markdown(mrkdwn, SlackLimits.SectionText, verbatim), accessory: accessory);

    [JsonPropertyName("text")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public TextObject? Text { get; }

    [JsonPropertyName("fields")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<TextObject>? Fields { get; }

    [JsonPropertyName("accessory")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public BlockElement? Accessory { get; }
}
