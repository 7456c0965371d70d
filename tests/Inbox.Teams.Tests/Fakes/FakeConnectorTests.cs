using System.Net;
using System.Text.Json.Nodes;
using Inbox.Fakes.BotFramework;
using Microsoft.Extensions.Time.Testing;

namespace Inbox.Teams.Tests.Fakes;

public sealed class FakeConnectorTests : IAsyncLifetime
{
    private const string Channel = "19:c0ffee@thread.tacv2";
    private readonly FakeTimeProvider _time = new(DateTimeOffset.FromUnixTimeSeconds(1_700_000_000));
    private FakeBotFramework _bot = null!;
    private RawBotClient _client = null!;

    public async Task InitializeAsync()
    {
        _bot = await FakeBotFramework.StartAsync("3f1c9a52-7b1e-4d7a-9c2e-0a1b2c3d4e5f", "s3cret", _time);
        _client = new RawBotClient(_bot);
        await _client.SignInAsync();
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _bot.DisposeAsync();
    }

    [Fact]
    public async Task Connector_calls_without_a_bearer_token_are_401_and_change_nothing()
    {
        _client.AccessToken = null;

        var answer = await _client.CreateThreadAsync(Channel, "New conversation");

        Assert.Equal(HttpStatusCode.Unauthorized, answer.Status);
        Assert.Empty(_bot.Threads);
        Assert.Single(_bot.CallsTo(BotOperation.CreateConversation));
    }

    [Fact]
    public async Task A_channel_token_or_a_made_up_token_is_not_accepted_by_the_connector()
    {
        _client.AccessToken = _bot.IssueChannelToken(_bot.ServiceUrl.ToString());
        var channelToken = await _client.CreateThreadAsync(Channel, "x");
        _client.AccessToken = "not-a-jwt";
        var madeUp = await _client.CreateThreadAsync(Channel, "x");

        Assert.Equal(HttpStatusCode.Unauthorized, channelToken.Status);
        Assert.Equal(HttpStatusCode.Unauthorized, madeUp.Status);
    }

    [Fact]
    public async Task An_access_token_stops_working_when_it_expires_or_is_revoked()
    {
        var fresh = await _client.CreateThreadAsync(Channel, "one");
        _time.Advance(TimeSpan.FromHours(1));
        var expired = await _client.CreateThreadAsync(Channel, "two");
        await _client.SignInAsync();
        _bot.RevokeAccessTokens();
        var revoked = await _client.CreateThreadAsync(Channel, "three");
        await _client.SignInAsync();
        var renewed = await _client.CreateThreadAsync(Channel, "four");

        Assert.Equal(HttpStatusCode.Created, fresh.Status);
        Assert.Equal(HttpStatusCode.Unauthorized, expired.Status);
        Assert.Equal(HttpStatusCode.Unauthorized, revoked.Status);
        Assert.Equal(HttpStatusCode.Created, renewed.Status);
        Assert.Equal(2, _bot.Threads.Count);
    }

    [Fact]
    public async Task Creating_a_conversation_in_a_channel_starts_a_thread_rooted_at_the_activity()
    {
        var answer = await _client.CreateThreadAsync(Channel, "New conversation from Ada");

        Assert.Equal(HttpStatusCode.Created, answer.Status);
        Assert.Equal("1700000000000", answer.Field("activityId"));
        Assert.Equal($"{Channel};messageid=1700000000000", answer.Field("id"));
        var thread = Assert.Single(_bot.Threads);
        Assert.Equal(answer.Field("id"), thread.ConversationId);
        Assert.Equal(Channel, thread.ChannelId);
        Assert.Equal(_bot.Options.TenantId, thread.TenantId);
        Assert.Equal("New conversation from Ada", thread.Root!.Text);
        Assert.True(thread.Root.FromBot);
    }

    [Fact]
    public async Task Message_ids_are_increasing_epoch_milliseconds_from_the_clock()
    {
        var first = await _client.CreateThreadAsync(Channel, "a");
        var second = await _client.CreateThreadAsync(Channel, "b");
        _time.Advance(TimeSpan.FromSeconds(2));
        var third = await _client.CreateThreadAsync(Channel, "c");

        Assert.Equal(["1700000000000", "1700000000001", "1700000002000"], new[] { first, second, third }.Select(a => a.Field("activityId")));
    }

    [Theory]
    [InlineData("""{"isGroup":true,"channelData":{"tenant":{"id":"t"}},"activity":{"type":"message"}}""", "BadArgument")]
    [InlineData("""{"isGroup":true,"channelData":{"channel":{"id":"19:c@thread.tacv2"}},"activity":{"type":"message"}}""", "BadArgument")]
    [InlineData("""{"isGroup":true,"channelData":{"channel":{"id":"19:c@thread.tacv2"},"tenant":{"id":"t"}}}""", "BadArgument")]
    [InlineData("""{"isGroup":false,"channelData":{"channel":{"id":"19:c@thread.tacv2"},"tenant":{"id":"t"}},"activity":{"type":"message"}}""", "BadArgument")]
    [InlineData("""[1,2]""", "BadSyntax")]
    public async Task A_create_without_channel_tenant_group_flag_or_activity_is_400(string body, string code)
    {
        var answer = await _client.ConnectorAsync(HttpMethod.Post, "v3/conversations", JsonNode.Parse(body));

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal(code, answer.ErrorCode);
        Assert.Empty(_bot.Threads);
    }

    [Fact]
    public async Task Posting_to_the_thread_adds_a_reply_after_the_root()
    {
        var thread = (await _client.CreateThreadAsync(Channel, "root")).Field("id")!;

        var reply = await _client.SendAsync(thread, "Visitor: hello?");

        Assert.Equal(HttpStatusCode.Created, reply.Status);
        var held = _bot.Thread(thread)!;
        Assert.Equal(["root", "Visitor: hello?"], held.Activities.Select(a => a.Text));
        Assert.Equal(reply.Field("id"), Assert.Single(held.Replies).Id);
        Assert.Equal("message", held.Replies[0].Activity["type"]!.GetValue<string>());
    }

    [Fact]
    public async Task Reply_to_activity_keeps_the_reply_to_id()
    {
        var created = await _client.CreateThreadAsync(Channel, "root");
        var thread = created.Field("id")!;
        var root = created.Field("activityId")!;

        var reply = await _client.ConnectorAsync(HttpMethod.Post,
            $"v3/conversations/{Uri.EscapeDataString(thread)}/activities/{root}", RawBotClient.Message("threaded"));

        Assert.Equal(HttpStatusCode.Created, reply.Status);
        Assert.Equal(root, _bot.Thread(thread)!.Replies.Single().ReplyToId);
    }

    [Fact]
    public async Task Posting_to_the_bare_channel_opens_a_new_thread()
    {
        var answer = await _client.SendAsync(Channel, "top-level post");

        Assert.Equal(HttpStatusCode.Created, answer.Status);
        var thread = Assert.Single(_bot.Threads);
        Assert.Equal($"{Channel};messageid={answer.Field("id")}", thread.ConversationId);
        Assert.Equal("top-level post", thread.Root!.Text);
    }

    [Fact]
    public async Task Posting_to_an_unknown_thread_is_404_conversation_not_found()
    {
        var answer = await _client.SendAsync($"{Channel};messageid=42", "hello?");

        Assert.Equal(HttpStatusCode.NotFound, answer.Status);
        Assert.Equal("ConversationNotFound", answer.ErrorCode);
    }

    [Fact]
    public async Task Conversation_ids_are_accepted_unescaped_too()
    {
        var thread = (await _client.CreateThreadAsync(Channel, "root")).Field("id")!;

        var reply = await _client.ConnectorAsync(HttpMethod.Post, $"v3/conversations/{thread}/activities", RawBotClient.Message("raw id"));

        Assert.Equal(HttpStatusCode.Created, reply.Status);
        Assert.Equal(2, _bot.Thread(thread)!.Activities.Count);
    }

    [Fact]
    public async Task Updating_the_root_card_replaces_it_in_place_and_keeps_the_old_version()
    {
        var created = await _client.CreateThreadAsync(Channel, "Status: open");
        var thread = created.Field("id")!;
        var root = created.Field("activityId")!;
        _time.Advance(TimeSpan.FromMinutes(1));

        var answer = await _client.UpdateAsync(thread, root, "Status: closed");

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal(root, answer.Field("id"));
        var updated = _bot.Thread(thread)!.Root!;
        Assert.Equal("Status: closed", updated.Text);
        var edit = Assert.Single(updated.Edits);
        Assert.Contains("Status: open", edit.Json);
        Assert.Equal(_time.GetUtcNow(), edit.ReplacedAt);
        Assert.Single(_bot.Thread(thread)!.Activities);
    }

    [Fact]
    public async Task Updating_an_unknown_activity_or_conversation_is_404()
    {
        var thread = (await _client.CreateThreadAsync(Channel, "root")).Field("id")!;

        var noActivity = await _client.UpdateAsync(thread, "999", "x");
        var noConversation = await _client.UpdateAsync($"{Channel};messageid=999", "999", "x");

        Assert.Equal(HttpStatusCode.NotFound, noActivity.Status);
        Assert.Equal("ActivityNotFound", noActivity.ErrorCode);
        Assert.Equal(HttpStatusCode.NotFound, noConversation.Status);
        Assert.Equal("ConversationNotFound", noConversation.ErrorCode);
    }

    [Fact]
    public async Task An_adaptive_card_attachment_is_readable_from_the_thread()
    {
        var card = new JsonObject { ["type"] = "AdaptiveCard", ["version"] = "1.5", ["body"] = new JsonArray() };
        var body = new JsonObject
        {
            ["type"] = "message",
            ["attachments"] = new JsonArray(new JsonObject { ["contentType"] = "application/vnd.microsoft.card.adaptive", ["content"] = card }),
        };

        var answer = await _client.SendAsync(Channel, "ignored");
        var thread = _bot.Threads.Single().ConversationId;
        await _client.ConnectorAsync(HttpMethod.Put, $"v3/conversations/{Uri.EscapeDataString(thread)}/activities/{answer.Field("id")}", body);

        Assert.Equal("1.5", (string?)_bot.Thread(thread)!.Root!.AdaptiveCard!["version"]);
    }

    [Fact]
    public async Task Get_member_describes_a_registered_person_by_user_id_or_object_id()
    {
        _bot.AddMember("29:1ada", "Ada Lovelace", "ada@contoso.test", "aad-0000-ada");

        var byId = await _client.MemberAsync(Channel, "29:1ada");
        var byObjectId = await _client.MemberAsync(Channel, "aad-0000-ada");

        Assert.Equal(HttpStatusCode.OK, byId.Status);
        Assert.Equal("29:1ada", byId.Field("id"));
        Assert.Equal("Ada Lovelace", byId.Field("name"));
        Assert.Equal("aad-0000-ada", byId.Field("aadObjectId"));
        Assert.Equal("ada@contoso.test", byId.Field("email"));
        Assert.Equal("ada@contoso.test", byId.Field("userPrincipalName"));
        Assert.Equal("Ada", byId.Field("givenName"));
        Assert.Equal("Lovelace", byId.Field("surname"));
        Assert.Equal(byId.Text, byObjectId.Text);
    }

    [Fact]
    public async Task Get_member_for_someone_unknown_is_404_member_not_found()
    {
        var answer = await _client.MemberAsync(Channel, "29:nobody");

        Assert.Equal(HttpStatusCode.NotFound, answer.Status);
        Assert.Equal("MemberNotFoundInConversation", answer.ErrorCode);
    }

    [Fact]
    public async Task Every_connector_call_is_recorded_with_its_operation_path_and_body()
    {
        var thread = (await _client.CreateThreadAsync(Channel, "root")).Field("id")!;
        await _client.SendAsync(thread, "reply");
        await _client.MemberAsync(thread, "29:x");

        var calls = _bot.Calls.Where(c => c.Operation != BotOperation.Token).ToArray();
        Assert.Equal([BotOperation.CreateConversation, BotOperation.SendToConversation, BotOperation.GetConversationMember], calls.Select(c => c.Operation));
        Assert.Equal($"/connector/v3/conversations/{thread}/activities", calls[1].Path);
        Assert.Equal("reply", (string?)calls[1].Body!["text"]);
        Assert.StartsWith("Bearer ", calls[1].Authorization);
        Assert.Null(calls[2].Body);
    }
}
