using System.Net;
using System.Text.Json.Nodes;
using Inbox.Fakes.Slack;
using Inbox.Host.Tests.Api.Support;
using Inbox.Host.Tests.Slack;

namespace Inbox.Host.Tests.Replies;

/// <summary>What the undo-window and sender tests do in Slack: start a thread from the widget, reply in it, edit, press Undo.</summary>
internal static class SlackReplies
{
    public const string Fox = "U0FOXMULDER";

    public static async Task<SlackHost> StartAsync(IDictionary<string, string?>? settings = null)
    {
        var host = await SlackHost.StartAsync(settings);
        host.Slack.AddUser(Fox, "Fox Mulder", "fox@acme.test");
        return host;
    }

    public static Dictionary<string, string?> Window(string window) => new() { ["Replies:UndoWindow"] = window };

    public static async Task<(long Id, string RootTs)> StartThreadAsync(SlackHost host, WidgetVisitor visitor, string text)
    {
        var id = await visitor.StartConversationAsync(text);
        await SlackHost.EventuallyAsync(() => host.Slack.Messages(SlackHost.Channel).Count == 2, "the thread and its first message are posted");
        return (id, host.Slack.Messages(SlackHost.Channel).Single(m => !m.IsThreadReply).Ts);
    }

    /// <summary>Fox writes <paramref name="text"/> in the thread (Slack's message event).</summary>
    public static Task ReplyAsync(SlackHost host, string rootTs, string ts, string text) =>
        SendEventAsync(host, $"Ev{ts}", new JsonObject
        {
            ["type"] = "message", ["channel"] = SlackHost.Channel, ["user"] = Fox, ["text"] = text,
            ["ts"] = ts, ["thread_ts"] = rootTs, ["channel_type"] = "channel",
        });

    /// <summary>Fox edits his thread message (Slack's message_changed event).</summary>
    public static Task EditAsync(SlackHost host, string rootTs, string ts, string before, string after) =>
        SendEventAsync(host, $"EvEdit{ts}", new JsonObject
        {
            ["type"] = "message", ["subtype"] = "message_changed", ["channel"] = SlackHost.Channel,
            ["message"] = new JsonObject { ["type"] = "message", ["user"] = Fox, ["text"] = after, ["ts"] = ts, ["thread_ts"] = rootTs },
            ["previous_message"] = new JsonObject { ["type"] = "message", ["user"] = Fox, ["text"] = before, ["ts"] = ts },
        });

    /// <summary>The Undo button of the ephemeral message Fox was shown (its action id and value).</summary>
    public static JsonNode UndoButton(RecordedSlackCall ephemeral)
    {
        var blocks = JsonNode.Parse(ephemeral.Argument("blocks")!)!.AsArray();
        return blocks.Select(b => b!["accessory"]).Single(a => a?["action_id"]?.GetValue<string>() == "inbox.undo")!;
    }

    /// <summary>Fox presses a button of an ephemeral message; Slack gives the click a response_url.</summary>
    public static async Task PressAsync(SlackHost host, JsonNode button, string responseId)
    {
        var payload = new JsonObject
        {
            ["type"] = "block_actions",
            ["user"] = new JsonObject { ["id"] = Fox },
            ["trigger_id"] = $"trigger-{Guid.NewGuid():N}",
            ["channel"] = new JsonObject { ["id"] = SlackHost.Channel },
            ["container"] = new JsonObject { ["type"] = "message", ["is_ephemeral"] = true, ["channel_id"] = SlackHost.Channel },
            ["response_url"] = host.Slack.ResponseUrl(responseId).AbsoluteUri,
            ["actions"] = new JsonArray(new JsonObject
            {
                ["action_id"] = button["action_id"]!.GetValue<string>(), ["value"] = button["value"]!.GetValue<string>(), ["type"] = "button",
            }),
        };
        using var client = host.Host.Visitor();
        var request = SlackRequestSigner.CreateFormRequest(new Uri(host.Host.BaseAddress, "/slack/interactions"),
            [new("payload", payload.ToJsonString())], DateTimeOffset.UtcNow, SlackHost.SigningSecret);
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    /// <summary>Fox submits the Reply… form of conversation <paramref name="id"/> (a view_submission).</summary>
    public static async Task SubmitReplyFormAsync(SlackHost host, long id, string text)
    {
        var payload = new JsonObject
        {
            ["type"] = "view_submission",
            ["user"] = new JsonObject { ["id"] = Fox },
            ["view"] = new JsonObject
            {
                ["id"] = $"V{Guid.NewGuid():N}"[..12].ToUpperInvariant(),
                ["callback_id"] = "inbox.reply",
                ["private_metadata"] = id.ToString(),
                ["state"] = new JsonObject { ["values"] = new JsonObject { ["reply"] = new JsonObject { ["text"] = new JsonObject { ["type"] = "plain_text_input", ["value"] = text } } } },
            },
        };
        using var client = host.Host.Visitor();
        var request = SlackRequestSigner.CreateFormRequest(new Uri(host.Host.BaseAddress, "/slack/interactions"),
            [new("payload", payload.ToJsonString())], DateTimeOffset.UtcNow, SlackHost.SigningSecret);
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    /// <summary>The text of what was posted to a response_url (the ephemeral message's replacement).</summary>
    public static string? Response(SlackHost host, string responseId) =>
        host.Slack.Responses.Where(r => r.Id == responseId).Select(r => JsonNode.Parse(r.Body)!["text"]?.GetValue<string>()).LastOrDefault();

    private static async Task SendEventAsync(SlackHost host, string eventId, JsonObject slackEvent)
    {
        var body = new JsonObject { ["type"] = "event_callback", ["team_id"] = "T0FAKE", ["api_app_id"] = "A0FAKE", ["event_id"] = eventId, ["event"] = slackEvent };
        using var client = host.Host.Visitor();
        var request = SlackRequestSigner.CreateJsonRequest(new Uri(host.Host.BaseAddress, "/slack/events"), body.ToJsonString(), DateTimeOffset.UtcNow, SlackHost.SigningSecret);
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
