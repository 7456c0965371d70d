using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Inbox.Fakes.Slack;
using Inbox.Fakes.Telegram;
using Inbox.Host.Tests.Faults.Fuzzing;
using Inbox.Host.Tests.Slack;

namespace Inbox.Host.Tests.Faults;

/// <summary>The payloads the fuzz first answered with a 500 (or a stray write), each pinned by name.</summary>
[Collection(FaultsCollection.Name)]
public sealed class FuzzFindingsTests(FuzzHost host) : IClassFixture<FuzzHost>
{
    [Fact]
    public async Task Slack_event_repeating_a_property_name_is_answered_400_not_500()
    {
        var slackEvent = new JsonObject
        {
            ["channel"] = SlackHost.Channel, ["user"] = FuzzHost.SlackOperator, ["text"] = "hi", ["ts"] = "1790000001.000100", ["thread_ts"] = host.SlackRootTs,
        };
        var body = "{\"type\":\"event_callback\",\"event_id\":\"EvDup\",\"event\":{\"type\":\"message\",\"type\":\"message\"," + slackEvent.ToJsonString()[1..] + "}";
        var (status, _) = await host.SendAsync(host.ForSlack("slack/events", Json(body)));
        Assert.Equal(HttpStatusCode.BadRequest, status);
    }

    [Fact]
    public async Task Slack_event_with_invalid_utf8_in_a_string_is_answered_400_not_500()
    {
        byte[] body = [.. Encoding.UTF8.GetBytes("{\"type\":\"event_callback\",\"event\":{\"type\":\"mess"), 0xC3, 0x28, .. Encoding.UTF8.GetBytes("age\"}}")];
        var (status, _) = await host.SendAsync(host.ForSlack("slack/events", new FuzzedBody(body, "application/json", "invalid UTF-8")));
        Assert.Equal(HttpStatusCode.BadRequest, status);
    }

    [Theory]
    [InlineData("""{"type":"block_actions","user":"U0FOXMULDER","actions":[{"action_id":"inbox.close","value":"1"}]}""")]
    [InlineData("""{"type":"block_actions","user":{"id":"U0FOXMULDER"},"actions":["inbox.close"]}""")]
    [InlineData("""{"type":"view_submission","user":{"id":"U0FOXMULDER"},"view":"inbox.transfer"}""")]
    [InlineData("""{"type":"view_submission","user":{"id":"U0FOXMULDER"},"view":{"callback_id":"inbox.transfer","private_metadata":"1","state":[]}}""")]
    public async Task Slack_interaction_with_a_string_or_list_where_an_object_belongs_changes_nothing_and_is_not_a_500(string payload)
    {
        var before = await StatusAsync();
        var form = FormFuzzer.Encode([new("payload", payload)]);
        var (status, answer) = await host.SendAsync(host.ForSlack("slack/interactions", FuzzedBody.Text(form, "application/x-www-form-urlencoded", "shape")));
        Assert.True(status is HttpStatusCode.OK or HttpStatusCode.BadRequest, $"{(int)status} {answer}");
        Assert.Equal(before, await StatusAsync());
    }

    [Fact]
    public async Task Teams_activity_whose_channelData_tenant_is_a_string_is_not_a_500()
    {
        var activity = host.Activities.ChannelMessage(host.Dana, host.TeamsThread.ConversationId, "thanks", mentionBot: false);
        activity["channelData"]!["tenant"] = "not-an-object";
        var (status, answer) = await host.SendAsync(host.ForTeams(Json(activity.ToJsonString())));
        Assert.True((int)status < 500, $"{(int)status} {answer}");
    }

    [Fact]
    public async Task Teams_card_action_whose_value_is_a_string_is_answered_with_a_message_not_a_500()
    {
        var press = host.Activities.CardAction(host.Dana, host.TeamsThread.ConversationId, host.TeamsThread.RootActivityId, "inbox.close");
        press["value"] = "inbox.close";
        var (status, answer) = await host.SendAsync(host.ForTeams(Json(press.ToJsonString())));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("missing its conversation", answer);
    }

    [Fact]
    public async Task Teams_install_listing_a_null_member_or_a_string_channel_is_not_a_500()
    {
        var install = host.Activities.BotAddedToTeam(host.Dana);
        install["membersAdded"] = new JsonArray(null, new JsonObject { ["id"] = host.Teams.BotId });
        install["channelData"]!["settings"] = new JsonObject { ["selectedChannel"] = "19:general" };
        var (status, answer) = await host.SendAsync(host.ForTeams(Json(install.ToJsonString())));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Empty(answer);
    }

    [Fact]
    public async Task Teams_activity_repeating_a_property_inside_channelData_is_refused_not_a_500()
    {
        var activity = host.Activities.ChannelMessage(host.Dana, host.TeamsThread.ConversationId, "thanks", mentionBot: false).ToJsonString();
        var repeated = activity.Replace("\"channelData\":{", "\"channelData\":{\"tenant\":null,", StringComparison.Ordinal);
        var (status, answer) = await host.SendAsync(host.ForTeams(Json(repeated)));
        Assert.True((int)status is >= 400 and < 500, $"{(int)status} {answer}");
    }

    [Fact]
    public async Task Telegram_photo_listing_a_null_size_stores_the_caption_and_is_not_a_500()
    {
        var user = new FakeTelegramUser(870_001, "Nell");
        var update = JsonNode.Parse(TelegramUpdates.Photo(870_001_000, user, [host.TelegramPhoto], "caption of a broken photo"))!;
        update["message"]!["photo"]!.AsArray().Insert(0, null);
        var (status, answer) = await host.SendAsync(host.ForTelegram(Json(update.ToJsonString())));
        Assert.True(status == HttpStatusCode.OK, $"{(int)status} {answer}");
    }

    [Fact]
    public async Task Widget_file_upload_cut_off_before_its_closing_boundary_is_answered_400_not_500()
    {
        var multipart = "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\nContent-Type: text/plain\r\n\r\nhello\r\n--b\r\nContent-Dispo";
        var (status, answer) = await host.SendAsync(Upload(host.ConversationId, multipart));
        Assert.True(status == HttpStatusCode.BadRequest, $"{(int)status} {answer}");
    }

    [Fact]
    public async Task Widget_file_sent_into_a_conversation_that_is_not_the_visitors_is_refused_and_nothing_is_stored()
    {
        await using var db = new StoreReader(Path.Combine(host.Host.DataDirectory, "inbox.db"));
        var files = await db.CountAsync("SELECT COUNT(*) FROM Files");
        var multipart = "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\nContent-Type: text/plain\r\n\r\nhello\r\n--b--\r\n";
        foreach (var id in (long[])[0, 987_654, host.ConversationId + 1_000])
        {
            var (status, answer) = await host.SendAsync(Upload(id, multipart));
            Assert.True(status == HttpStatusCode.NotFound, $"#{id}: {(int)status} {answer}");
        }
        Assert.Equal(files, await db.CountAsync("SELECT COUNT(*) FROM Files"));
    }

    private HttpRequestMessage Upload(long conversationId, string multipart)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, host.Url($"widget/api/conversations/{conversationId.ToString(CultureInfo.InvariantCulture)}/files"))
        {
            Content = FuzzedBody.Text(multipart, "multipart/form-data; boundary=b", "multipart").Content(),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", host.VisitorToken);
        return request;
    }

    private async Task<string> StatusAsync()
    {
        using var console = host.Host.Operator();
        return (await console.GetStringAsync($"/api/operator/conversations/{host.ConversationId}")).Split("\"messages\"")[0];
    }

    private static FuzzedBody Json(string json) => FuzzedBody.Text(json, "application/json", "crafted");
}
