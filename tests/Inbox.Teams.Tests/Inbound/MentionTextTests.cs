using System.Text.Json.Nodes;
using Inbox.Fakes.BotFramework;
using Inbox.Teams.Inbound;

namespace Inbox.Teams.Tests.Inbound;

public sealed class MentionTextTests
{
    private const string AppId = "00000000-0000-0000-0000-00000000b07a";

    private static JsonObject Mention(string text, string id) => new()
    {
        ["type"] = "mention", ["text"] = text, ["mentioned"] = new JsonObject { ["id"] = id, ["name"] = text },
    };

    [Fact]
    public void The_bots_mention_is_removed_and_the_rest_kept()
    {
        var text = MentionText.StripBotMention("<at>Inbox</at> close #12", [Mention("<at>Inbox</at>", "28:" + AppId)], AppId);
        Assert.Equal("close #12", text);
    }

    [Fact]
    public void Mentions_of_people_stay_as_their_names()
    {
        var text = MentionText.StripBotMention("<at>Inbox</at> transfer #12 <at>Lee Adama</at>",
            [Mention("<at>Inbox</at>", "28:" + AppId), Mention("<at>Lee Adama</at>", "29:lee")], AppId);
        Assert.Equal("transfer #12 @Lee Adama", text);
    }

    [Fact]
    public void Without_entities_the_text_is_only_tidied() =>
        Assert.Equal("fish & chips", MentionText.StripBotMention("  fish &amp; chips ", null, AppId));

    [Fact]
    public async Task A_channel_message_as_the_fake_sends_it_loses_exactly_the_bot_mention()
    {
        await using var bot = await FakeBotFramework.StartAsync(AppId, "secret");
        var dana = bot.AddMember("29:dana", "Dana Scully", "dana@acme.test", "aad-dana");
        var activity = new ActivityBuilder(bot).ChannelMessage(dana, "19:support@thread.tacv2", "note #7 called back");
        Assert.Equal("note #7 called back",
            MentionText.StripBotMention(activity["text"]!.GetValue<string>(), activity["entities"] as JsonArray, AppId));
    }
}
