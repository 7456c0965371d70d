using System.Net;
using System.Text.Json.Nodes;
using Inbox.Fakes.Slack;

namespace Inbox.Slack.Tests.Fakes;

public sealed class FakeSlackAuthTests : IAsyncLifetime
{
    private FakeSlack _slack = null!;

    public async Task InitializeAsync() => _slack = await FakeSlack.StartAsync("xoxb-right-token");

    public async Task DisposeAsync() => await _slack.DisposeAsync();

    [Fact]
    public void The_api_base_url_is_on_loopback_and_ends_with_api_slash()
    {
        Assert.Equal("127.0.0.1", _slack.ApiBaseUrl.Host);
        Assert.EndsWith("/api/", _slack.ApiBaseUrl.AbsolutePath);
        Assert.Equal("/api/chat.postMessage", new Uri(_slack.ApiBaseUrl, "chat.postMessage").AbsolutePath);
    }

    [Fact]
    public async Task A_call_without_a_token_is_answered_not_authed_with_http_200()
    {
        using var client = new RawSlackClient(_slack) { Token = null };

        var answer = await client.PostJsonAsync("chat.postMessage", new JsonObject { ["channel"] = "C1", ["text"] = "hi" });

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.False(answer.Ok);
        Assert.Equal("not_authed", answer.Error);
        Assert.Empty(_slack.Messages("C1"));
    }

    [Fact]
    public async Task A_call_with_another_token_is_answered_invalid_auth()
    {
        using var client = new RawSlackClient(_slack) { Token = "xoxb-wrong-token" };

        var answer = await client.PostJsonAsync("auth.test", []);

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal("invalid_auth", answer.Error);
    }

    [Fact]
    public async Task A_token_inside_a_json_body_does_not_count_but_a_form_token_does()
    {
        using var client = new RawSlackClient(_slack) { Token = null };

        var json = await client.PostJsonAsync("auth.test", new JsonObject { ["token"] = "xoxb-right-token" });
        var form = await client.PostFormAsync("auth.test", ("token", "xoxb-right-token"));

        Assert.Equal("not_authed", json.Error);
        Assert.True(form.Ok);
    }

    [Fact]
    public async Task An_unknown_method_is_answered_unknown_method_naming_it()
    {
        using var client = new RawSlackClient(_slack);

        var answer = await client.PostJsonAsync("chat.postMesage", []);

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal("unknown_method", answer.Error);
        Assert.Equal("chat.postMesage", answer.Field("req_method"));
    }

    [Fact]
    public async Task Auth_test_tells_the_bot_who_it_is()
    {
        using var client = new RawSlackClient(_slack);

        var answer = await client.PostJsonAsync("auth.test", []);

        Assert.True(answer.Ok);
        Assert.Equal(_slack.Options.BotUserId, answer.Field("user_id"));
        Assert.Equal(_slack.Options.BotId, answer.Field("bot_id"));
        Assert.Equal(_slack.Options.TeamId, answer.Field("team_id"));
        Assert.Equal(_slack.Options.BotName, answer.Field("user"));
    }

    [Fact]
    public async Task Every_call_is_recorded_with_its_arguments_raw_body_and_content_type()
    {
        using var client = new RawSlackClient(_slack) { Token = null };

        await client.PostJsonAsync("chat.postMessage", new JsonObject { ["channel"] = "C1", ["text"] = "hi" });
        await client.PostFormAsync("users.info", ("user", "U1"));

        Assert.Equal(["chat.postMessage", "users.info"], _slack.Calls.Select(c => c.Method));
        var post = Assert.Single(_slack.CallsTo("chat.postMessage"));
        Assert.Equal("C1", post.Argument("channel"));
        Assert.Equal("""{"channel":"C1","text":"hi"}""", post.RawBody);
        Assert.Equal("application/json; charset=utf-8", post.ContentType);
        Assert.Equal("application/x-www-form-urlencoded", _slack.CallsTo("users.info").Single().ContentType);
    }
}
