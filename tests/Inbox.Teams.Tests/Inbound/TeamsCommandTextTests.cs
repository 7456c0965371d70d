using System.Text.Json.Nodes;
using Inbox.Teams.Activities;
using Inbox.Teams.Inbound;

namespace Inbox.Teams.Tests.Inbound;

public sealed class TeamsCommandTextTests
{
    private const string BotId = "28:appid";

    private static JsonObject Mention(string name, string id, string? text = null) => new()
    {
        ["type"] = "mention",
        ["text"] = text ?? $"<at>{name}</at>",
        ["mentioned"] = new JsonObject { ["id"] = id, ["name"] = name },
    };

    private static readonly JsonObject Bot = Mention("Inbox", BotId);

    /// <summary>An activity as Teams posts it, read through <see cref="Activity.Parse"/>.</summary>
    private static Activity Message(string text, params JsonObject[] entities)
    {
        var json = new JsonObject
        {
            ["type"] = "message",
            ["id"] = "1700000000001",
            ["text"] = text,
            ["entities"] = new JsonArray([.. entities.Select(e => (JsonNode)e.DeepClone()), new JsonObject { ["type"] = "clientInfo", ["locale"] = "en-GB" }]),
        };
        return Activity.Parse(json.ToJsonString())!;
    }

    [Fact]
    public void Bot_mention_is_removed_and_people_become_tokens()
    {
        var activity = Message("<at>Inbox</at> transfer #12 <at>Lee Adama</at>", Bot, Mention("Lee Adama", "29:lee"));

        var command = TeamsCommandText.From(activity, BotId);

        Assert.Equal("transfer #12 @@0", command.Text);
        Assert.Equal(new MentionedUser("29:lee", "Lee Adama"), Assert.Single(command.Mentions, m => m.Key == "@@0").Value);
    }

    [Fact]
    public void The_bot_is_recognised_by_its_app_id_alone()
    {
        var command = TeamsCommandText.From(Message("<at>Inbox</at> close #3", Bot), "appid");

        Assert.Equal("close #3", command.Text);
        Assert.Empty(command.Mentions);
    }

    [Fact]
    public void The_bot_is_recognised_by_the_entity_id_not_by_the_shown_name()
    {
        // Renamed in the team: the text says "Helpdesk", the entity still names the bot.
        var activity = Message("<at>Helpdesk</at> close #3", Mention("Helpdesk", BotId));

        Assert.Equal("close #3", TeamsCommandText.From(activity, BotId).Text);
    }

    [Fact]
    public void Another_bot_or_person_named_like_the_bot_becomes_a_token()
    {
        var activity = Message("<at>Inbox</at> assign #4 <at>Inbox</at>", Bot);
        var other = Message("<at>Inbox Two</at> open", Mention("Inbox Two", "28:otherapp"));

        Assert.Equal("assign #4", TeamsCommandText.From(activity, BotId).Text);
        var command = TeamsCommandText.From(other, BotId);
        Assert.Equal("@@0 open", command.Text);
        Assert.Equal("28:otherapp", command.Mentions["@@0"].Id);
    }

    [Fact]
    public void Each_person_gets_the_next_token_in_mention_order()
    {
        var activity = Message("<at>Inbox</at> closed assignee:<at>Dana Scully</at> note for <at>Fox Mulder</at>",
            Bot, Mention("Dana Scully", "29:dana"), Mention("Fox Mulder", "29:fox"));

        var command = TeamsCommandText.From(activity, BotId);

        // A mention right after "assignee:" stays part of that word, so the filter reads as one.
        Assert.Equal("closed assignee:@@0 note for @@1", command.Text);
        Assert.Equal(new Dictionary<string, MentionedUser>
        {
            ["@@0"] = new("29:dana", "Dana Scully"),
            ["@@1"] = new("29:fox", "Fox Mulder"),
        }, command.Mentions);
    }

    [Fact]
    public void A_mention_without_a_name_takes_the_text_between_the_tags()
    {
        var entity = new JsonObject
        {
            ["type"] = "mention", ["text"] = "<at>Lee Adama</at>", ["mentioned"] = new JsonObject { ["id"] = "29:lee" },
        };

        var command = TeamsCommandText.From(Message("<at>Inbox</at> transfer #1 <at>Lee Adama</at>", Bot, entity), BotId);

        Assert.Equal(new MentionedUser("29:lee", "Lee Adama"), command.Mentions["@@0"]);
    }

    [Fact]
    public void Html_entities_are_decoded()
    {
        var command = TeamsCommandText.From(Message("<at>Inbox</at> note #3 fish &amp; chips &lt;3 &quot;today&quot;", Bot), BotId);

        Assert.Equal("note #3 fish & chips <3 \"today\"", command.Text);
    }

    [Fact]
    public void Whitespace_is_collapsed_to_single_spaces()
    {
        var command = TeamsCommandText.From(Message("  <at>Inbox</at>\n\n close \t  #4&nbsp;&nbsp;now \r\n", Bot), BotId);

        Assert.Equal("close #4 now", command.Text);
    }

    [Fact]
    public void Without_entities_the_text_is_only_tidied()
    {
        var activity = Activity.Parse("""{"type":"message","text":"  help   me "}""")!;

        var command = TeamsCommandText.From(activity, BotId);

        Assert.Equal("help me", command.Text);
        Assert.Empty(command.Mentions);
    }

    [Fact]
    public void Without_text_the_command_is_empty() =>
        Assert.Equal("", TeamsCommandText.From(Activity.Parse("""{"type":"message"}""")!, BotId).Text);

    [Fact]
    public void Entities_that_are_not_mentions_are_ignored()
    {
        var activity = Activity.Parse("""
            {"type":"message","text":"<at>Inbox</at> open",
             "entities":[{"type":"clientInfo","text":"open"},{"type":"mention","text":"<at>Inbox</at>","mentioned":{"id":"28:appid","name":"Inbox"}}]}
            """)!;

        Assert.Equal("open", TeamsCommandText.From(activity, BotId).Text);
    }

    [Fact]
    public void Readable_puts_the_names_back()
    {
        var activity = Message("<at>Inbox</at> note #12 ask <at>Lee Adama</at> and <at>Kara Thrace</at>",
            Bot, Mention("Lee Adama", "29:lee"), Mention("Kara Thrace", "29:kara"));
        var command = TeamsCommandText.From(activity, BotId);

        Assert.Equal("note #12 ask @Lee Adama and @Kara Thrace", command.Readable(command.Text));
        Assert.Equal("ask @Lee Adama", command.Readable("ask @@0"));
    }

    [Fact]
    public void Readable_does_not_take_token_ten_for_token_one()
    {
        var mentions = Enumerable.Range(0, 11).ToDictionary(i => "@@" + i, i => new MentionedUser("29:" + i, "Person " + i));
        var command = new TeamsCommandText("x", mentions);

        Assert.Equal("@Person 1 and @Person 10", command.Readable("@@1 and @@10"));
    }

    [Fact]
    public void Readable_leaves_text_without_tokens_alone() =>
        Assert.Equal("call back at 5", new TeamsCommandText("x", new Dictionary<string, MentionedUser>()).Readable("call back at 5"));
}
