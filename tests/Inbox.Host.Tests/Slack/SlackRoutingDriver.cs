using System.Net;
using System.Text.Json.Nodes;
using Inbox.Fakes.Slack;

namespace Inbox.Host.Tests.Slack;

/// <summary>Acts in Slack as an operator would, in any channel: thread replies, <c>/inbox</c>, buttons and the Reply modal.</summary>
internal sealed class SlackRoutingDriver(SlackHost host, string userId)
{
    private int _next;

    /// <summary>Routing rules as configuration keys (<c>Routing:Rules:N:…</c>, <c>Routing:Default:…</c>).</summary>
    public static Dictionary<string, string?> Rules(params (string Name, string Match, string? Slack, string? Teams, string Mode)[] rules)
    {
        var settings = new Dictionary<string, string?>();
        for (var i = 0; i < rules.Length; i++)
        {
            var (name, match, slack, teams, mode) = rules[i];
            var (key, value) = (match.Split('=')[0], match.Split('=')[1]);
            settings[$"Routing:Rules:{i}:Name"] = name;
            settings[$"Routing:Rules:{i}:Match:{key}"] = value;
            settings[$"Routing:Rules:{i}:SlackChannel"] = slack;
            settings[$"Routing:Rules:{i}:TeamsChannel"] = teams;
            settings[$"Routing:Rules:{i}:ThreadMode"] = mode;
        }
        return settings;
    }

    /// <summary>Waits for the root of conversation <paramref name="id"/> in <paramref name="channel"/> and its first message; returns the root's ts.</summary>
    public async Task<string> RootAsync(string channel, long id)
    {
        FakeSlackMessage? Root() => host.Slack.Messages(channel).FirstOrDefault(m => !m.IsThreadReply && m.Text?.Contains($"#{id} ·") == true);
        await SlackHost.EventuallyAsync(() => Root() is { } root && host.Slack.Thread(channel, root.Ts).Count >= 2, $"#{id}'s thread is in {channel}");
        return Root()!.Ts;
    }

    public async Task ReplyInThreadAsync(string channel, string rootTs, string text)
    {
        var ts = $"1800000{Interlocked.Increment(ref _next):D3}.000100";
        using var response = await EventAsync(new JsonObject
        {
            ["type"] = "message", ["channel"] = channel, ["user"] = userId, ["text"] = text,
            ["ts"] = ts, ["thread_ts"] = rootTs, ["channel_type"] = "channel",
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    public async Task<HttpResponseMessage> EventAsync(JsonObject slackEvent)
    {
        using var client = host.Host.Visitor();
        var body = new JsonObject { ["type"] = "event_callback", ["event_id"] = $"EvRoute{Guid.NewGuid():N}", ["event"] = slackEvent };
        var request = SlackRequestSigner.CreateJsonRequest(new Uri(host.Host.BaseAddress, "/slack/events"), body.ToJsonString(), DateTimeOffset.UtcNow, SlackHost.SigningSecret);
        return await client.SendAsync(request);
    }

    /// <summary>Runs <c>/inbox <paramref name="text"/></c> in <paramref name="channel"/> and returns the ephemeral answer.</summary>
    public async Task<string> CommandAsync(string channel, string text)
    {
        using var client = host.Host.Visitor();
        var request = SlackRequestSigner.CreateFormRequest(new Uri(host.Host.BaseAddress, "/slack/commands"),
        [
            new("team_id", "T0FAKE"), new("channel_id", channel), new("user_id", userId), new("command", "/inbox"), new("text", text),
            new("response_url", host.Slack.ResponseUrl("unused").AbsoluteUri), new("trigger_id", "1337.42.abcd"),
        ], DateTimeOffset.UtcNow, SlackHost.SigningSecret);
        using var response = await client.SendAsync(request);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return body["text"]!.GetValue<string>();
    }

    /// <summary>Presses Reply… on the root, fills in the modal Slack opens and submits it.</summary>
    public async Task ReplyWithModalAsync(string channel, string rootTs, long id, string text)
    {
        var opened = host.Slack.Views.Count;
        using (var pressed = await InteractAsync(new JsonObject
        {
            ["type"] = "block_actions",
            ["user"] = new JsonObject { ["id"] = userId },
            ["trigger_id"] = $"trigger-{Guid.NewGuid():N}",
            ["channel"] = new JsonObject { ["id"] = channel },
            ["container"] = new JsonObject { ["type"] = "message", ["message_ts"] = rootTs, ["channel_id"] = channel },
            ["actions"] = new JsonArray(new JsonObject { ["action_id"] = "inbox.reply", ["value"] = id.ToString(), ["type"] = "button" }),
        })) Assert.Equal(HttpStatusCode.OK, pressed.StatusCode);
        var modal = Assert.Single(host.Slack.Views.Skip(opened));
        Assert.Equal("views.open", modal.Method);
        Assert.Equal("inbox.reply", modal.View["callback_id"]!.GetValue<string>());

        var view = (JsonObject)modal.View.DeepClone();
        view["state"] = new JsonObject { ["values"] = new JsonObject { ["reply"] = new JsonObject { ["text"] = new JsonObject { ["type"] = "plain_text_input", ["value"] = text } } } };
        using var submitted = await InteractAsync(new JsonObject { ["type"] = "view_submission", ["user"] = new JsonObject { ["id"] = userId }, ["view"] = view });
        Assert.Equal(HttpStatusCode.OK, submitted.StatusCode);
        Assert.Equal("clear", JsonNode.Parse(await submitted.Content.ReadAsStringAsync())!["response_action"]!.GetValue<string>());
    }

    /// <summary>Picks <paramref name="route"/> in the Home tab's route menu.</summary>
    public async Task ChooseHomeRouteAsync(string route)
    {
        using var response = await InteractAsync(new JsonObject
        {
            ["type"] = "block_actions",
            ["user"] = new JsonObject { ["id"] = userId },
            ["container"] = new JsonObject { ["type"] = "view", ["view_id"] = "VHOME" },
            ["actions"] = new JsonArray(new JsonObject
            {
                ["action_id"] = "inbox.home_route", ["type"] = "static_select",
                ["selected_option"] = new JsonObject { ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = route }, ["value"] = route },
            }),
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private async Task<HttpResponseMessage> InteractAsync(JsonObject payload)
    {
        using var client = host.Host.Visitor();
        var request = SlackRequestSigner.CreateFormRequest(new Uri(host.Host.BaseAddress, "/slack/interactions"),
            [new("payload", payload.ToJsonString())], DateTimeOffset.UtcNow, SlackHost.SigningSecret);
        return await client.SendAsync(request);
    }

    /// <summary>Every section text of a view (the Home tab), one per line.</summary>
    public static string Texts(JsonObject view) =>
        string.Join("\n", view["blocks"]!.AsArray().Select(b => b!["text"]?["text"]?.GetValue<string>()).Where(t => t is not null));

    /// <summary>A message's blocks as JSON, with &lt; and &gt; left readable.</summary>
    public static string Blocks(FakeSlackMessage message) =>
        message.Blocks?.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) ?? "";

    /// <summary>The texts of the ephemeral messages the operator was shown, oldest first.</summary>
    public IReadOnlyList<string> Ephemerals() =>
        host.Slack.CallsTo("chat.postEphemeral").Where(c => c.Argument("user") == userId).Select(c => c.Argument("text") ?? "").ToList();
}
