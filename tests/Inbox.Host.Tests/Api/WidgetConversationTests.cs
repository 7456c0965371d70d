using System.Net.Http.Json;
using System.Net;
using System.Net.Http.Headers;
using Inbox.Host.Tests.Api.Support;

namespace Inbox.Host.Tests.Api;

public sealed class WidgetConversationTests(SharedInboxHost shared) : IClassFixture<SharedInboxHost>
{
    private readonly InboxHost _host = shared.Host;

    [Fact]
    public async Task Visitor_starts_a_chat_and_finds_it_in_their_list_with_its_messages()
    {
        using var visitor = await WidgetVisitor.OpenSessionAsync(_host);

        var response = await visitor.StartChatAsync("Hello, my order #1234 is late");
        var started = await response.ShouldBe(HttpStatusCode.Created);

        var conversationId = started["conversation"].Id();
        Assert.Equal($"/widget/api/conversations/{conversationId}/messages", response.Headers.Location?.OriginalString);
        Assert.Equal("Open", started["conversation"].String("status"));
        Assert.Equal("customer", started["message"].String("direction"));
        var chat = Assert.Single(await visitor.ConversationsAsync());
        Assert.Equal(conversationId, chat.Id());
        Assert.Equal("Hello, my order #1234 is late", chat.String("preview"));
        var message = Assert.Single(await visitor.MessagesAsync(conversationId));
        Assert.Equal("Hello, my order #1234 is late", message.String("text"));
        Assert.Equal(started["message"].Id(), message.Id());
    }

    [Fact]
    public async Task The_site_a_chat_started_on_is_recorded_for_operators()
    {
        using var visitor = await WidgetVisitor.OpenSessionAsync(_host);
        using var console = OperatorConsole.Dana(_host);

        var response = await visitor.Client.PostAsJsonAsync("/widget/api/conversations", new { text = "Hi from the shop", site = "acme-shop" });
        var started = await response.ShouldBe(HttpStatusCode.Created);

        var details = await console.DetailsAsync(started["conversation"].Id());
        Assert.Equal("acme-shop", details["conversation"].String("site"));
    }

    [Fact]
    public async Task A_second_chat_is_a_separate_conversation_listed_first()
    {
        using var visitor = await WidgetVisitor.OpenSessionAsync(_host);

        var first = await visitor.StartConversationAsync("First question");
        var second = await visitor.StartConversationAsync("Another topic");
        Assert.Equal(201, (int)(await visitor.SendAsync(second, "More about the other topic")).StatusCode);

        Assert.NotEqual(first, second);
        Assert.Equal([second, first], (await visitor.ConversationsAsync()).Ids());
        Assert.Equal(["First question"], (await visitor.MessagesAsync(first)).Select(m => m.String("text")));
        Assert.Equal(["Another topic", "More about the other topic"], (await visitor.MessagesAsync(second)).Select(m => m.String("text")));
    }

    [Fact]
    public async Task History_is_the_same_after_a_reload_with_the_stored_token()
    {
        using var visitor = await WidgetVisitor.OpenSessionAsync(_host);
        using var dana = OperatorConsole.Dana(_host);
        var id = await visitor.StartConversationAsync("Is this in stock?");
        await dana.ReplyAsync(id, "Yes, two left.");
        Assert.Equal(201, (int)(await visitor.SendAsync(id, "Great, thanks")).StatusCode);
        var conversationsBefore = (await visitor.ConversationsAsync()).ToJsonString();
        var messagesBefore = (await visitor.MessagesAsync(id)).ToJsonString();

        using var reloaded = visitor.Reload();

        Assert.Equal(conversationsBefore, (await reloaded.ConversationsAsync()).ToJsonString());
        var messages = await reloaded.MessagesAsync(id);
        Assert.Equal(messagesBefore, messages.ToJsonString());
        Assert.Equal(["customer", "operator", "customer"], messages.Select(m => m.String("direction")));
        Assert.Equal(InboxHost.OperatorName, messages[1].String("authorName"));
    }

    [Fact]
    public async Task Visitor_token_and_history_survive_a_host_restart()
    {
        string token, dataDirectory;
        long id;
        await using (var before = new InboxHost())
        {
            using var visitor = await WidgetVisitor.OpenSessionAsync(before);
            id = await visitor.StartConversationAsync("Before the restart");
            (token, dataDirectory) = (visitor.Token, before.DataDirectory);
        }

        await using var after = new InboxHost(dataDirectory);
        using var client = after.Visitor();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        var messages = (await (await client.GetAsync($"/widget/api/conversations/{id}/messages")).ShouldBe(HttpStatusCode.OK)).Items();
        Assert.Equal("Before the restart", Assert.Single(messages).String("text"));
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsync($"/widget/api/conversations/{id}/messages", Json("""{"text":"After it"}"""))).StatusCode);
    }

    [Fact]
    public async Task Sending_the_same_clientMessageId_twice_stores_one_message()
    {
        using var visitor = await WidgetVisitor.OpenSessionAsync(_host);
        var id = await visitor.StartConversationAsync("Hi");

        var first = await (await visitor.SendAsync(id, "Where is my parcel?", "msg-7f3a")).ShouldBe(HttpStatusCode.Created);
        var retry = await (await visitor.SendAsync(id, "Where is my parcel?", "msg-7f3a")).ShouldBe(HttpStatusCode.Created);

        Assert.Equal(first.Id(), retry.Id());
        Assert.Equal(["Hi", "Where is my parcel?"], (await visitor.MessagesAsync(id)).Select(m => m.String("text")));
    }

    [Fact]
    public async Task Retrying_a_new_chat_with_the_same_clientMessageId_opens_one_conversation()
    {
        using var visitor = await WidgetVisitor.OpenSessionAsync(_host);

        var first = await (await visitor.StartChatAsync("Help!", "start-1")).ShouldBe(HttpStatusCode.Created);
        var retry = await (await visitor.StartChatAsync("Help!", "start-1")).ShouldBe(HttpStatusCode.Created);

        Assert.Equal(first["conversation"].Id(), retry["conversation"].Id());
        Assert.Single(await visitor.ConversationsAsync());
        Assert.Single(await visitor.MessagesAsync(first["conversation"].Id()));
    }

    [Fact]
    public async Task Visitor_cannot_read_another_visitors_conversation()
    {
        using var owner = await WidgetVisitor.OpenSessionAsync(_host);
        using var intruder = await WidgetVisitor.OpenSessionAsync(_host);
        var id = await owner.StartConversationAsync("My card number ends 4242");

        var problem = await (await intruder.Client.GetAsync($"/widget/api/conversations/{id}/messages")).ShouldBeProblem(HttpStatusCode.NotFound);

        Assert.DoesNotContain("4242", problem.ToJsonString());
        // Someone else's chat looks exactly like one that does not exist.
        var missing = await (await intruder.Client.GetAsync("/widget/api/conversations/999999/messages")).ShouldBeProblem(HttpStatusCode.NotFound);
        Assert.Equal(missing.Detail().Replace("999999", id.ToString()), problem.Detail());
        Assert.Empty(await intruder.ConversationsAsync());
    }

    [Fact]
    public async Task Visitor_cannot_write_into_another_visitors_conversation_and_nothing_is_stored()
    {
        using var owner = await WidgetVisitor.OpenSessionAsync(_host);
        using var intruder = await WidgetVisitor.OpenSessionAsync(_host);
        using var dana = OperatorConsole.Dana(_host);
        var id = await owner.StartConversationAsync("Private question");

        await (await intruder.SendAsync(id, "Injected text", "x-1")).ShouldBeProblem(HttpStatusCode.NotFound);

        Assert.Equal(["Private question"], (await owner.MessagesAsync(id)).Select(m => m.String("text")));
        Assert.DoesNotContain("Injected text", (await dana.DetailsAsync(id))["messages"]!.ToJsonString());
        Assert.Empty(await intruder.ConversationsAsync());
    }

    [Fact]
    public async Task Requests_without_a_valid_visitor_token_get_a_401_problem()
    {
        using var owner = await WidgetVisitor.OpenSessionAsync(_host);
        using var other = await WidgetVisitor.OpenSessionAsync(_host);
        var id = await owner.StartConversationAsync("Hello");
        var parts = owner.Token.Split('.');
        var signature = parts[2];
        var middle = signature.Length / 2;
        string?[] badTokens =
        [
            null,
            "not-a-token",
            // A signature with one character changed.
            $"{parts[0]}.{parts[1]}.{signature[..middle]}{(signature[middle] == 'A' ? 'B' : 'A')}{signature[(middle + 1)..]}",
            // Another visitor's key under this visitor's signature.
            $"{other.Token.Split('.')[0]}.{parts[1]}.{signature}",
            // An issue time moved forward under the old signature.
            $"{parts[0]}.{long.Parse(parts[1]) + 1}.{signature}",
        ];

        foreach (var token in badTokens)
        {
            using var client = _host.Visitor();
            if (token is not null) client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

            var problems = new[]
            {
                await client.GetAsync("/widget/api/conversations"),
                await client.GetAsync($"/widget/api/conversations/{id}/messages"),
                await client.PostAsync("/widget/api/conversations", Json("""{"text":"hi"}""")),
                await client.PostAsync($"/widget/api/conversations/{id}/messages", Json("""{"text":"hi"}""")),
                await client.GetAsync("/widget/api/profile"),
            };
            foreach (var response in problems)
                Assert.Contains("token", (await response.ShouldBeProblem(HttpStatusCode.Unauthorized)).Detail());
        }
        Assert.Single(await owner.MessagesAsync(id));
    }

    [Fact]
    public async Task Live_stream_without_a_valid_token_answers_with_a_401_error_event()
    {
        await using var anonymous = await LiveEventStream.ConnectAsync(_host, token: null);
        var refused = await anonymous.NextAsync("error");
        Assert.Equal(401, refused.Json["status"]!.GetValue<int>());

        await using var forged = await LiveEventStream.ConnectAsync(_host, token: "abc.123.def");
        Assert.Equal(401, (await forged.NextAsync("error")).Json["status"]!.GetValue<int>());
    }

    private static StringContent Json(string json) => new(json, System.Text.Encoding.UTF8, "application/json");
}
