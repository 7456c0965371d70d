using System.Text.Json.Serialization;

namespace Inbox.Slack.BlockKit;

/// <summary>A labelled form field in a modal; its value arrives under <c>view.state.values[block_id][action_id]</c>.</summary>
public sealed record InputBlock : Block
{
    public InputBlock(string label, BlockElement element, string? blockId = null, bool optional = false, string? hint = null)
        : base(blockId)
    {
        Label = TextObject.Plain(label, SlackLimits.InputLabel);
        Element = element;
        Optional = optional;
        Hint = hint is null ? null : TextObject.Plain(hint, SlackLimits.InputHint);
    }

    [JsonPropertyName("label")]
    public TextObject Label { get; }

    [JsonPropertyName("element")]
    public BlockElement Element { get; }

    /// <summary>Whether the form may be submitted with this field empty (Slack's default: no).</summary>
    [JsonPropertyName("optional")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool Optional { get; }

    [JsonPropertyName("hint")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public TextObject? Hint { get; }
}
