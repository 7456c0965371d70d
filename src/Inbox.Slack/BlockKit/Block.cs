using System.Text.Json.Serialization;

namespace Inbox.Slack.BlockKit;

/// <summary>One Block Kit layout block; serialized with its <c>type</c> ("header", "section", ...) first.</summary>
/// <remarks>Serialize blocks through <see cref="Block"/> (a list of blocks, or <see cref="BlockKitJson"/>): a value typed as a
/// derived block on its own carries no <c>type</c>.</remarks>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type", UnknownDerivedTypeHandling = JsonUnknownDerivedTypeHandling.FailSerialization)]
[JsonDerivedType(typeof(HeaderBlock), "header")]
[JsonDerivedType(typeof(SectionBlock), "section")]
[JsonDerivedType(typeof(ContextBlock), "context")]
[JsonDerivedType(typeof(DividerBlock), "divider")]
[JsonDerivedType(typeof(ActionsBlock), "actions")]
[JsonDerivedType(typeof(InputBlock), "input")]
public abstract record Block
{
    private protected Block(string? blockId) => BlockId = SlackLimits.FitOptional(blockId, SlackLimits.BlockId);

    /// <summary>Optional; Slack generates one when absent. Must change when a message is updated.</summary>
    [JsonPropertyName("block_id")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? BlockId { get; }
}
