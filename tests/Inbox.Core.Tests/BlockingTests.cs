using Inbox.Core.Commands;
using Inbox.Core.Events;
using Inbox.Core.Model;

namespace Inbox.Core.Tests;

public sealed class BlockingTests
{
    private readonly InMemoryInbox _inbox = new();

    [Fact]
    public async Task Blocking_a_visitor_marks_all_their_conversations_and_no_one_elses()
    {
        var dana = await _inbox.OperatorAsync("Dana Scully", "dana@acme.test");
        var first = await _inbox.ReceiveAsync(new IncomingMessage(InMemoryInbox.Visitor("visitor-a"), "Hello", Profile: new ContactProfile(Name: "Spammy")));
        var second = await _inbox.ReceiveAsync(new IncomingMessage(InMemoryInbox.Visitor("visitor-a"), "Hello again", StartNewConversation: true));
        var other = await _inbox.ReceiveAsync("visitor-b", "I am fine");
        _inbox.Router.Clear();

        var change = ResultAssert.Succeeds(await _inbox.Operators.BlockAsync(second.Conversation.Id, dana.Id));

        Assert.Equal("Spammy is blocked; their conversations are in Spam.", change.Summary);
        Assert.True(change.Contact.IsBlocked);
        Assert.True(first.Conversation.IsContactBlocked);
        Assert.True(second.Conversation.IsContactBlocked);
        Assert.False(other.Conversation.IsContactBlocked);
        var line = _inbox.Store.History(second.Conversation.Id)[^1];
        Assert.Equal("Dana Scully blocked Spammy.", line.Text);
        Assert.True(line.IsInternal);
        var facts = Assert.Single(_inbox.Router.EventsOf<FactsChanged>());
        Assert.False(_inbox.Router.WasSilenced(facts)); // operators' own actions still reach every surface
    }

    [Fact]
    public async Task A_blocked_visitor_writing_again_stays_in_one_spam_conversation()
    {
        var dana = await _inbox.OperatorAsync("Dana Scully", "dana@acme.test");
        var first = await _inbox.ReceiveAsync("visitor-a", "Buy cheap watches");
        await _inbox.Operators.CloseAsync(first.Conversation.Id, dana.Id);
        await _inbox.Operators.BlockAsync(first.Conversation.Id, dana.Id);

        var next = await _inbox.ReceiveAsync("visitor-a", "Buy more watches");
        var again = await _inbox.ReceiveAsync("visitor-a", "And more");
        var intoClosed = await _inbox.ReceiveAsync(new IncomingMessage(InMemoryInbox.Visitor("visitor-a"), "Reopen please", first.Conversation.Id));

        Assert.Equal(ConversationStatus.Spam, next.Conversation.Status);
        Assert.Equal(next.Conversation.Id, again.Conversation.Id);
        Assert.Equal(ConversationStatus.Closed, intoClosed.Conversation.Status); // a blocked visitor cannot reopen
        Assert.True(_inbox.Router.WasSilenced(_inbox.Router.EventsOf<MessageAdded>().Last()));
    }

    [Fact]
    public async Task Unblocking_clears_the_mark_on_all_their_conversations()
    {
        var dana = await _inbox.OperatorAsync("Dana Scully", "dana@acme.test");
        var first = await _inbox.ReceiveAsync("visitor-a", "Hello");
        var second = await _inbox.ReceiveAsync(new IncomingMessage(InMemoryInbox.Visitor("visitor-a"), "Hello again", StartNewConversation: true));
        await _inbox.Operators.BlockAsync(first.Conversation.Id, dana.Id);

        var change = ResultAssert.Succeeds(await _inbox.Operators.UnblockAsync(first.Conversation.Id, dana.Id));

        Assert.EndsWith("is unblocked.", change.Summary);
        Assert.False(change.Contact.IsBlocked);
        Assert.False(first.Conversation.IsContactBlocked);
        Assert.False(second.Conversation.IsContactBlocked);
        Assert.EndsWith($"unblocked {change.Contact.DisplayName}.", _inbox.Store.History(first.Conversation.Id)[^1].Text);
        Assert.False(_inbox.Router.WasSilenced(_inbox.Router.EventsOf<FactsChanged>().Last()));
    }

    [Fact]
    public async Task Blocking_twice_is_a_conflict()
    {
        var dana = await _inbox.OperatorAsync("Dana Scully", "dana@acme.test");
        var received = await _inbox.ReceiveAsync(new IncomingMessage(InMemoryInbox.Visitor("visitor-a"), "Hello", Profile: new ContactProfile(Name: "Spammy")));
        await _inbox.Operators.BlockAsync(received.Conversation.Id, dana.Id);

        var result = await _inbox.Operators.BlockAsync(received.Conversation.Id, dana.Id);

        Assert.Equal("Spammy is already blocked.", ResultAssert.Refused(result, InboxErrorKind.Conflict).Message);
    }

    [Fact]
    public async Task Unblocking_someone_not_blocked_is_a_conflict()
    {
        var dana = await _inbox.OperatorAsync("Dana Scully", "dana@acme.test");
        var received = await _inbox.ReceiveAsync(new IncomingMessage(InMemoryInbox.Visitor("visitor-a"), "Hello", Profile: new ContactProfile(Name: "Ada")));

        var result = await _inbox.Operators.UnblockAsync(received.Conversation.Id, dana.Id);

        Assert.Equal("Ada is not blocked.", ResultAssert.Refused(result, InboxErrorKind.Conflict).Message);
    }

    [Fact]
    public async Task A_blocked_visitors_message_in_their_open_conversation_notifies_nobody()
    {
        var dana = await _inbox.OperatorAsync("Dana Scully", "dana@acme.test");
        var received = await _inbox.ReceiveAsync("visitor-a", "Hello");
        await _inbox.Operators.BlockAsync(received.Conversation.Id, dana.Id);
        _inbox.Router.Clear();

        var next = await _inbox.ReceiveAsync("visitor-a", "Still here");

        Assert.Equal(received.Conversation.Id, next.Conversation.Id);
        Assert.True(Assert.Single(_inbox.Router.Routed).IsSilenced);
    }

    [Fact]
    public async Task After_unblocking_the_visitor_can_be_answered_again()
    {
        var dana = await _inbox.OperatorAsync("Dana Scully", "dana@acme.test");
        var received = await _inbox.ReceiveAsync("visitor-a", "Hello");
        await _inbox.Operators.BlockAsync(received.Conversation.Id, dana.Id);
        await _inbox.Operators.UnblockAsync(received.Conversation.Id, dana.Id);

        var reply = await _inbox.Operators.ReplyAsync(received.Conversation.Id, dana.Id, "Sorry about that");

        ResultAssert.Succeeds(reply);
    }
}
