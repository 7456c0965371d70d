using System.Text.Json;
using Inbox.Slack.BlockKit;

namespace Inbox.Slack.Tests.BlockKit;

/// <summary>Serializes Block Kit values the way they go to Slack and hands back the parsed JSON to assert on.</summary>
internal static class BlockJson
{
    public static JsonElement Of(Block block) => Parse(BlockKitJson.Serialize(block));

    public static JsonElement Of(ModalView view) => Parse(BlockKitJson.View(view).ToJsonString());

    public static JsonElement Of(HomeView view) => Parse(BlockKitJson.View(view).ToJsonString());

    public static JsonElement Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }

    public static string[] Names(this JsonElement element) =>
        element.EnumerateObject().Select(p => p.Name).ToArray();

    public static string Str(this JsonElement element, string name) => element.GetProperty(name).GetString()!;

    public static void AssertText(JsonElement text, string type, string value)
    {
        Assert.Equal(type, text.Str("type"));
        Assert.Equal(value, text.Str("text"));
    }
}
