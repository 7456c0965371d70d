using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace Inbox.Fakes.BotFramework;

/// <summary>
/// Builds inbound activities the way Teams delivers them to the fake's bot installed in a team (channel messages,
/// conversationUpdate events, Adaptive Card Action.Execute invokes), and the signed HTTP request carrying one.
/// </summary>
public sealed class ActivityBuilder(FakeBotFramework fake)
{
    /// <summary>The team's id, which Teams also uses as the id of its General channel.</summary>
    public string TeamId { get; init; } = "19:fake-team-general@thread.tacv2";

    public string TeamName { get; init; } = "Support";

    /// <summary>The Microsoft 365 group behind the team.</summary>
    public string TeamAadGroupId { get; init; } = "7e4d1a2b-0000-4000-8000-00000000c0de";

    public string Locale { get; init; } = "en-US";

    /// <summary>The mention of the bot as Teams writes it in <c>text</c>: <c>&lt;at&gt;Inbox&lt;/at&gt;</c>.</summary>
    public string BotMentionText => $"<at>{fake.Options.BotName}</at>";

    /// <summary>
    /// A message by <paramref name="from"/> in a channel: <paramref name="conversationId"/> is a thread
    /// (<c>{channel};messageid={root}</c>) for a reply, or a bare channel id for a new top-level post.
    /// With <paramref name="mentionBot"/> the text starts with the bot's mention and carries the matching entity.
    /// The message is also put in the fake's thread, as Teams holds it before delivering it.
    /// </summary>
    public JsonObject ChannelMessage(FakeTeamsMember from, string conversationId, string text, bool mentionBot = true)
    {
        var id = fake.Workspace.NextMessageId();
        var (channelId, rootId) = FakeTeamsWorkspace.SplitConversationId(conversationId);
        var threadId = FakeTeamsWorkspace.ThreadId(channelId, rootId ?? id);
        var fullText = mentionBot ? $"{BotMentionText} {text}" : text;
        var entities = new JsonArray();
        if (mentionBot)
            entities.Add(new JsonObject { ["type"] = "mention", ["text"] = BotMentionText, ["mentioned"] = Bot() });
        entities.Add(new JsonObject { ["type"] = "clientInfo", ["locale"] = Locale, ["country"] = "US", ["platform"] = "Web", ["timezone"] = "Etc/UTC" });

        var activity = Envelope("message", id, from, Conversation(threadId));
        activity["textFormat"] = "plain";
        activity["text"] = fullText;
        activity["attachments"] = new JsonArray(new JsonObject { ["contentType"] = "text/html", ["content"] = HtmlBody(text, mentionBot) });
        activity["entities"] = entities;
        if (rootId is not null && rootId != id) activity["replyToId"] = rootId;
        activity["channelData"] = ChannelData(channelId);
        fake.Workspace.RecordUserMessage(threadId, fake.Options.TenantId, id, rootId, activity);
        return activity;
    }

    /// <summary>The conversationUpdate Teams sends when <paramref name="by"/> adds the bot to the team (<c>eventType</c> teamMemberAdded).</summary>
    public JsonObject BotAddedToTeam(FakeTeamsMember by)
    {
        var activity = Envelope("conversationUpdate", "f:" + fake.Workspace.NextMessageId(), by, Conversation(TeamId));
        activity["membersAdded"] = new JsonArray(new JsonObject { ["id"] = fake.BotId });
        activity["channelData"] = new JsonObject
        {
            ["team"] = Team(),
            ["eventType"] = "teamMemberAdded",
            ["tenant"] = new JsonObject { ["id"] = fake.Options.TenantId },
            ["settings"] = new JsonObject { ["selectedChannel"] = new JsonObject { ["id"] = TeamId } },
        };
        return activity;
    }

    /// <summary>The conversationUpdate Teams sends to an installed bot when <paramref name="by"/> creates a channel (<c>eventType</c> channelCreated).</summary>
    public JsonObject ChannelCreated(FakeTeamsMember by, string channelId, string channelName)
    {
        var activity = Envelope("conversationUpdate", "f:" + fake.Workspace.NextMessageId(), by, Conversation(TeamId));
        activity["channelData"] = new JsonObject
        {
            ["channel"] = new JsonObject { ["id"] = channelId, ["name"] = channelName },
            ["team"] = Team(),
            ["eventType"] = "channelCreated",
            ["tenant"] = new JsonObject { ["id"] = fake.Options.TenantId },
        };
        return activity;
    }

    /// <summary>
    /// The invoke Teams sends when <paramref name="from"/> presses an Action.Execute button on the card
    /// <paramref name="cardActivityId"/> in <paramref name="conversationId"/> (name <c>adaptiveCard/action</c>).
    /// </summary>
    public JsonObject CardAction(FakeTeamsMember from, string conversationId, string cardActivityId, string verb, JsonObject? data = null)
    {
        var activity = Envelope("invoke", "f:" + fake.Workspace.NextMessageId(), from, Conversation(conversationId));
        activity["name"] = "adaptiveCard/action";
        activity["replyToId"] = cardActivityId;
        activity["value"] = new JsonObject
        {
            ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = verb, ["data"] = data ?? new JsonObject() },
            ["trigger"] = "manual",
        };
        activity["channelData"] = ChannelData(FakeTeamsWorkspace.SplitConversationId(conversationId).ChannelId);
        return activity;
    }

    /// <summary>
    /// The POST Bot Framework makes to the bot's messaging endpoint: the activity as JSON with
    /// <c>Authorization: Bearer</c> a channel token for the activity's <c>serviceUrl</c> (flawed as <paramref name="token"/> says).
    /// </summary>
    public HttpRequestMessage Request(Uri messagingEndpoint, JsonObject activity, ChannelTokenOptions? token = null)
    {
        var serviceUrl = (string?)activity["serviceUrl"] ?? fake.ServiceUrl.ToString();
        var request = new HttpRequestMessage(HttpMethod.Post, messagingEndpoint)
        {
            Content = new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", fake.IssueChannelToken(serviceUrl, token));
        return request;
    }

    private JsonObject Envelope(string type, string id, FakeTeamsMember from, JsonObject conversation)
    {
        var now = fake.Options.TimeProvider.GetUtcNow();
        return new JsonObject
        {
            ["type"] = type,
            ["id"] = id,
            ["timestamp"] = now.UtcDateTime.ToString("O"),
            ["localTimestamp"] = now.ToString("O"),
            ["serviceUrl"] = fake.ServiceUrl.ToString(),
            ["channelId"] = "msteams",
            ["from"] = from.ToAccount(),
            ["conversation"] = conversation,
            ["recipient"] = Bot(),
            ["locale"] = Locale,
        };
    }

    private JsonObject Conversation(string id) => new()
    {
        ["isGroup"] = true,
        ["conversationType"] = "channel",
        ["tenantId"] = fake.Options.TenantId,
        ["id"] = id,
    };

    private JsonObject ChannelData(string channelId) => new()
    {
        ["teamsChannelId"] = channelId,
        ["teamsTeamId"] = TeamId,
        ["channel"] = new JsonObject { ["id"] = channelId },
        ["team"] = new JsonObject { ["id"] = TeamId },
        ["tenant"] = new JsonObject { ["id"] = fake.Options.TenantId },
    };

    private JsonObject Team() => new() { ["id"] = TeamId, ["name"] = TeamName, ["aadGroupId"] = TeamAadGroupId };

    private JsonObject Bot() => new() { ["id"] = fake.BotId, ["name"] = fake.Options.BotName };

    private string HtmlBody(string text, bool mentionBot)
    {
        var encoded = System.Net.WebUtility.HtmlEncode(text);
        var mention = mentionBot
            ? $"<span itemscope=\"\" itemtype=\"http://schema.skype.com/Mention\" itemid=\"0\">{System.Net.WebUtility.HtmlEncode(fake.Options.BotName)}</span> "
            : "";
        return $"<p>{mention}{encoded}</p>";
    }
}
