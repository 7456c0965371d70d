using System.Net;
using System.Text.Json.Nodes;
using Inbox.Host.Tests.Api.Support;

namespace Inbox.Host.Tests.Api;

/// <summary>Every test works on its own visitors' conversations, so they share one host and check views by conversation, not by totals.</summary>
public sealed class OperatorCommandTests(SharedInboxHost shared) : IClassFixture<SharedInboxHost>, IDisposable
{
    private readonly InboxHost _host = shared.Host;
    private readonly OperatorConsole _dana = OperatorConsole.Dana(shared.Host);
    private readonly OperatorConsole _lee = OperatorConsole.Lee(shared.Host);

    [Fact]
    public async Task Reply_reaches_the_visitor_and_answers_the_conversation()
    {
        using var visitor = await WidgetVisitor.OpenSessionAsync(_host);
        var id = await visitor.StartConversationAsync("Do you ship to Norway?");
        Assert.Contains(id, await _dana.ViewIdsAsync("open", "pageSize=100"));

        var answer = await _dana.ReplyAsync(id, "Yes, in 3-5 days.");

        Assert.Equal("FromOperator", answer["message"].String("direction"));
        Assert.False(answer["conversation"]!["awaitingReply"]!.GetValue<bool>());
        Assert.NotNull(answer["conversation"].String("firstResponseAt"));
        var reply = (await visitor.MessagesAsync(id))[^1];
        Assert.Equal("Yes, in 3-5 days.", reply.String("text"));
        Assert.Equal("operator", reply.String("direction"));
        Assert.Equal(InboxHost.OperatorName, reply.String("authorName"));
        Assert.DoesNotContain(id, await _dana.ViewIdsAsync("open", "pageSize=100"));
    }

    [Fact]
    public async Task Note_is_kept_for_operators_only()
    {
        using var visitor = await WidgetVisitor.OpenSessionAsync(_host);
        var id = await visitor.StartConversationAsync("I want to cancel");

        await _dana.RunAsync(id, "notes", new { text = "Offer the 20% retention discount" });

        var details = await _dana.DetailsAsync(id);
        var note = Assert.Single(details["notes"]!.AsArray());
        Assert.Equal("Offer the 20% retention discount", note.String("text"));
        Assert.Equal(InboxHost.OperatorName, note.String("authorName"));
        Assert.True(note!["isInternal"]!.GetValue<bool>());
        Assert.Contains(details["messages"]!.AsArray(), m => m.String("text") == "Offer the 20% retention discount");
        Assert.Equal(["I want to cancel"], (await visitor.MessagesAsync(id)).Select(m => m.String("text")));
        // A note is not an answer: the visitor is still waiting.
        Assert.True(details["conversation"]!["awaitingReply"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Assign_without_a_body_assigns_to_me_and_with_an_email_to_that_operator()
    {
        var id = await StartChatAsync("Need help");

        var mine = await _dana.RunAsync(id, "assign");
        Assert.Equal(await MyIdAsync(_dana), mine["conversation"].String("assigneeId"));
        Assert.Equal(InboxHost.OperatorEmail, (await _dana.DetailsAsync(id))["assignee"].String("email"));
        Assert.Contains(id, await _dana.ViewIdsAsync("you", "pageSize=100"));

        await _dana.RunAsync(id, "assign", new { operatorEmail = InboxHost.SecondOperatorEmail });
        Assert.Equal(InboxHost.SecondOperatorName, (await _dana.DetailsAsync(id))["assignee"].String("name"));
        Assert.Contains(id, await _lee.ViewIdsAsync("you", "pageSize=100"));
        Assert.DoesNotContain(id, await _dana.ViewIdsAsync("you", "pageSize=100"));

        var again = await (await _dana.CommandAsync(id, "assign", new { operatorEmail = InboxHost.SecondOperatorEmail })).ShouldBeProblem(HttpStatusCode.Conflict);
        Assert.Contains(InboxHost.SecondOperatorName, again.Detail());
    }

    [Fact]
    public async Task Transfer_hands_the_conversation_to_the_second_operator()
    {
        var id = await StartChatAsync("Technical question");
        await _dana.RunAsync(id, "assign");

        var transferred = await _dana.RunAsync(id, "transfer", new { operatorEmail = InboxHost.SecondOperatorEmail });

        Assert.Contains(InboxHost.SecondOperatorName, transferred.String("summary"));
        var details = await _lee.DetailsAsync(id);
        Assert.Equal(InboxHost.SecondOperatorEmail, details["assignee"].String("email"));
        Assert.Contains(details["messages"]!.AsArray(), m =>
            m.String("text") == $"{InboxHost.OperatorName} transferred the conversation to {InboxHost.SecondOperatorName}."
            && m!["isInternal"]!.GetValue<bool>());
        Assert.Contains(id, await _lee.ViewIdsAsync("you", "pageSize=100"));
        Assert.DoesNotContain(id, await _dana.ViewIdsAsync("you", "pageSize=100"));
    }

    [Fact]
    public async Task Transfer_to_an_unknown_or_missing_operator_is_refused_and_keeps_the_assignee()
    {
        var id = await StartChatAsync("Hello");
        await _dana.RunAsync(id, "assign");
        var before = await _dana.DetailsAsync(id);

        var unknown = await (await _dana.CommandAsync(id, "transfer", new { operatorEmail = "ghost@example.test" })).ShouldBeProblem(HttpStatusCode.NotFound);
        var missing = await (await _dana.CommandAsync(id, "transfer", new { operatorEmail = "" })).ShouldBeProblem(HttpStatusCode.BadRequest);
        var assignUnknown = await (await _dana.CommandAsync(id, "assign", new { operatorEmail = "ghost@example.test" })).ShouldBeProblem(HttpStatusCode.NotFound);

        Assert.Contains("ghost@example.test", unknown.Detail());
        Assert.Contains("ghost@example.test", assignUnknown.Detail());
        Assert.NotEmpty(missing.ErrorsFor("operatorEmail"));
        Assert.Equal(before.ToJsonString(), (await _dana.DetailsAsync(id)).ToJsonString());
    }

    [Fact]
    public async Task Join_adds_the_operator_beside_the_assignee_once()
    {
        var id = await StartChatAsync("Complicated case");
        await _dana.RunAsync(id, "assign");

        await _lee.RunAsync(id, "join");

        var details = await _dana.DetailsAsync(id);
        Assert.Equal(InboxHost.OperatorEmail, details["assignee"].String("email"));
        Assert.Equal([InboxHost.SecondOperatorEmail], details["participants"]!.AsArray().Select(p => p.String("email")));
        Assert.Contains(id, await _lee.ViewIdsAsync("all", "pageSize=100"));
        await (await _lee.CommandAsync(id, "join")).ShouldBeProblem(HttpStatusCode.Conflict);
        await (await _dana.CommandAsync(id, "join")).ShouldBeProblem(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Close_ends_the_conversation_and_closing_again_is_a_409_that_changes_nothing()
    {
        var id = await StartChatAsync("Thanks, solved");

        var closed = await _dana.RunAsync(id, "close");
        Assert.Equal("Closed", closed["conversation"].String("status"));
        Assert.NotNull(closed["conversation"].String("endedAt"));
        Assert.Contains(id, await _dana.ViewIdsAsync("closed", "pageSize=100"));
        var before = await _dana.DetailsAsync(id);

        var again = await (await _dana.CommandAsync(id, "close")).ShouldBeProblem(HttpStatusCode.Conflict);

        Assert.Contains("already closed", again.Detail());
        var after = await _dana.DetailsAsync(id);
        Assert.Equal(before["messages"]!.AsArray().Count, after["messages"]!.AsArray().Count);
        Assert.Equal(before.ToJsonString(), after.ToJsonString());
    }

    [Fact]
    public async Task Reopen_brings_a_closed_conversation_back_to_the_operators()
    {
        var id = await StartChatAsync("One more thing");
        await _dana.RunAsync(id, "close");

        var reopened = await _dana.RunAsync(id, "reopen");

        Assert.Equal("Open", reopened["conversation"].String("status"));
        Assert.Null(reopened["conversation"]!["endedAt"]);
        Assert.DoesNotContain(id, await _dana.ViewIdsAsync("closed", "pageSize=100"));
        Assert.Contains(id, await _dana.ViewIdsAsync("all", "pageSize=100"));
        await (await _dana.CommandAsync(id, "reopen")).ShouldBeProblem(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Spam_moves_the_conversation_to_Spam_and_out_of_All()
    {
        using var visitor = await WidgetVisitor.OpenSessionAsync(_host);
        var id = await visitor.StartConversationAsync("CHEAP WATCHES!!!");
        var marked = await _dana.RunAsync(id, "spam");

        Assert.Equal("Spam", marked["conversation"].String("status"));
        Assert.Contains(id, await _dana.ViewIdsAsync("spam", "pageSize=100"));
        Assert.DoesNotContain(id, await _dana.ViewIdsAsync("all", "pageSize=100"));
        Assert.DoesNotContain(id, await _dana.ViewIdsAsync("open", "pageSize=100"));
        // A spam conversation takes no replies, and a refused reply stores nothing.
        var messagesBefore = (await _dana.DetailsAsync(id))["messages"]!.AsArray().Count;
        await (await _dana.CommandAsync(id, "reply", new { text = "Hello?" })).ShouldBeProblem(HttpStatusCode.Conflict);
        await (await _dana.CommandAsync(id, "spam")).ShouldBeProblem(HttpStatusCode.Conflict);
        Assert.Equal(messagesBefore, (await _dana.DetailsAsync(id))["messages"]!.AsArray().Count);
        Assert.Single(await visitor.MessagesAsync(id));
    }

    [Fact]
    public async Task Blocking_a_visitor_moves_all_their_conversations_to_Spam_and_refuses_replies_until_unblocked()
    {
        using var visitor = await WidgetVisitor.OpenSessionAsync(_host);
        var earlier = await visitor.StartConversationAsync("First rant");
        await _dana.RunAsync(earlier, "close");
        var current = await visitor.StartConversationAsync("Second rant");

        var blocked = await _dana.RunAsync(current, "block");

        Assert.True(blocked["contact"]!["isBlocked"]!.GetValue<bool>());
        var spam = await _dana.ViewIdsAsync("spam", "pageSize=100");
        Assert.Contains(current, spam);
        Assert.Contains(earlier, spam);
        foreach (var view in new[] { "all", "open", "closed" })
        {
            var ids = await _dana.ViewIdsAsync(view, "pageSize=100");
            Assert.DoesNotContain(current, ids);
            Assert.DoesNotContain(earlier, ids);
        }
        var messagesBefore = (await _dana.DetailsAsync(current))["messages"]!.AsArray().Count;
        var refused = await (await _dana.CommandAsync(current, "reply", new { text = "Please calm down" })).ShouldBeProblem(HttpStatusCode.Conflict);
        Assert.Contains("blocked", refused.Detail());
        Assert.Equal(messagesBefore, (await _dana.DetailsAsync(current))["messages"]!.AsArray().Count);
        Assert.DoesNotContain(await visitor.MessagesAsync(current), m => m.String("text") == "Please calm down");
        await (await _dana.CommandAsync(earlier, "block")).ShouldBeProblem(HttpStatusCode.Conflict);

        var unblocked = await _dana.RunAsync(earlier, "unblock");

        Assert.False(unblocked["contact"]!["isBlocked"]!.GetValue<bool>());
        Assert.Contains(current, await _dana.ViewIdsAsync("all", "pageSize=100"));
        Assert.Contains(earlier, await _dana.ViewIdsAsync("closed", "pageSize=100"));
        Assert.DoesNotContain(current, await _dana.ViewIdsAsync("spam", "pageSize=100"));
        await _dana.ReplyAsync(current, "How can I help?");
        Assert.Equal("How can I help?", (await visitor.MessagesAsync(current))[^1].String("text"));
        await (await _dana.CommandAsync(current, "unblock")).ShouldBeProblem(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Conversation_and_visitor_tags_can_be_added_and_removed()
    {
        using var visitor = await WidgetVisitor.OpenSessionAsync(_host);
        var first = await visitor.StartConversationAsync("Order 1");
        var second = await visitor.StartConversationAsync("Order 2");

        var tagged = await _dana.RunAsync(first, "tags", new { tag = "#VIP" });
        Assert.Equal(["vip"], tagged["conversation"]!["tags"]!.AsArray().Select(t => t!.GetValue<string>()));
        await (await _dana.CommandAsync(first, "tags", new { tag = "vip" })).ShouldBeProblem(HttpStatusCode.Conflict);
        Assert.Empty((await _dana.DetailsAsync(second))["conversation"]!["tags"]!.AsArray());

        await _dana.RunAsync(first, "contact-tags", new { tag = "returning-customer" });
        // A visitor tag shows on every conversation of that visitor.
        Assert.Equal(["returning-customer"], (await _dana.DetailsAsync(second))["contact"]!["tags"]!.AsArray().Select(t => t!.GetValue<string>()));

        var untagged = await (await _dana.Client.DeleteAsync($"/api/operator/conversations/{first}/tags/vip")).ShouldBe(HttpStatusCode.OK);
        Assert.Empty(untagged["conversation"]!["tags"]!.AsArray());
        await (await _dana.Client.DeleteAsync($"/api/operator/conversations/{first}/tags/vip")).ShouldBeProblem(HttpStatusCode.Conflict);
        var contactUntagged = await (await _dana.Client.DeleteAsync($"/api/operator/conversations/{second}/contact-tags/returning-customer")).ShouldBe(HttpStatusCode.OK);
        Assert.Empty(contactUntagged["contact"]!["tags"]!.AsArray());
        Assert.Empty((await _dana.DetailsAsync(first))["contact"]!["tags"]!.AsArray());
    }

    [Theory]
    [InlineData("two words")]
    [InlineData("")]
    [InlineData("emoji-\U0001F600")]
    [InlineData("a-tag-that-is-far-too-long-to-be-useful-at-all")]
    public async Task Invalid_tag_is_a_400_problem_with_errors_tag(string tag)
    {
        var id = await StartChatAsync("Tag me");

        var onConversation = await (await _dana.CommandAsync(id, "tags", new { tag })).ShouldBeProblem(HttpStatusCode.BadRequest);
        var onContact = await (await _dana.CommandAsync(id, "contact-tags", new { tag })).ShouldBeProblem(HttpStatusCode.BadRequest);

        Assert.NotEmpty(onConversation.ErrorsFor("tag"));
        Assert.NotEmpty(onContact.ErrorsFor("tag"));
        var details = await _dana.DetailsAsync(id);
        Assert.Empty(details["conversation"]!["tags"]!.AsArray());
        Assert.Empty(details["contact"]!["tags"]!.AsArray());
    }

    [Fact]
    public async Task Unknown_conversation_is_a_404_problem_for_details_and_every_command()
    {
        const long unknown = 987654321;

        await (await _dana.Client.GetAsync($"/api/operator/conversations/{unknown}")).ShouldBeProblem(HttpStatusCode.NotFound);
        foreach (var (command, body) in new (string, object?)[]
        {
            ("reply", new { text = "hi" }), ("notes", new { text = "hi" }), ("assign", null), ("join", null), ("close", null),
            ("reopen", null), ("spam", null), ("block", null), ("unblock", null), ("tags", new { tag = "x" }), ("contact-tags", new { tag = "x" }),
            ("transfer", new { operatorEmail = InboxHost.SecondOperatorEmail }),
        })
        {
            var problem = await (await _dana.CommandAsync(unknown, command, body)).ShouldBeProblem(HttpStatusCode.NotFound);
            Assert.Contains(unknown.ToString(), problem.Detail());
        }
        await (await _dana.Client.DeleteAsync($"/api/operator/conversations/{unknown}/tags/x")).ShouldBeProblem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Reply_sent_twice_with_the_same_Idempotency_Key_is_stored_once()
    {
        using var visitor = await WidgetVisitor.OpenSessionAsync(_host);
        var id = await visitor.StartConversationAsync("Hello?");

        var first = await (await _dana.CommandAsync(id, "reply", new { text = "Hi there" }, idempotencyKey: "reply-1")).ShouldBe(HttpStatusCode.OK);
        var retry = await (await _dana.CommandAsync(id, "reply", new { text = "Hi there" }, idempotencyKey: "reply-1")).ShouldBe(HttpStatusCode.OK);
        var other = await (await _dana.CommandAsync(id, "reply", new { text = "Anything else?" }, idempotencyKey: "reply-2")).ShouldBe(HttpStatusCode.OK);

        Assert.Equal(first["message"].Id(), retry["message"].Id());
        Assert.NotEqual(first["message"].Id(), other["message"].Id());
        Assert.Equal(["Hello?", "Hi there", "Anything else?"], (await visitor.MessagesAsync(id)).Select(m => m.String("text")));
        // Keys belong to the operator who sent them: Lee's "reply-1" is a different reply.
        await (await _lee.CommandAsync(id, "reply", new { text = "Lee here" }, idempotencyKey: "reply-1")).ShouldBe(HttpStatusCode.OK);
        Assert.Equal(4, (await visitor.MessagesAsync(id)).Count);
        // The same key on another conversation is a client mistake, not a retry.
        var elsewhere = await StartChatAsync("Another chat");
        await (await _dana.CommandAsync(elsewhere, "reply", new { text = "Hi there" }, idempotencyKey: "reply-1")).ShouldBeProblem(HttpStatusCode.Conflict);
        Assert.DoesNotContain((await _dana.DetailsAsync(elsewhere))["messages"]!.AsArray(), m => m.String("text") == "Hi there");
    }

    [Fact]
    public async Task Refused_commands_leave_the_conversation_as_it_was()
    {
        using var visitor = await WidgetVisitor.OpenSessionAsync(_host);
        var id = await visitor.StartConversationAsync("Status?");
        await _dana.RunAsync(id, "assign");
        await _dana.RunAsync(id, "tags", new { tag = "urgent" });
        var before = await _dana.DetailsAsync(id);
        var visitorBefore = (await visitor.MessagesAsync(id)).ToJsonString();

        await (await _dana.CommandAsync(id, "reply", new { text = "   " })).ShouldBeProblem(HttpStatusCode.BadRequest);
        await (await _dana.CommandAsync(id, "reply", null)).ShouldBeProblem(HttpStatusCode.BadRequest);
        await (await _dana.CommandAsync(id, "notes", new { text = new string('x', 5001) })).ShouldBeProblem(HttpStatusCode.RequestEntityTooLarge);
        await (await _dana.CommandAsync(id, "assign")).ShouldBeProblem(HttpStatusCode.Conflict);
        await (await _dana.CommandAsync(id, "reopen")).ShouldBeProblem(HttpStatusCode.Conflict);
        await (await _dana.CommandAsync(id, "unblock")).ShouldBeProblem(HttpStatusCode.Conflict);
        await (await _dana.CommandAsync(id, "tags", new { tag = "urgent" })).ShouldBeProblem(HttpStatusCode.Conflict);

        Assert.Equal(before.ToJsonString(), (await _dana.DetailsAsync(id)).ToJsonString());
        Assert.Equal(visitorBefore, (await visitor.MessagesAsync(id)).ToJsonString());
    }

    private async Task<long> StartChatAsync(string text)
    {
        using var visitor = await WidgetVisitor.OpenSessionAsync(_host);
        return await visitor.StartConversationAsync(text);
    }

    private static async Task<string?> MyIdAsync(OperatorConsole console) =>
        (await (await console.Client.GetAsync("/api/operator/me")).ShouldBe(HttpStatusCode.OK)).String("id");

    public void Dispose()
    {
        _dana.Dispose();
        _lee.Dispose();
    }
}
