using Inbox.Host.Tests.Api.Support;

namespace Inbox.Host.Tests.Api;

/// <summary>Each test starts its own host: view totals count every conversation in the inbox.</summary>
public sealed class OperatorViewsTests
{
    [Fact]
    public async Task Each_view_shows_its_conversations_with_their_total()
    {
        await using var host = new InboxHost();
        using var dana = OperatorConsole.Dana(host);
        using var lee = OperatorConsole.Lee(host);
        var waiting = await WidgetVisitor.NewConversationAsync(host, "Waiting for an answer");
        var answeredMine = await WidgetVisitor.NewConversationAsync(host, "Answered, assigned to Dana");
        var closed = await WidgetVisitor.NewConversationAsync(host, "Solved");
        var spam = await WidgetVisitor.NewConversationAsync(host, "Buy cheap watches");
        var waitingLees = await WidgetVisitor.NewConversationAsync(host, "Waiting, assigned to Lee");
        await dana.RunAsync(answeredMine, "assign");
        await dana.ReplyAsync(answeredMine, "Here you go");
        await dana.RunAsync(closed, "close");
        await dana.RunAsync(spam, "spam");
        await lee.RunAsync(waitingLees, "assign");

        await AssertView(dana, "you", [answeredMine]);
        await AssertView(lee, "you", [waitingLees]);
        await AssertView(dana, "open", [waitingLees, waiting]);
        // Newest activity first: closing and replying are activity; assigning and marking spam are not.
        await AssertView(dana, "all", [closed, answeredMine, waitingLees, waiting]);
        await AssertView(dana, "closed", [closed]);
        await AssertView(dana, "spam", [spam]);
        var closedPage = await dana.ViewAsync("closed");
        Assert.Equal("Closed", closedPage.String("view"));
        Assert.Equal(1, closedPage["summary"]!["count"]!.GetValue<int>());
        Assert.Null((await dana.ViewAsync("open"))["summary"]);
    }

    [Fact]
    public async Task Paging_two_at_a_time_walks_every_conversation_newest_activity_first_exactly_once()
    {
        await using var host = new InboxHost();
        using var dana = OperatorConsole.Dana(host);
        var started = new List<long>();
        for (var i = 1; i <= 5; i++) started.Add(await WidgetVisitor.NewConversationAsync(host, $"Chat {i}"));
        // Activity moves the oldest chat to the top.
        await dana.ReplyAsync(started[0], "Answering the first one last");
        long[] newestFirst = [started[0], started[4], started[3], started[2], started[1]];

        var seen = new List<long>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = await dana.ViewAsync("all", "pageSize=2" + (cursor is null ? "" : "&after=" + Uri.EscapeDataString(cursor)));
            Assert.Equal(5, page["totalCount"]!.GetValue<int>());
            var ids = page.Items().Ids();
            Assert.InRange(ids.Length, 1, 2);
            seen.AddRange(ids);
            cursor = page.String("nextCursor");
            pages++;
        }
        while (cursor is not null && pages < 10);

        Assert.Equal(3, pages);
        Assert.Equal(newestFirst, seen);
    }

    private static async Task AssertView(OperatorConsole console, string view, long[] expectedNewestFirst)
    {
        var page = await console.ViewAsync(view);
        Assert.Equal(expectedNewestFirst, page.Items().Ids());
        Assert.Equal(expectedNewestFirst.Length, page["totalCount"]!.GetValue<int>());
    }
}
