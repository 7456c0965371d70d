using System.Net;
using Inbox.Host.Tests.Api.Support;

namespace Inbox.Host.Tests.Api;

/// <summary>Close, reopen, spam and block, and where each leaves the conversation in the views.</summary>
/// <remarks>Every test works on its own visitors' conversations, so they share one host and check views by conversation, not by totals.</remarks>
public sealed class OperatorStatusTests(SharedInboxHost shared) : IClassFixture<SharedInboxHost>, IDisposable
{
    private readonly InboxHost _host = shared.Host;
    private readonly OperatorConsole _dana = OperatorConsole.Dana(shared.Host);

    [Fact]
    public async Task Close_ends_the_conversation_and_closing_again_is_a_409_that_changes_nothing()
    {
        var id = await WidgetVisitor.NewConversationAsync(_host, "Thanks, solved");

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
        var id = await WidgetVisitor.NewConversationAsync(_host, "One more thing");
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

    public void Dispose() => _dana.Dispose();
}
