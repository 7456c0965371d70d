using Inbox.Core.Commands;
using Inbox.Core.Events;
using Inbox.Core.Model;

namespace Inbox.Core.Tests;

public sealed class ReplyTests
{
    private readonly InMemoryInbox _inbox = new();

    [Fact]
    public async Task A_reply_is_shown_to_the_customer_under_the_operators_real_name()
    {
        var dana = await _inbox.OperatorAsync("Dana Scully", "dana@acme.test");
        var received = await _inbox.ReceiveAsync("visitor-a", "Hello");

        var change = ResultAssert.Succeeds(await _inbox.Operators.ReplyAsync(received.Conversation.Id, dana.Id, "  Looking into it  "));

        var reply = change.Message!;
        Assert.Equal(MessageDirection.FromOperator, reply.Direction);
        Assert.Equal("Looking into it", reply.Text);
        Assert.Equal("Dana Scully", reply.AuthorName);
        Assert.Equal(dana.Id, reply.AuthorOperatorId);
        Assert.True(reply.IsVisibleToCustomer);
        Assert.Equal("Reply sent to #1.", change.Summary);
        Assert.Equal(["Hello", "Looking into it"], _inbox.Store.CustomerHistory(received.Conversation.Id).Select(m => m.Text));
        Assert.Equal(reply, _inbox.Router.EventsOf<MessageAdded>().Last().Message);
    }

    [Fact]
    public async Task The_first_reply_records_the_first_response_time_and_stops_awaiting_a_reply()
    {
        var dana = await _inbox.OperatorAsync("Dana Scully", "dana@acme.test");
        var received = await _inbox.ReceiveAsync("visitor-a", "Hello");
        _inbox.Wait(TimeSpan.FromSeconds(90));

        await _inbox.Operators.ReplyAsync(received.Conversation.Id, dana.Id, "Hi!");
        _inbox.Wait(TimeSpan.FromMinutes(5));
        await _inbox.ReceiveAsync("visitor-a", "Thanks");
        await _inbox.Operators.ReplyAsync(received.Conversation.Id, dana.Id, "You're welcome");

        var conversation = received.Conversation;
        Assert.Equal(InMemoryInbox.Start.AddSeconds(90), conversation.FirstResponseAt);
        Assert.Equal(90, conversation.FirstResponseSeconds);
        Assert.Equal(_inbox.Time.GetUtcNow(), conversation.LastOperatorMessageAt);
        Assert.False(conversation.AwaitingReply);
        Assert.Equal("You're welcome", conversation.Preview);
    }

    [Fact]
    public async Task Replying_to_a_closed_conversation_reopens_it()
    {
        var dana = await _inbox.OperatorAsync("Dana Scully", "dana@acme.test");
        var received = await _inbox.ReceiveAsync("visitor-a", "Hello");
        ResultAssert.Succeeds(await _inbox.Operators.CloseAsync(received.Conversation.Id, dana.Id));
        _inbox.Router.Clear();

        ResultAssert.Succeeds(await _inbox.Operators.ReplyAsync(received.Conversation.Id, dana.Id, "One more thing"));

        Assert.Equal(ConversationStatus.Open, received.Conversation.Status);
        Assert.Null(received.Conversation.EndedAt);
        var changed = Assert.Single(_inbox.Router.EventsOf<StatusChanged>());
        Assert.Equal(ConversationStatus.Closed, changed.Previous);
        Assert.Equal(dana, changed.Actor);
        Assert.Contains(_inbox.Store.History(received.Conversation.Id),
            m => m.Direction == MessageDirection.System && m.Text == "Dana Scully replied; the conversation is open again.");
        Assert.Equal("One more thing", _inbox.Store.History(received.Conversation.Id)[^1].Text);
    }

    [Fact]
    public async Task Reply_to_a_blocked_visitor_is_refused_with_a_reason()
    {
        var dana = await _inbox.OperatorAsync("Dana Scully", "dana@acme.test");
        var received = await _inbox.ReceiveAsync("visitor-a", "Hello");
        ResultAssert.Succeeds(await _inbox.Operators.BlockAsync(received.Conversation.Id, dana.Id));
        var messagesBefore = _inbox.Store.MessageCount;

        var result = await _inbox.Operators.ReplyAsync(received.Conversation.Id, dana.Id, "Hello?");

        var error = ResultAssert.Refused(result, InboxErrorKind.Conflict);
        Assert.Equal("#1: the visitor is blocked; unblock them before replying.", error.Message);
        Assert.Equal(messagesBefore, _inbox.Store.MessageCount);
    }

    [Fact]
    public async Task Reply_to_a_spam_conversation_is_refused_until_it_is_reopened()
    {
        var dana = await _inbox.OperatorAsync("Dana Scully", "dana@acme.test");
        var received = await _inbox.ReceiveAsync("visitor-a", "Hello");
        ResultAssert.Succeeds(await _inbox.Operators.MarkSpamAsync(received.Conversation.Id, dana.Id));

        var refused = await _inbox.Operators.ReplyAsync(received.Conversation.Id, dana.Id, "Hello?");
        ResultAssert.Succeeds(await _inbox.Operators.ReopenAsync(received.Conversation.Id, dana.Id));
        var accepted = await _inbox.Operators.ReplyAsync(received.Conversation.Id, dana.Id, "Hello?");

        Assert.Equal("#1 is marked as spam; reopen it before replying.", ResultAssert.Refused(refused, InboxErrorKind.Conflict).Message);
        ResultAssert.Succeeds(accepted);
    }

    [Fact]
    public async Task Reply_to_an_unknown_conversation_is_not_found_naming_it()
    {
        var dana = await _inbox.OperatorAsync("Dana Scully", "dana@acme.test");

        var result = await _inbox.Operators.ReplyAsync(404, dana.Id, "Hello?");

        Assert.Equal("Conversation #404 does not exist.", ResultAssert.Refused(result, InboxErrorKind.NotFound).Message);
    }

    [Fact]
    public async Task Reply_from_someone_who_is_not_an_operator_is_refused()
    {
        var received = await _inbox.ReceiveAsync("visitor-a", "Hello");

        var result = await _inbox.Operators.ReplyAsync(received.Conversation.Id, Guid.NewGuid(), "I am totally staff");

        Assert.Equal("You are not a known operator.", ResultAssert.Refused(result, InboxErrorKind.NotFound).Message);
        Assert.Single(_inbox.Store.History(received.Conversation.Id));
    }

    [Fact]
    public async Task An_empty_reply_is_refused_as_invalid()
    {
        var dana = await _inbox.OperatorAsync("Dana Scully", "dana@acme.test");
        var received = await _inbox.ReceiveAsync("visitor-a", "Hello");

        var result = await _inbox.Operators.ReplyAsync(received.Conversation.Id, dana.Id, "   ");

        Assert.Equal("text", ResultAssert.Refused(result, InboxErrorKind.Invalid).Field);
        Assert.True(received.Conversation.AwaitingReply);
    }

    [Fact]
    public async Task A_too_long_reply_is_refused_naming_the_limit()
    {
        var inbox = new InMemoryInbox(new InboxOptions { MaxMessageLength = 10 });
        var dana = await inbox.OperatorAsync("Dana Scully", "dana@acme.test");
        var received = await inbox.ReceiveAsync("visitor-a", "Hello");

        var result = await inbox.Operators.ReplyAsync(received.Conversation.Id, dana.Id, "This is far too long");

        Assert.Contains("the limit is 10", ResultAssert.Refused(result, InboxErrorKind.TooLarge).Message);
    }

    [Fact]
    public async Task The_same_reply_delivered_twice_is_sent_once()
    {
        var dana = await _inbox.OperatorAsync("Dana Scully", "dana@acme.test");
        var received = await _inbox.ReceiveAsync("visitor-a", "Hello");

        var first = ResultAssert.Succeeds(await _inbox.Operators.ReplyAsync(received.Conversation.Id, dana.Id, "Hi", externalId: "slack:Ev01"));
        var outboxAfterFirst = _inbox.Store.Outbox.Count;
        var again = ResultAssert.Succeeds(await _inbox.Operators.ReplyAsync(received.Conversation.Id, dana.Id, "Hi", externalId: "slack:Ev01"));

        Assert.Equal("Already sent.", again.Summary);
        Assert.Equal(first.Message!.Id, again.Message!.Id);
        Assert.Single(_inbox.Store.History(received.Conversation.Id), m => m.Direction == MessageDirection.FromOperator);
        Assert.Equal(outboxAfterFirst, _inbox.Store.Outbox.Count);
    }
}
