using System.Text.Json.Serialization;

namespace Inbox.Slack.BlockKit;

/// <summary>A modal for <c>views.open</c>/<c>views.update</c>: title, submit and close labels (24 each), up to 100 blocks.</summary>
public sealed record ModalView
{
    public ModalView(string title, IEnumerable<Block> blocks, string? submit = null, string? close = null, string? callbackId = null, string? privateMetadata = null)
    {
        Title = TextObject.Plain(title, SlackLimits.ViewTitle);
        Blocks = SlackLimits.FitBlocks(blocks, SlackLimits.ViewBlocks);
        // Slack requires a submit label as soon as the modal holds an input block.
        submit ??= Blocks.Any(b => b is InputBlock) ? "Submit" : null;
        Submit = submit is null ? null : TextObject.Plain(submit, SlackLimits.ViewButton);
        Close = close is null ? null : TextObject.Plain(close, SlackLimits.ViewButton);
        CallbackId = SlackLimits.FitOptional(callbackId, SlackLimits.CallbackId);
        PrivateMetadata = SlackLimits.FitOptional(privateMetadata, SlackLimits.PrivateMetadata);
    }

    [JsonPropertyName("type")]
    public string Type => "modal";

    [JsonPropertyName("title")]
    public TextObject Title { get; }

    [JsonPropertyName("blocks")]
    public IReadOnlyList<Block> Blocks { get; }

    [JsonPropertyName("submit")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public TextObject? Submit { get; }

    [JsonPropertyName("close")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public TextObject? Close { get; }

    /// <summary>Names the form in the <c>view_submission</c> payload.</summary>
    [JsonPropertyName("callback_id")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? CallbackId { get; }

    /// <summary>Our own state (e.g. the conversation id), returned untouched with the submission.</summary>
    [JsonPropertyName("private_metadata")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? PrivateMetadata { get; }
}
