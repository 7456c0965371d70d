using System.Text.Json.Nodes;
using Inbox.Fakes.Slack;

namespace Inbox.Slack.Tests.Fakes;

public sealed class FakeSlackDirectoryTests : IAsyncLifetime
{
    private FakeSlack _slack = null!;
    private RawSlackClient _client = null!;

    public async Task InitializeAsync()
    {
        _slack = await FakeSlack.StartAsync();
        _slack.AddUser("U100", "Ada Lovelace", "ada@example.com");
        _slack.AddUser("U200", "Deploy Bot", null, isBot: true, displayName: "");
        _slack.AddChannel("C1", "support");
        _client = new RawSlackClient(_slack);
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _slack.DisposeAsync();
    }

    [Fact]
    public async Task Users_info_describes_a_registered_member_with_name_and_email()
    {
        var answer = await _client.PostFormAsync("users.info", ("user", "U100"));

        Assert.True(answer.Ok);
        var user = answer.Json!["user"]!;
        Assert.Equal("U100", user["id"]!.GetValue<string>());
        Assert.Equal("ada", user["name"]!.GetValue<string>());
        Assert.Equal("Ada Lovelace", user["real_name"]!.GetValue<string>());
        Assert.Equal("Ada Lovelace", user["profile"]!["real_name"]!.GetValue<string>());
        Assert.Equal("Ada", user["profile"]!["display_name"]!.GetValue<string>());
        Assert.Equal("ada@example.com", user["profile"]!["email"]!.GetValue<string>());
        Assert.False(user["is_bot"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Users_info_tells_a_bot_apart_and_gives_it_no_email()
    {
        var answer = await _client.PostFormAsync("users.info", ("user", "U200"));

        Assert.True(answer.Json!["user"]!["is_bot"]!.GetValue<bool>());
        Assert.Null(answer.Json["user"]!["profile"]!["email"]);
        Assert.Equal("", answer.Json["user"]!["profile"]!["display_name"]!.GetValue<string>());
    }

    [Fact]
    public async Task Users_info_for_an_unknown_member_is_user_not_found()
    {
        var answer = await _client.PostFormAsync("users.info", ("user", "U999"));

        Assert.Equal("user_not_found", answer.Error);
    }

    [Fact]
    public async Task Users_info_does_not_read_a_json_body_because_slack_takes_form_arguments_only_there()
    {
        var json = await _client.PostJsonAsync("users.info", new JsonObject { ["user"] = "U100" });

        Assert.False(json.Ok);
        Assert.Equal("invalid_arguments", json.Error);
    }

    [Fact]
    public async Task Conversations_info_names_a_registered_channel_and_refuses_an_unknown_one()
    {
        var known = await _client.PostFormAsync("conversations.info", ("channel", "C1"));
        var unknown = await _client.PostFormAsync("conversations.info", ("channel", "C404"));

        Assert.Equal("C1", known.Json!["channel"]!["id"]!.GetValue<string>());
        Assert.Equal("support", known.Json["channel"]!["name"]!.GetValue<string>());
        Assert.Equal("channel_not_found", unknown.Error);
    }

    [Fact]
    public async Task Views_open_answers_the_view_with_an_id_and_keeps_it()
    {
        var modal = new JsonObject
        {
            ["type"] = "modal",
            ["callback_id"] = "transfer",
            ["title"] = new JsonObject { ["type"] = "plain_text", ["text"] = "Transfer" },
            ["blocks"] = new JsonArray(),
        };

        var answer = await _client.PostJsonAsync("views.open", new JsonObject { ["trigger_id"] = "123.456.abc", ["view"] = modal });

        Assert.True(answer.Ok);
        var id = answer.Json!["view"]!["id"]!.GetValue<string>();
        Assert.StartsWith("V", id);
        Assert.Equal("transfer", answer.Json["view"]!["callback_id"]!.GetValue<string>());
        var kept = Assert.Single(_slack.Views);
        Assert.Equal((id, "views.open", "123.456.abc"), (kept.Id, kept.Method, kept.Target));
    }

    [Fact]
    public async Task Views_open_without_a_trigger_is_refused()
    {
        var answer = await _client.PostJsonAsync("views.open", new JsonObject { ["view"] = new JsonObject { ["type"] = "modal" } });

        Assert.Equal("invalid_arguments", answer.Error);
        Assert.Empty(_slack.Views);
    }

    [Fact]
    public async Task Views_publish_puts_a_home_tab_for_a_user_also_from_a_form_body()
    {
        var answer = await _client.PostFormAsync("views.publish", ("user_id", "U100"), ("view", """{"type":"home","blocks":[]}"""));

        Assert.True(answer.Ok);
        var home = Assert.Single(_slack.Views);
        Assert.Equal(("views.publish", "U100", "home"), (home.Method, home.Target, home.View["type"]!.GetValue<string>()));
    }
}
