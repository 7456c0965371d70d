using System.Globalization;
using System.Text.Json.Nodes;
using Inbox.Fakes.Telegram;
using Inbox.Host.Tests.Slack;

namespace Inbox.Host.Tests.Faults.Fuzzing;

/// <summary>The endpoints Slack, Teams and Telegram call, each with valid payloads to break and the authentication it needs.</summary>
internal sealed class BridgeTargets(FuzzHost host, JsonFuzzer json, FormFuzzer form)
{
    private static readonly string[] Commands =
        ["help", "open", "all 2", "closed tag:vip since:2026-01-01", "you", "spam", "note #{0} called back", "assign #{0}", "join #{0}",
         "close #{0}", "reopen #{0}", "details #{0}", "history #{0}", "tag #{0} vip", "untag #{0} vip", "search order", "status online 3",
         "transfer #{0} <@U0LEEADAMA>", "assign #{0} <@U0LEEADAMA>"];

    private int _counter;

    public IEnumerable<FuzzTarget> All() => [SlackEvents(), SlackCommands(), SlackInteractions(), TeamsActivities(), TelegramWebhook()];

    public FuzzTarget SlackEvents() => new("slack events", _ =>
    {
        var body = json.Next(SlackEvent());
        return (host.ForSlack("slack/events", body), body);
    });

    public FuzzTarget SlackCommands() => new("slack commands", _ =>
    {
        var body = form.Next(
        [
            new("token", "legacy"), new("team_id", "T0FAKETEAM"), new("channel_id", SlackHost.Channel), new("user_id", FuzzHost.SlackOperator),
            new("command", "/inbox"), new("text", Command()), new("response_url", host.Slack.ResponseUrl("fuzz").AbsoluteUri),
            new("trigger_id", $"1337.{Next()}.abcd"),
        ]);
        return (host.ForSlack("slack/commands", body), body);
    });

    public FuzzTarget SlackInteractions() => new("slack interactions", _ =>
    {
        var body = form.Next([new("payload", Interaction().ToJsonString())], jsonField: "payload");
        return (host.ForSlack("slack/interactions", body), body);
    });

    public FuzzTarget TeamsActivities() => new("teams activities", _ =>
    {
        var body = json.Next(Activity());
        return (host.ForTeams(body), body);
    });

    public FuzzTarget TelegramWebhook() => new("telegram webhook", _ =>
    {
        var body = json.Next(JsonNode.Parse(TelegramUpdate())!);
        return (host.ForTelegram(body), body);
    });

    private JsonObject SlackEvent()
    {
        var ts = SlackTs();
        var message = new JsonObject
        {
            ["type"] = "message", ["channel"] = SlackHost.Channel, ["user"] = FuzzHost.SlackOperator, ["text"] = json.Pick(["Sure, on it", "// a note", "&lt;b&gt; <https://x.test|link>"]),
            ["ts"] = ts, ["thread_ts"] = host.SlackRootTs, ["team"] = "T0FAKETEAM",
        };
        var slackEvent = json.Random.Next(6) switch
        {
            0 => new JsonObject { ["type"] = "app_home_opened", ["user"] = FuzzHost.SlackOperator, ["channel"] = "D0FOX", ["tab"] = "home" },
            1 => new JsonObject
            {
                ["type"] = "message", ["subtype"] = "message_changed", ["channel"] = SlackHost.Channel, ["message"] = message,
                ["previous_message"] = new JsonObject { ["user"] = FuzzHost.SlackOperator, ["ts"] = ts, ["text"] = "before" },
            },
            2 => new JsonObject { ["type"] = "message", ["subtype"] = "message_deleted", ["channel"] = SlackHost.Channel, ["deleted_ts"] = ts,
                ["previous_message"] = new JsonObject { ["user"] = FuzzHost.SlackOperator, ["ts"] = ts } },
            3 => new JsonObject { ["type"] = "message", ["subtype"] = "message_replied", ["channel"] = SlackHost.Channel, ["message"] = message },
            _ => message,
        };
        if (json.Random.Next(10) == 0) return new JsonObject { ["type"] = "url_verification", ["challenge"] = "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P", ["token"] = "x" };
        return new JsonObject
        {
            ["token"] = "legacy", ["team_id"] = "T0FAKETEAM", ["api_app_id"] = "A0FAKEAPP", ["type"] = "event_callback",
            ["event_id"] = $"Ev{Next():D8}", ["event_time"] = 1_790_000_000, ["event"] = slackEvent,
            ["authorizations"] = new JsonArray(new JsonObject { ["team_id"] = "T0FAKETEAM", ["user_id"] = "U0FAKEBOT", ["is_bot"] = true }),
        };
    }

    private JsonObject Interaction()
    {
        var id = host.ConversationId.ToString(CultureInfo.InvariantCulture);
        if (json.Random.Next(4) == 0)
        {
            return new JsonObject
            {
                ["type"] = "view_submission",
                ["user"] = new JsonObject { ["id"] = FuzzHost.SlackOperator, ["name"] = "fox" },
                ["view"] = new JsonObject
                {
                    ["id"] = "V0001", ["callback_id"] = "inbox.transfer", ["private_metadata"] = id,
                    ["state"] = new JsonObject { ["values"] = new JsonObject { ["transfer_to"] = new JsonObject { ["operator"] = new JsonObject
                    {
                        ["type"] = "static_select", ["selected_option"] = new JsonObject { ["value"] = Guid.NewGuid().ToString() },
                    } } } },
                },
            };
        }
        var action = json.Pick(["inbox.assign_me", "inbox.join", "inbox.close", "inbox.reopen", "inbox.transfer", "inbox.details", "inbox.history", "inbox.other"]);
        return new JsonObject
        {
            ["type"] = "block_actions",
            ["user"] = new JsonObject { ["id"] = FuzzHost.SlackOperator, ["username"] = "fox" },
            ["trigger_id"] = $"trigger-{Next()}",
            ["channel"] = new JsonObject { ["id"] = SlackHost.Channel },
            ["container"] = new JsonObject { ["type"] = "message", ["message_ts"] = host.SlackRootTs, ["channel_id"] = SlackHost.Channel },
            ["actions"] = new JsonArray(new JsonObject { ["action_id"] = action, ["value"] = id, ["type"] = "button", ["block_id"] = "b" }),
        };
    }

    private JsonObject Activity()
    {
        var thread = host.TeamsThread;
        var id = host.ConversationId;
        switch (json.Random.Next(7))
        {
            case 0:
                return host.Activities.BotAddedToTeam(host.Dana);
            case 1:
            case 2:
                var verb = json.Pick(["inbox.assign_me", "inbox.join", "inbox.close", "inbox.reopen", "inbox.details", "inbox.history", "inbox.transfer", "inbox.refresh", "inbox.nope"]);
                var data = new JsonObject { ["conversationId"] = json.Random.Next(2) == 0 ? (JsonNode)id : $"#{id}", ["operatorId"] = Guid.NewGuid().ToString() };
                return host.Activities.CardAction(host.Dana, thread.ConversationId, thread.RootActivityId, verb, data);
            case 3:
                var edited = host.Activities.ChannelMessage(host.Dana, thread.ConversationId, "edited reply", mentionBot: false);
                edited["type"] = json.Random.Next(2) == 0 ? "messageUpdate" : "messageDelete";
                edited["channelData"]!["eventType"] = json.Pick(["editMessage", "softDeleteMessage", "undeleteMessage"]);
                return edited;
            default:
                var mention = json.Random.Next(3) > 0;
                return host.Activities.ChannelMessage(host.Dana, thread.ConversationId, mention ? Command() : "Thanks, we are on it", mentionBot: mention);
        }
    }

    private string TelegramUpdate()
    {
        var updateId = 5_000_000L + Next();
        var user = new FakeTelegramUser(800_000 + json.Random.Next(5), "Tess", json.Random.Next(2) == 0 ? "Ter" : null, "tess");
        return json.Random.Next(4) switch
        {
            0 => TelegramUpdates.Photo(updateId, user, [host.TelegramPhoto], "look at this"),
            1 => TelegramUpdates.Document(updateId, user, host.TelegramPhoto, "order.pdf", "application/pdf", "the invoice"),
            _ => TelegramUpdates.Text(updateId, user, "Where is my parcel?"),
        };
    }

    private string Command() => string.Format(CultureInfo.InvariantCulture, json.Pick(Commands), host.ConversationId);

    private string SlackTs() => $"{1_790_000_000 + Next()}.{json.Random.Next(1_000_000):D6}";

    private int Next() => Interlocked.Increment(ref _counter);
}
