using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Inbox.Fakes.Slack;
using Inbox.Host.Tests.Api.Support;

namespace Inbox.Host.Tests.Slack;

public sealed class SlackEventsTests
{
    private const string Fox = "U0FOXMULDER";

    [Fact]
    public async Task Url_verification_answers_the_challenge()
    {
        await using var host = await SlackHost.StartAsync();
        using var response = await SendEventAsync(host, new JsonObject { ["type"] = "url_verification", ["challenge"] = "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P" });
        var body = await response.ShouldBe(HttpStatusCode.OK);
        Assert.Equal("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P", body.String("challenge"));
    }

    [Fact]
    public async Task An_operators_thread_reply_reaches_the_widget_under_their_real_name_and_is_not_echoed()
    {
        await using var host = await SlackHost.StartAsync();
        host.Slack.AddUser(Fox, "Fox Mulder", "fox@acme.test");
        using var visitor = await WidgetVisitor.OpenSessionAsync(host.Host);
        var (id, rootTs) = await StartThreadAsync(host, visitor, "My parcel is lost");

        using var response = await SendEventAsync(host, ThreadMessage("Ev1", rootTs, "1800000001.000200", "We found it &amp; it ships today"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var messages = await visitor.MessagesAsync(id);
        var reply = messages.Single(m => m.String("direction") == "operator");
        Assert.Equal("We found it & it ships today", reply.String("text"));
        Assert.Equal("Fox Mulder", reply.String("authorName"));
        // Deliveries keep conversation order: once a later customer message is in the thread, an echo would be too.
        await visitor.SendAsync(id, "Great, thanks");
        await SlackHost.EventuallyAsync(() => host.Slack.Thread(SlackHost.Channel, rootTs).Any(m => m.Text?.Contains("Great, thanks") == true), "the later message is in Slack");
        Assert.Equal(3, host.Slack.Thread(SlackHost.Channel, rootTs).Count);
    }

    [Fact]
    public async Task A_reply_starting_with_the_note_prefix_is_an_internal_note_the_customer_never_sees()
    {
        await using var host = await SlackHost.StartAsync();
        host.Slack.AddUser(Fox, "Fox Mulder", "fox@acme.test");
        using var visitor = await WidgetVisitor.OpenSessionAsync(host.Host);
        using var console = OperatorConsole.Dana(host.Host);
        var (id, rootTs) = await StartThreadAsync(host, visitor, "Hi");

        (await SendEventAsync(host, ThreadMessage("Ev2", rootTs, "1800000001.000300", "// refund approved by finance"))).Dispose();

        Assert.DoesNotContain(await visitor.MessagesAsync(id), m => m.String("direction") == "operator");
        var details = await console.DetailsAsync(id);
        var note = Assert.Single(details["notes"]!.AsArray());
        Assert.Equal("refund approved by finance", note.String("text"));
        Assert.Equal("Fox Mulder", note.String("authorName"));
        var mark = Assert.Single(host.Slack.CallsTo("chat.postEphemeral"));
        Assert.Equal(Fox, mark.Argument("user"));
        Assert.Contains("internal note", mark.Argument("text"));
    }

    [Fact]
    public async Task A_reply_that_cannot_reach_the_customer_tells_its_author_why()
    {
        await using var host = await SlackHost.StartAsync();
        host.Slack.AddUser(Fox, "Fox Mulder", "fox@acme.test");
        using var visitor = await WidgetVisitor.OpenSessionAsync(host.Host);
        using var console = OperatorConsole.Dana(host.Host);
        var (id, rootTs) = await StartThreadAsync(host, visitor, "buy my crypto");
        await console.RunAsync(id, "block");

        (await SendEventAsync(host, ThreadMessage("EvBlocked", rootTs, "1800000001.000900", "Hello?"))).Dispose();

        var warning = Assert.Single(host.Slack.CallsTo("chat.postEphemeral"));
        Assert.Contains("Not sent to the customer", warning.Argument("text"));
        Assert.Contains("blocked", warning.Argument("text"));
        Assert.DoesNotContain(await visitor.MessagesAsync(id), m => m.String("direction") == "operator");
    }

    [Fact]
    public async Task Slacks_retries_and_the_message_replied_shape_store_the_reply_once()
    {
        await using var host = await SlackHost.StartAsync();
        host.Slack.AddUser(Fox, "Fox Mulder", "fox@acme.test");
        using var visitor = await WidgetVisitor.OpenSessionAsync(host.Host);
        var (id, rootTs) = await StartThreadAsync(host, visitor, "Hello?");
        var plain = ThreadMessage("Ev3", rootTs, "1800000001.000400", "Hello from support");

        for (var retry = 0; retry < 3; retry++)
            (await SendEventAsync(host, plain, retry)).Dispose();
        var replied = new JsonObject
        {
            ["type"] = "event_callback", ["event_id"] = "Ev4",
            ["event"] = new JsonObject
            {
                ["type"] = "message", ["subtype"] = "message_replied", ["channel"] = SlackHost.Channel,
                ["message"] = plain["event"]!.DeepClone(),
            },
        };
        (await SendEventAsync(host, replied)).Dispose();

        Assert.Single(await visitor.MessagesAsync(id), m => m.String("direction") == "operator");
    }

    [Fact]
    public async Task Forged_and_stale_requests_are_refused_and_store_nothing()
    {
        await using var host = await SlackHost.StartAsync();
        host.Slack.AddUser(Fox, "Fox Mulder", "fox@acme.test");
        using var visitor = await WidgetVisitor.OpenSessionAsync(host.Host);
        var (id, rootTs) = await StartThreadAsync(host, visitor, "Hi");
        var evil = ThreadMessage("Ev5", rootTs, "1800000001.000500", "Send me your password");

        using var forged = await SendEventAsync(host, evil, secret: "not-the-signing-secret");
        using var stale = await SendEventAsync(host, evil, at: DateTimeOffset.UtcNow.AddMinutes(-6));
        using var unsigned = await host.Host.Visitor().PostAsync("/slack/events", JsonContent.Create(evil));

        Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, stale.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, unsigned.StatusCode);
        Assert.Single(await visitor.MessagesAsync(id));
    }

    [Fact]
    public async Task Bot_messages_and_messages_outside_inbox_threads_are_ignored()
    {
        await using var host = await SlackHost.StartAsync();
        host.Slack.AddUser(Fox, "Fox Mulder", "fox@acme.test");
        using var visitor = await WidgetVisitor.OpenSessionAsync(host.Host);
        var (id, rootTs) = await StartThreadAsync(host, visitor, "Hi");
        var fromBot = ThreadMessage("Ev6", rootTs, "1800000001.000600", "I am a bot");
        fromBot["event"]!["bot_id"] = "B0OTHER";
        var elsewhere = ThreadMessage("Ev7", "1700000000.999999", "1800000001.000700", "another thread");

        (await SendEventAsync(host, fromBot)).Dispose();
        (await SendEventAsync(host, elsewhere)).Dispose();

        Assert.Single(await visitor.MessagesAsync(id));
    }

    private static async Task<(long Id, string RootTs)> StartThreadAsync(SlackHost host, WidgetVisitor visitor, string text)
    {
        var id = await visitor.StartConversationAsync(text);
        await SlackHost.EventuallyAsync(() => host.Slack.Messages(SlackHost.Channel).Count(m => !m.IsThreadReply) == 1, "the thread root is posted");
        await SlackHost.EventuallyAsync(() => host.Slack.Messages(SlackHost.Channel).Count == 2, "the first message is in the thread");
        // The first message is posted only after the thread was recorded, so replies can find it from here on.
        return (id, host.Slack.Messages(SlackHost.Channel).Single(m => !m.IsThreadReply).Ts);
    }

    private static JsonObject ThreadMessage(string eventId, string threadTs, string ts, string text) => new()
    {
        ["type"] = "event_callback",
        ["team_id"] = "T0FAKE",
        ["api_app_id"] = "A0FAKE",
        ["event_id"] = eventId,
        ["event"] = new JsonObject
        {
            ["type"] = "message", ["channel"] = SlackHost.Channel, ["user"] = Fox, ["text"] = text,
            ["ts"] = ts, ["thread_ts"] = threadTs, ["channel_type"] = "channel",
        },
    };

    private static async Task<HttpResponseMessage> SendEventAsync(
        SlackHost host, JsonObject body, int retry = 0, string secret = SlackHost.SigningSecret, DateTimeOffset? at = null)
    {
        using var client = host.Host.Visitor();
        var request = SlackRequestSigner.CreateJsonRequest(new Uri(host.Host.BaseAddress, "/slack/events"), body.ToJsonString(), at ?? DateTimeOffset.UtcNow, secret);
        if (retry > 0)
        {
            request.Headers.Add("X-Slack-Retry-Num", retry.ToString());
            request.Headers.Add("X-Slack-Retry-Reason", "http_timeout");
        }
        return await client.SendAsync(request);
    }
}

public sealed class SlackEditTests
{
    private const string Fox = "U0FOXMULDER";

    [Fact]
    public async Task An_operator_editing_or_deleting_their_reply_in_slack_changes_it_for_the_visitor_live()
    {
        await using var host = await SlackHost.StartAsync();
        host.Slack.AddUser(Fox, "Fox Mulder", "fox@acme.test");
        using var visitor = await WidgetVisitor.OpenSessionAsync(host.Host);
        var id = await visitor.StartConversationAsync("Where is my order?");
        await SlackHost.EventuallyAsync(() => host.Slack.Messages(SlackHost.Channel).Count == 2, "the thread exists");
        var rootTs = host.Slack.Messages(SlackHost.Channel).Single(m => !m.IsThreadReply).Ts;
        await using var live = await LiveEventStream.OpenAsync(host.Host, visitor.Token);

        (await SendAsync(host, Event("EvA", new JsonObject
        {
            ["type"] = "message", ["channel"] = SlackHost.Channel, ["user"] = Fox, ["text"] = "It ships Monday",
            ["ts"] = "1800000002.000100", ["thread_ts"] = rootTs,
        }))).Dispose();
        (await SendAsync(host, Event("EvB", new JsonObject
        {
            ["type"] = "message", ["subtype"] = "message_changed", ["channel"] = SlackHost.Channel,
            ["message"] = new JsonObject { ["type"] = "message", ["user"] = Fox, ["text"] = "It ships Tuesday", ["ts"] = "1800000002.000100", ["thread_ts"] = rootTs },
            ["previous_message"] = new JsonObject { ["type"] = "message", ["user"] = Fox, ["text"] = "It ships Monday", ["ts"] = "1800000002.000100" },
        }))).Dispose();

        var changed = await live.NextAsync("message-changed");
        Assert.Equal("It ships Tuesday", changed.Json.String("text"));
        var edited = (await visitor.MessagesAsync(id)).Single(m => m.String("direction") == "operator")!;
        Assert.Equal("It ships Tuesday", edited.String("text"));
        Assert.NotNull(edited!["editedAt"]);

        (await SendAsync(host, Event("EvC", new JsonObject
        {
            ["type"] = "message", ["subtype"] = "message_deleted", ["channel"] = SlackHost.Channel, ["deleted_ts"] = "1800000002.000100",
            ["previous_message"] = new JsonObject { ["type"] = "message", ["user"] = Fox, ["text"] = "It ships Tuesday", ["ts"] = "1800000002.000100" },
        }))).Dispose();

        var deleted = (await visitor.MessagesAsync(id)).Single(m => m.String("direction") == "operator")!;
        Assert.True(deleted!["deleted"]!.GetValue<bool>());
        Assert.Equal("", deleted.String("text"));
    }

    private static JsonObject Event(string id, JsonObject slackEvent) =>
        new() { ["type"] = "event_callback", ["event_id"] = id, ["event"] = slackEvent };

    private static async Task<HttpResponseMessage> SendAsync(SlackHost host, JsonObject body)
    {
        using var client = host.Host.Visitor();
        var request = SlackRequestSigner.CreateJsonRequest(new Uri(host.Host.BaseAddress, "/slack/events"), body.ToJsonString(), DateTimeOffset.UtcNow, SlackHost.SigningSecret);
        return await client.SendAsync(request);
    }
}
