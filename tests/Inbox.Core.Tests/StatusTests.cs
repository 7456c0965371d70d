using Inbox.Core.Commands;
using Inbox.Core.Events;
using Inbox.Core.Model;

namespace Inbox.Core.Tests;

public sealed class StatusTests
{
    private readonly InMemoryInbox _inbox = new();
    private Operator _dana = null!;
    private long _conversationId;

    private async Task GivenAConversationAsync()
    {
        _dana = await _inbox.OperatorAsync("Dana Scully", "dana@acme.test");
        _conversationId = (await _inbox.ReceiveAsync("visitor-a", "Hello")).Conversation.Id;
        _inbox.Router.Clear();
    }

    private Conversation Conversation => _inbox.Store.Conversation(_conversationId);

    [Fact]
    public async Task Closing_records_when_it_ended_and_how_long_it_took()
    {
        await GivenAConversationAsync();
        _inbox.Wait(TimeSpan.FromMinutes(12));

        var change = ResultAssert.Succeeds(await _inbox.Operators.CloseAsync(_conversationId, _dana.Id));

        Assert.Equal("#1 closed.", change.Summary);
        Assert.Equal(ConversationStatus.Closed, Conversation.Status);
        Assert.Equal(InMemoryInbox.Start.AddMinutes(12), Conversation.EndedAt);
        Assert.Equal(12 * 60, Conversation.DurationSeconds);
        Assert.False(Conversation.AwaitingReply);
        Assert.Equal("Dana Scully closed the conversation.", _inbox.Store.History(_conversationId)[^1].Text);
        var changed = Assert.Single(_inbox.Router.EventsOf<StatusChanged>());
        Assert.Equal(ConversationStatus.Open, changed.Previous);
        Assert.Equal(_dana, changed.Actor);
    }

    [Fact]
    public async Task Closing_a_closed_conversation_is_a_conflict()
    {
        await GivenAConversationAsync();
        await _inbox.Operators.CloseAsync(_conversationId, _dana.Id);
        var endedAt = Conversation.EndedAt;
        _inbox.Wait(TimeSpan.FromMinutes(5));

        var result = await _inbox.Operators.CloseAsync(_conversationId, _dana.Id);

        Assert.Equal("#1 is already closed.", ResultAssert.Refused(result, InboxErrorKind.Conflict).Message);
        Assert.Equal(endedAt, Conversation.EndedAt);
    }

    [Fact]
    public async Task Closing_a_spam_conversation_is_refused()
    {
        await GivenAConversationAsync();
        await _inbox.Operators.MarkSpamAsync(_conversationId, _dana.Id);

        var result = await _inbox.Operators.CloseAsync(_conversationId, _dana.Id);

        Assert.Equal("#1 is marked as spam; reopen it first if it is not.", ResultAssert.Refused(result, InboxErrorKind.Conflict).Message);
        Assert.Equal(ConversationStatus.Spam, Conversation.Status);
    }

    [Fact]
    public async Task Reopening_a_closed_conversation_makes_it_open_again()
    {
        await GivenAConversationAsync();
        await _inbox.Operators.CloseAsync(_conversationId, _dana.Id);
        _inbox.Router.Clear();

        var change = ResultAssert.Succeeds(await _inbox.Operators.ReopenAsync(_conversationId, _dana.Id));

        Assert.Equal("#1 reopened.", change.Summary);
        Assert.Equal(ConversationStatus.Open, Conversation.Status);
        Assert.Null(Conversation.EndedAt);
        Assert.Equal("Dana Scully reopened the conversation.", _inbox.Store.History(_conversationId)[^1].Text);
        Assert.Equal(ConversationStatus.Closed, Assert.Single(_inbox.Router.EventsOf<StatusChanged>()).Previous);
    }

    [Fact]
    public async Task Reopening_an_open_conversation_is_a_conflict()
    {
        await GivenAConversationAsync();

        var result = await _inbox.Operators.ReopenAsync(_conversationId, _dana.Id);

        Assert.Equal("#1 is already open.", ResultAssert.Refused(result, InboxErrorKind.Conflict).Message);
        Assert.Empty(_inbox.Router.Events);
    }

    [Fact]
    public async Task Marking_as_spam_moves_the_conversation_to_spam_quietly()
    {
        await GivenAConversationAsync();

        var change = ResultAssert.Succeeds(await _inbox.Operators.MarkSpamAsync(_conversationId, _dana.Id));

        Assert.Equal("#1 marked as spam.", change.Summary);
        Assert.Equal(ConversationStatus.Spam, Conversation.Status);
        Assert.False(Conversation.AwaitingReply);
        Assert.NotNull(Conversation.EndedAt);
        var line = _inbox.Store.History(_conversationId)[^1];
        Assert.Equal("Dana Scully marked the conversation as spam.", line.Text);
        Assert.False(line.IsVisibleToCustomer);
        var changed = Assert.Single(_inbox.Router.EventsOf<StatusChanged>());
        Assert.Equal(ConversationStatus.Open, changed.Previous);
        Assert.False(_inbox.Router.WasSilenced(changed)); // the operators' own action still reaches every surface
    }

    [Fact]
    public async Task Marking_spam_twice_is_a_conflict()
    {
        await GivenAConversationAsync();
        await _inbox.Operators.MarkSpamAsync(_conversationId, _dana.Id);

        var result = await _inbox.Operators.MarkSpamAsync(_conversationId, _dana.Id);

        Assert.Equal("#1 is already marked as spam.", ResultAssert.Refused(result, InboxErrorKind.Conflict).Message);
    }

    [Fact]
    public async Task Reopening_takes_a_conversation_back_out_of_spam()
    {
        await GivenAConversationAsync();
        await _inbox.Operators.MarkSpamAsync(_conversationId, _dana.Id);
        _inbox.Router.Clear();

        ResultAssert.Succeeds(await _inbox.Operators.ReopenAsync(_conversationId, _dana.Id));

        Assert.Equal(ConversationStatus.Open, Conversation.Status);
        Assert.Null(Conversation.EndedAt);
        var changed = Assert.Single(_inbox.Router.EventsOf<StatusChanged>());
        Assert.Equal(ConversationStatus.Spam, changed.Previous);
        Assert.False(_inbox.Router.WasSilenced(changed));
    }

    [Fact]
    public async Task Reopening_while_the_visitor_is_blocked_is_refused()
    {
        await GivenAConversationAsync();
        await _inbox.Operators.CloseAsync(_conversationId, _dana.Id);
        await _inbox.Operators.BlockAsync(_conversationId, _dana.Id);

        var result = await _inbox.Operators.ReopenAsync(_conversationId, _dana.Id);

        Assert.Equal("#1: the visitor is blocked; unblock them to reopen.", ResultAssert.Refused(result, InboxErrorKind.Conflict).Message);
        Assert.Equal(ConversationStatus.Closed, Conversation.Status);
    }

    [Fact]
    public async Task Status_commands_on_a_missing_conversation_are_not_found()
    {
        await GivenAConversationAsync();

        Assert.Equal("Conversation #77 does not exist.", ResultAssert.Refused(await _inbox.Operators.CloseAsync(77, _dana.Id), InboxErrorKind.NotFound).Message);
        ResultAssert.Refused(await _inbox.Operators.ReopenAsync(77, _dana.Id), InboxErrorKind.NotFound);
        ResultAssert.Refused(await _inbox.Operators.MarkSpamAsync(77, _dana.Id), InboxErrorKind.NotFound);
    }
}
