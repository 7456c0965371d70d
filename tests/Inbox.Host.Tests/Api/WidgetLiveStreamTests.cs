using Inbox.Host.Tests.Api.Support;

namespace Inbox.Host.Tests.Api;

public sealed class WidgetLiveStreamTests(SharedInboxHost shared) : IClassFixture<SharedInboxHost>
{
    private readonly InboxHost _host = shared.Host;

    [Fact]
    public async Task Operator_reply_arrives_on_the_live_stream_with_its_id_and_the_operators_name()
    {
        using var visitor = await WidgetVisitor.OpenSessionAsync(_host);
        using var dana = OperatorConsole.Dana(_host);
        var conversationId = await visitor.StartConversationAsync("Anyone there?");
        await using var live = await LiveEventStream.OpenAsync(_host, visitor.Token);

        var reply = await dana.ReplyAsync(conversationId, "Hi, Dana here. How can I help?");

        var received = await live.NextAsync("message");
        Assert.Equal(reply["message"].Id().ToString(), received.Id);
        Assert.Equal(reply["message"].Id(), received.Json.Id());
        Assert.Equal(conversationId, received.Json["conversationId"]!.GetValue<long>());
        Assert.Equal("operator", received.Json.String("direction"));
        Assert.Equal(InboxHost.OperatorName, received.Json.String("authorName"));
        Assert.Equal("Hi, Dana here. How can I help?", received.Json.String("text"));
    }

    [Fact]
    public async Task Reconnecting_with_Last_Event_ID_replays_exactly_the_missed_messages()
    {
        using var visitor = await WidgetVisitor.OpenSessionAsync(_host);
        using var dana = OperatorConsole.Dana(_host);
        var conversationId = await visitor.StartConversationAsync("Question");
        string lastSeen;
        await using (var live = await LiveEventStream.OpenAsync(_host, visitor.Token))
        {
            await dana.ReplyAsync(conversationId, "Seen before the drop");
            lastSeen = (await live.NextAsync("message")).Id!;
        }

        await dana.ReplyAsync(conversationId, "Missed one");
        await dana.ReplyAsync(conversationId, "Missed two");
        await using var resumed = await LiveEventStream.OpenAsync(_host, visitor.Token, lastEventId: lastSeen);

        var first = await resumed.NextAsync("message");
        var second = await resumed.NextAsync("message");
        Assert.Equal("Missed one", first.Json.String("text"));
        Assert.Equal("Missed two", second.Json.String("text"));
        Assert.True(long.Parse(first.Id!) > long.Parse(lastSeen) && long.Parse(second.Id!) > long.Parse(first.Id!));
        // Nothing else was queued: the next event is the next new message.
        await dana.ReplyAsync(conversationId, "After the resume");
        Assert.Equal("After the resume", (await resumed.NextAsync("message")).Json.String("text"));
    }

    [Fact]
    public async Task A_fresh_stream_without_Last_Event_ID_does_not_replay_old_messages()
    {
        using var visitor = await WidgetVisitor.OpenSessionAsync(_host);
        using var dana = OperatorConsole.Dana(_host);
        var conversationId = await visitor.StartConversationAsync("Old question");
        await dana.ReplyAsync(conversationId, "Old answer");

        await using var live = await LiveEventStream.OpenAsync(_host, visitor.Token);
        await dana.ReplyAsync(conversationId, "New answer");

        Assert.Equal("New answer", (await live.NextAsync("message")).Json.String("text"));
    }

    [Fact]
    public async Task Operator_notes_and_assignments_never_reach_the_visitor_live_or_in_history()
    {
        using var visitor = await WidgetVisitor.OpenSessionAsync(_host);
        using var dana = OperatorConsole.Dana(_host);
        var conversationId = await visitor.StartConversationAsync("Can I get a refund?");
        await using var live = await LiveEventStream.OpenAsync(_host, visitor.Token);

        await dana.RunAsync(conversationId, "notes", new { text = "Internal: customer is on the fraud watchlist" });
        await dana.RunAsync(conversationId, "assign");
        await dana.ReplyAsync(conversationId, "Let me check that for you.");

        // Events arrive in id order, so a leaked note or assignment line would come before the reply.
        var next = await live.NextAsync("message");
        Assert.Equal("Let me check that for you.", next.Json.String("text"));
        var history = await visitor.MessagesAsync(conversationId);
        Assert.Equal(["Can I get a refund?", "Let me check that for you."], history.Select(m => m.String("text")));
        Assert.DoesNotContain("fraud", history.ToJsonString());
    }

    [Fact]
    public async Task Closing_the_conversation_tells_the_stream_it_is_Closed()
    {
        using var visitor = await WidgetVisitor.OpenSessionAsync(_host);
        using var dana = OperatorConsole.Dana(_host);
        var conversationId = await visitor.StartConversationAsync("Thanks, that's all");
        await using var live = await LiveEventStream.OpenAsync(_host, visitor.Token);

        await dana.RunAsync(conversationId, "close");

        var changed = await live.NextAsync("conversation");
        Assert.Equal(conversationId, changed.Json.Id());
        Assert.Equal("Closed", changed.Json.String("status"));
        Assert.Equal("Closed", Assert.Single(await visitor.ConversationsAsync()).String("status"));
    }

    [Fact]
    public async Task The_stream_carries_only_the_visitors_own_conversations()
    {
        using var visitor = await WidgetVisitor.OpenSessionAsync(_host);
        using var neighbour = await WidgetVisitor.OpenSessionAsync(_host);
        using var dana = OperatorConsole.Dana(_host);
        var mine = await visitor.StartConversationAsync("Mine");
        var theirs = await neighbour.StartConversationAsync("Theirs");
        await using var live = await LiveEventStream.OpenAsync(_host, visitor.Token);

        await dana.ReplyAsync(theirs, "For the neighbour only");
        await dana.RunAsync(theirs, "close");
        await dana.ReplyAsync(mine, "For you");

        var next = await live.NextAsync();
        Assert.Equal("message", next.Name);
        Assert.Equal("For you", next.Json.String("text"));
    }
}
