using System.Text.Json;
using System.Text.Json.Nodes;

namespace Inbox.Slack.BlockKit;

/// <summary>Turns Block Kit values into the JSON Slack expects, with every block's and element's <c>type</c> written.</summary>
public static class BlockKitJson
{
    /// <summary>Read-only options; the model's own attributes carry the names and the null-omission, so any options work too.</summary>
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    public static JsonNode Blocks(IEnumerable<Block> blocks) =>
        JsonSerializer.SerializeToNode(blocks as IReadOnlyList<Block> ?? blocks.ToList(), Options)!;

    public static JsonNode View(ModalView view) => JsonSerializer.SerializeToNode(view, Options)!;

    public static JsonNode View(HomeView view) => JsonSerializer.SerializeToNode(view, Options)!;

    public static string Serialize(Block block) => JsonSerializer.Serialize(block, Options);

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
