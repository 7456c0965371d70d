using System.Net;
using System.Text.Json.Nodes;
using Inbox.Fakes.BotFramework;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Inbox.Teams.Tests.Fakes;

public sealed class ActivityBuilderTests : IAsyncLifetime
{
    private const string AppId = "3f1c9a52-7b1e-4d7a-9c2e-0a1b2c3d4e5f";
    private const string Channel = "19:c0ffee@thread.tacv2";
    private FakeBotFramework _bot = null!;
    private ActivityBuilder _teams = null!;
    private FakeTeamsMember _ada = null!;

    public async Task InitializeAsync()
    {
        _bot = await FakeBotFramework.StartAsync(AppId, "s3cret");
        _teams = new ActivityBuilder(_bot);
        _ada = _bot.AddMember("29:1ada", "Ada Lovelace", "ada@contoso.test", "aad-0000-ada");
    }

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public void A_channel_message_mentioning_the_bot_carries_the_at_tag_and_a_mention_entity()
    {
        var activity = _teams.ChannelMessage(_ada, Channel, "assign 42");

        Assert.Equal("message", (string?)activity["type"]);
        Assert.Equal("<at>Inbox</at> assign 42", (string?)activity["text"]);
        var mention = activity["entities"]!.AsArray().Single(e => (string?)e!["type"] == "mention")!;
        Assert.Equal("<at>Inbox</at>", (string?)mention["text"]);
        Assert.Equal("28:" + AppId, (string?)mention["mentioned"]!["id"]);
        Assert.Equal("Inbox", (string?)mention["mentioned"]!["name"]);

        // What a bridge does with it: drop each mention's text, keep the command.
        var text = (string)activity["text"]!;
        foreach (var entity in activity["entities"]!.AsArray().Where(e => (string?)e!["type"] == "mention"))
            text = text.Replace((string)entity!["text"]!, "");
        Assert.Equal("assign 42", text.Trim());
    }

    [Fact]
    public void A_channel_message_has_the_teams_envelope_sender_and_channel_data()
    {
        var activity = _teams.ChannelMessage(_ada, Channel, "hello", mentionBot: false);

        Assert.Equal("msteams", (string?)activity["channelId"]);
        Assert.Equal(_bot.ServiceUrl.ToString(), (string?)activity["serviceUrl"]);
        Assert.Equal("hello", (string?)activity["text"]);
        Assert.DoesNotContain(activity["entities"]!.AsArray(), e => (string?)e!["type"] == "mention");
        Assert.Equal("29:1ada", (string?)activity["from"]!["id"]);
        Assert.Equal("Ada Lovelace", (string?)activity["from"]!["name"]);
        Assert.Equal("aad-0000-ada", (string?)activity["from"]!["aadObjectId"]);
        Assert.Equal("28:" + AppId, (string?)activity["recipient"]!["id"]);
        Assert.Equal("channel", (string?)activity["conversation"]!["conversationType"]);
        Assert.Equal(_bot.Options.TenantId, (string?)activity["conversation"]!["tenantId"]);
        Assert.Equal(Channel, (string?)activity["channelData"]!["channel"]!["id"]);
        Assert.Equal(_teams.TeamId, (string?)activity["channelData"]!["team"]!["id"]);
        Assert.Equal(_bot.Options.TenantId, (string?)activity["channelData"]!["tenant"]!["id"]);
        Assert.True(DateTimeOffset.TryParse((string?)activity["timestamp"], out _));
    }

    [Fact]
    public void A_top_level_post_is_its_own_thread_root_and_a_reply_points_at_the_root()
    {
        var post = _teams.ChannelMessage(_ada, Channel, "help");
        var threadId = (string)post["conversation"]!["id"]!;
        var reply = _teams.ChannelMessage(_ada, threadId, "thanks");

        Assert.Equal($"{Channel};messageid={post["id"]}", threadId);
        Assert.Null(post["replyToId"]);
        Assert.Equal(threadId, (string?)reply["conversation"]!["id"]);
        Assert.Equal((string?)post["id"], (string?)reply["replyToId"]);
        var thread = _bot.Thread(threadId)!;
        Assert.Equal([(string)post["id"]!, (string)reply["id"]!], thread.Activities.Select(a => a.Id));
        Assert.All(thread.Activities, a => Assert.False(a.FromBot));
    }

    [Fact]
    public async Task The_bot_can_answer_in_a_thread_a_user_started()
    {
        var post = _teams.ChannelMessage(_ada, Channel, "help");
        using var client = new RawBotClient(_bot);
        await client.SignInAsync();

        var answer = await client.SendAsync((string)post["conversation"]!["id"]!, "Here is what I can do");

        Assert.Equal(HttpStatusCode.Created, answer.Status);
        var thread = Assert.Single(_bot.Threads);
        Assert.Equal("Here is what I can do", Assert.Single(thread.BotActivities).Text);
    }

    [Fact]
    public void Adding_the_bot_to_a_team_is_a_team_member_added_conversation_update()
    {
        var activity = _teams.BotAddedToTeam(_ada);

        Assert.Equal("conversationUpdate", (string?)activity["type"]);
        Assert.Equal("teamMemberAdded", (string?)activity["channelData"]!["eventType"]);
        Assert.Equal("28:" + AppId, (string?)activity["membersAdded"]![0]!["id"]);
        Assert.Equal(_teams.TeamId, (string?)activity["channelData"]!["team"]!["id"]);
        Assert.Equal("Support", (string?)activity["channelData"]!["team"]!["name"]);
        Assert.Equal(_bot.Options.TenantId, (string?)activity["channelData"]!["tenant"]!["id"]);
        Assert.Equal(_teams.TeamId, (string?)activity["conversation"]!["id"]);
        Assert.Equal(_bot.ServiceUrl.ToString(), (string?)activity["serviceUrl"]);
    }

    [Fact]
    public void Creating_a_channel_is_a_channel_created_conversation_update()
    {
        var activity = _teams.ChannelCreated(_ada, "19:new@thread.tacv2", "Escalations");

        Assert.Equal("conversationUpdate", (string?)activity["type"]);
        Assert.Equal("channelCreated", (string?)activity["channelData"]!["eventType"]);
        Assert.Equal("19:new@thread.tacv2", (string?)activity["channelData"]!["channel"]!["id"]);
        Assert.Equal("Escalations", (string?)activity["channelData"]!["channel"]!["name"]);
        Assert.Equal(_teams.TeamId, (string?)activity["channelData"]!["team"]!["id"]);
    }

    [Fact]
    public void A_card_button_press_is_an_adaptive_card_action_invoke_with_verb_and_data()
    {
        var thread = $"{Channel};messageid=1700000000000";

        var activity = _teams.CardAction(_ada, thread, "1700000000000", "close", new JsonObject { ["conversationId"] = 42 });

        Assert.Equal("invoke", (string?)activity["type"]);
        Assert.Equal("adaptiveCard/action", (string?)activity["name"]);
        Assert.Equal("1700000000000", (string?)activity["replyToId"]);
        Assert.Equal(thread, (string?)activity["conversation"]!["id"]);
        var action = activity["value"]!["action"]!;
        Assert.Equal("Action.Execute", (string?)action["type"]);
        Assert.Equal("close", (string?)action["verb"]);
        Assert.Equal(42, (int)action["data"]!["conversationId"]!);
        Assert.Equal(Channel, (string?)activity["channelData"]!["channel"]!["id"]);
    }

    [Fact]
    public async Task A_request_posts_the_activity_with_a_channel_token_for_its_service_url()
    {
        var activity = _teams.ChannelMessage(_ada, Channel, "help");
        var endpoint = new Uri("http://127.0.0.1:5000/api/messages");

        using var request = _teams.Request(endpoint, activity);

        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal(endpoint, request.RequestUri);
        Assert.Equal("Bearer", request.Headers.Authorization!.Scheme);
        Assert.Equal("application/json", request.Content!.Headers.ContentType!.MediaType);
        Assert.Equal(activity.ToJsonString(), await request.Content.ReadAsStringAsync());
        var token = new JsonWebToken(request.Headers.Authorization.Parameter);
        Assert.Equal(_bot.ServiceUrl.ToString(), token.GetClaim("serviceurl").Value);
        Assert.Equal([AppId], token.Audiences);
        Assert.Equal("https://api.botframework.com", token.Issuer);
    }

    [Fact]
    public void A_request_can_carry_a_flawed_token()
    {
        var activity = _teams.BotAddedToTeam(_ada);

        using var request = _teams.Request(new Uri("http://127.0.0.1:5000/api/messages"), activity, new ChannelTokenOptions { AlgNone = true });

        Assert.Equal("none", new JsonWebToken(request.Headers.Authorization!.Parameter).Alg);
    }
}
