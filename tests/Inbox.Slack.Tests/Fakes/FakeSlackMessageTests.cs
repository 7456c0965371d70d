using System.Globalization;
using System.Text.Json.Nodes;
using Inbox.Fakes.Slack;
using Microsoft.Extensions.Time.Testing;

namespace Inbox.Slack.Tests.Fakes;

public sealed class FakeSlackMessageTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(DateTimeOffset.FromUnixTimeSeconds(1_700_000_000));
    private FakeSlack _slack = null!;
    private RawSlackClient _client = null!;

    public async Task InitializeAsync()
    {
        _slack = await FakeSlack.StartAsync("xoxb-test", _time);
        _client = new RawSlackClient(_slack);
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _slack.DisposeAsync();
    }

    private Task<RawSlackAnswer> Post(string channel, string text, string? threadTs = null)
    {
        var body = new JsonObject { ["channel"] = channel, ["text"] = text };
        if (threadTs is not null) body["thread_ts"] = threadTs;
        return _client.PostJsonAsync("chat.postMessage", body);
    }

    [Fact]
    public async Task Posted_messages_get_unique_increasing_ts_in_slack_format_from_the_clock()
    {
        var first = await Post("C1", "one");
        var second = await Post("C2", "two");
        _time.Advance(TimeSpan.FromSeconds(5));
        var third = await Post("C1", "three");

        Assert.Equal("1700000000.000100", first.Field("ts"));
        Assert.Equal("1700000000.000200", second.Field("ts"));
        Assert.Equal("1700000005.000100", third.Field("ts"));
        Assert.All([first, second, third], a => Assert.Matches(@"^\d{10}\.\d{6}$", a.Field("ts")));
        Assert.Equal("C1", first.Field("channel"));
    }

    [Fact]
    public async Task A_post_echoes_the_message_as_the_bot_posted_it()
    {
        var answer = await _client.PostJsonAsync("chat.postMessage", new JsonObject
        {
            ["channel"] = "C1",
            ["text"] = "fallback",
            ["blocks"] = new JsonArray(new JsonObject { ["type"] = "divider" }),
            ["metadata"] = new JsonObject { ["event_type"] = "inbox_conversation", ["event_payload"] = new JsonObject { ["id"] = 42 } },
            ["unfurl_links"] = false,
        });

        var message = answer.Json!["message"]!.AsObject();
        Assert.Equal("fallback", message["text"]!.GetValue<string>());
        Assert.Equal(_slack.Options.BotId, message["bot_id"]!.GetValue<string>());
        Assert.Equal(answer.Field("ts"), message["ts"]!.GetValue<string>());
        Assert.Equal("divider", message["blocks"]![0]!["type"]!.GetValue<string>());
        var stored = Assert.Single(_slack.Messages("C1"));
        Assert.Equal(42, stored.Metadata!["event_payload"]!["id"]!.GetValue<int>());
        Assert.False(stored.UnfurlLinks);
    }

    [Fact]
    public async Task Thread_replies_are_kept_under_their_root_and_a_reply_to_a_reply_joins_the_root()
    {
        var root = (await Post("C1", "root")).Field("ts")!;
        await Post("C1", "elsewhere");
        var reply = (await Post("C1", "first reply", threadTs: root)).Field("ts")!;
        await Post("C1", "second reply", threadTs: reply);

        var thread = _slack.Thread("C1", root);

        Assert.Equal(["root", "first reply", "second reply"], thread.Select(m => m.Text));
        Assert.All(thread.Skip(1), m => Assert.Equal(root, m.ThreadTs));
        Assert.All(thread.Skip(1), m => Assert.True(m.IsThreadReply));
        Assert.Equal(4, _slack.Messages("C1").Count);
    }

    [Fact]
    public async Task A_post_without_text_or_blocks_is_refused_no_text_and_without_channel_channel_not_found()
    {
        var noText = await _client.PostJsonAsync("chat.postMessage", new JsonObject { ["channel"] = "C1" });
        var noChannel = await _client.PostJsonAsync("chat.postMessage", new JsonObject { ["text"] = "hi" });

        Assert.Equal("no_text", noText.Error);
        Assert.Equal("channel_not_found", noChannel.Error);
        Assert.Empty(_slack.Messages("C1"));
    }

    [Fact]
    public async Task Updating_an_unknown_ts_fails_message_not_found()
    {
        await Post("C1", "exists");

        var answer = await _client.PostJsonAsync("chat.update", new JsonObject { ["channel"] = "C1", ["ts"] = "1600000000.000100", ["text"] = "x" });

        Assert.False(answer.Ok);
        Assert.Equal("message_not_found", answer.Error);
    }

    [Fact]
    public async Task Updating_a_message_replaces_its_text_and_keeps_the_earlier_version()
    {
        var ts = (await Post("C1", "status: open")).Field("ts")!;

        var answer = await _client.PostJsonAsync("chat.update", new JsonObject { ["channel"] = "C1", ["ts"] = ts, ["text"] = "status: closed" });

        Assert.True(answer.Ok);
        Assert.Equal(ts, answer.Field("ts"));
        Assert.Equal("status: closed", answer.Field("text"));
        var message = _slack.Message("C1", ts)!;
        Assert.Equal("status: closed", message.Text);
        Assert.Equal("status: open", Assert.Single(message.Edits).Text);
    }

    [Fact]
    public async Task A_form_body_with_json_encoded_blocks_is_accepted_like_a_json_body()
    {
        var blocks = """[{"type":"section","text":{"type":"mrkdwn","text":"*hi*"}}]""";

        var form = await _client.PostFormAsync("chat.postMessage", ("channel", "C1"), ("text", "hi"), ("blocks", blocks), ("unfurl_links", "false"));
        var json = await _client.PostJsonAsync("chat.postMessage", new JsonObject { ["channel"] = "C1", ["text"] = "hi", ["blocks"] = JsonNode.Parse(blocks) });

        Assert.True(form.Ok);
        Assert.True(json.Ok);
        var messages = _slack.Messages("C1");
        Assert.Equal(messages[0].BlocksJson, messages[1].BlocksJson);
        Assert.False(messages[0].UnfurlLinks);
        Assert.Equal(blocks, _slack.CallsTo("chat.postMessage")[0].Argument("blocks"));
    }

    [Fact]
    public async Task Blocks_that_are_not_json_or_too_many_are_refused_as_slack_does()
    {
        var notJson = await _client.PostFormAsync("chat.postMessage", ("channel", "C1"), ("blocks", "[{oops"));
        var tooMany = await _client.PostJsonAsync("chat.postMessage", new JsonObject
        {
            ["channel"] = "C1",
            ["blocks"] = new JsonArray(Enumerable.Range(0, 51).Select(_ => (JsonNode?)new JsonObject { ["type"] = "divider" }).ToArray()),
        });

        Assert.Equal("invalid_blocks_format", notJson.Error);
        Assert.Equal("invalid_blocks", tooMany.Error);
    }

    [Fact]
    public async Task Json_without_a_charset_is_served_with_slacks_missing_charset_warning()
    {
        var answer = await _client.PostJsonAsync("auth.test", [], mediaType: "application/json");

        Assert.True(answer.Ok);
        Assert.Equal("missing_charset", answer.Field("warning"));
        Assert.Equal("missing_charset", answer.Json!["response_metadata"]!["warnings"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task Broken_json_is_answered_invalid_json()
    {
        var answer = await _client.SendAsync("chat.postMessage", "{\"channel\":", "application/json; charset=utf-8");

        Assert.Equal("invalid_json", answer.Error);
    }

    [Fact]
    public async Task A_permalink_points_at_the_message_and_names_the_thread_for_a_reply()
    {
        var root = (await Post("C1", "root")).Field("ts")!;
        var reply = (await Post("C1", "reply", threadTs: root)).Field("ts")!;

        var rootLink = await _client.PostFormAsync("chat.getPermalink", ("channel", "C1"), ("message_ts", root));
        var replyLink = await _client.PostFormAsync("chat.getPermalink", ("channel", "C1"), ("message_ts", reply));
        var missing = await _client.PostFormAsync("chat.getPermalink", ("channel", "C1"), ("message_ts", "1.000001"));

        Assert.Equal("https://fake.slack.test/archives/C1/p1700000000000100", rootLink.Field("permalink"));
        Assert.Equal($"https://fake.slack.test/archives/C1/p{reply.Replace(".", "")}?thread_ts={root}&cid=C1", replyLink.Field("permalink"));
        Assert.Equal("message_not_found", missing.Error);
    }

    [Fact]
    public async Task An_ephemeral_message_gets_a_message_ts_and_is_not_kept_in_the_channel()
    {
        var answer = await _client.PostJsonAsync("chat.postEphemeral", new JsonObject { ["channel"] = "C1", ["user"] = "U1", ["text"] = "only you" });

        Assert.True(answer.Ok);
        Assert.True(decimal.TryParse(answer.Field("message_ts"), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out _));
        Assert.Empty(_slack.Messages("C1"));
    }
}
