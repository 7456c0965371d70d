using System.Net;
using Inbox.Host.Tests.Api.Support;

namespace Inbox.Host.Tests.Api;

/// <summary>Replies and notes: what reaches the visitor, what stays internal, and what a retry or a refusal leaves behind.</summary>
/// <remarks>Every test works on its own visitors' conversations, so they share one host and check views by conversation, not by totals.</remarks>
public sealed class OperatorReplyTests(SharedInboxHost shared) : IClassFixture<SharedInboxHost>, IDisposable
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
        var elsewhere = await WidgetVisitor.NewConversationAsync(_host, "Another chat");
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

    public void Dispose()
    {
        _dana.Dispose();
        _lee.Dispose();
    }
}
