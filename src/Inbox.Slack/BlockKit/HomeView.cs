using System.Text.Json.Serialization;

namespace Inbox.Slack.BlockKit;

/// <summary>The App Home tab published with <c>views.publish</c>: up to 100 blocks.</summary>
public sealed record HomeView
{
    public HomeView(IEnumerable<Block> blocks, string? callbackId = null, string? privateMetadata = null)
    {
        Blocks = SlackLimits.FitBlocks(blocks, SlackLimits.ViewBlocks);
        CallbackId = SlackLimits.FitOptional(callbackId, SlackLimits.CallbackId);
        PrivateMetadata = SlackLimits.FitOptional(privateMetadata, SlackLimits.PrivateMetadata);
    }

    [JsonPropertyName("type")]
    public string Type => "home";

    [JsonPropertyName("blocks")]
    public IReadOnlyList<Block> Blocks { get; }

    [JsonPropertyName("callback_id")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? CallbackId { get; }

    [JsonPropertyName("private_metadata")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? PrivateMetadata { get; }
}
