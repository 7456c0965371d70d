using Inbox.Core.Commands;
using Inbox.Core.Events;
using Inbox.Core.Model;

namespace Inbox.Core.Tests;

public sealed class AssignmentTests
{
    private readonly InMemoryInbox _inbox = new();
    private Operator _dana = null!;
    private Operator _fox = null!;
    private long _conversationId;

    private async Task GivenAConversationAsync()
    {
        _dana = await _inbox.OperatorAsync("Dana Scully", "dana@acme.test");
        _fox = await _inbox.OperatorAsync("Fox Mulder", "fox@acme.test");
        _conversationId = (await _inbox.ReceiveAsync("visitor-a", "Hello")).Conversation.Id;
        _inbox.Router.Clear();
    }

    private Conversation Conversation => _inbox.Store.Conversation(_conversationId);

    private Message LastLine => _inbox.Store.History(_conversationId)[^1];

    [Fact]
    public async Task Assign_to_me_makes_me_the_assignee()
    {
        await GivenAConversationAsync();

        var change = ResultAssert.Succeeds(await _inbox.Operators.AssignAsync(_conversationId, _dana.Id, _dana.Id));

        Assert.Equal(_dana.Id, Conversation.AssigneeId);
        Assert.True(Conversation.IsHandledBy(_dana.Id));
        Assert.Equal("#1 is now assigned to Dana Scully.", change.Summary);
        Assert.Equal(MessageDirection.System, LastLine.Direction);
        Assert.Equal("Dana Scully took the conversation.", LastLine.Text);
        Assert.True(LastLine.IsInternal);
        var assigned = Assert.Single(_inbox.Router.EventsOf<AssigneeChanged>());
        Assert.Null(assigned.Previous);
        Assert.Equal(_dana, assigned.Assignee);
    }

    [Fact]
    public async Task Assigning_to_someone_else_names_them_in_the_history()
    {
        await GivenAConversationAsync();

        ResultAssert.Succeeds(await _inbox.Operators.AssignAsync(_conversationId, _fox.Id, _dana.Id));

        Assert.Equal(_fox.Id, Conversation.AssigneeId);
        Assert.Equal("Dana Scully assigned the conversation to Fox Mulder.", LastLine.Text);
        Assert.True(LastLine.IsInternal);
        Assert.Equal(_dana, Assert.Single(_inbox.Router.EventsOf<AssigneeChanged>()).Actor);
    }

    [Fact]
    public async Task Transfer_hands_the_conversation_over_and_names_the_previous_assignee()
    {
        await GivenAConversationAsync();
        await _inbox.Operators.AssignAsync(_conversationId, _dana.Id, _dana.Id);
        _inbox.Router.Clear();

        var change = ResultAssert.Succeeds(await _inbox.Operators.TransferAsync(_conversationId, _fox.Id, _dana.Id));

        Assert.Equal(_fox.Id, Conversation.AssigneeId);
        Assert.False(Conversation.IsHandledBy(_dana.Id));
        Assert.Equal("#1 is now assigned to Fox Mulder.", change.Summary);
        Assert.Equal("Dana Scully transferred the conversation to Fox Mulder.", LastLine.Text);
        Assert.True(LastLine.IsInternal);
        var transferred = Assert.Single(_inbox.Router.EventsOf<AssigneeChanged>());
        Assert.Equal(_dana, transferred.Previous);
        Assert.Equal(_fox, transferred.Assignee);
    }

    [Fact]
    public async Task Transfer_to_an_unknown_operator_is_not_found()
    {
        await GivenAConversationAsync();
        await _inbox.Operators.AssignAsync(_conversationId, _dana.Id, _dana.Id);
        var messagesBefore = _inbox.Store.MessageCount;

        var result = await _inbox.Operators.TransferAsync(_conversationId, Guid.NewGuid(), _dana.Id);

        Assert.Equal("That operator is not known to Inbox.", ResultAssert.Refused(result, InboxErrorKind.NotFound).Message);
        Assert.Equal(_dana.Id, Conversation.AssigneeId);
        Assert.Equal(messagesBefore, _inbox.Store.MessageCount);
    }

    [Fact]
    public async Task Transfer_to_the_current_assignee_is_a_conflict()
    {
        await GivenAConversationAsync();
        await _inbox.Operators.AssignAsync(_conversationId, _fox.Id, _dana.Id);

        var result = await _inbox.Operators.TransferAsync(_conversationId, _fox.Id, _dana.Id);

        Assert.Equal("#1 is already assigned to Fox Mulder.", ResultAssert.Refused(result, InboxErrorKind.Conflict).Message);
    }

    [Fact]
    public async Task Joining_adds_a_participant_without_changing_the_assignee()
    {
        await GivenAConversationAsync();
        await _inbox.Operators.AssignAsync(_conversationId, _dana.Id, _dana.Id);
        _inbox.Router.Clear();

        var change = ResultAssert.Succeeds(await _inbox.Operators.JoinAsync(_conversationId, _fox.Id));

        Assert.Equal(_dana.Id, Conversation.AssigneeId);
        Assert.Equal([_fox.Id], Conversation.Participants);
        Assert.True(Conversation.IsHandledBy(_fox.Id));
        Assert.Equal("You joined #1.", change.Summary);
        Assert.Equal("Fox Mulder joined the conversation.", LastLine.Text);
        Assert.True(LastLine.IsInternal);
        Assert.Equal(_fox, Assert.Single(_inbox.Router.EventsOf<OperatorJoined>()).Operator);
        Assert.Empty(_inbox.Router.EventsOf<AssigneeChanged>());
    }

    [Fact]
    public async Task Joining_twice_is_a_conflict()
    {
        await GivenAConversationAsync();
        await _inbox.Operators.JoinAsync(_conversationId, _fox.Id);

        var result = await _inbox.Operators.JoinAsync(_conversationId, _fox.Id);

        Assert.Equal("You have already joined #1.", ResultAssert.Refused(result, InboxErrorKind.Conflict).Message);
        Assert.Equal([_fox.Id], Conversation.Participants);
    }

    [Fact]
    public async Task Joining_a_conversation_you_are_assigned_to_is_a_conflict()
    {
        await GivenAConversationAsync();
        await _inbox.Operators.AssignAsync(_conversationId, _dana.Id, _dana.Id);

        var result = await _inbox.Operators.JoinAsync(_conversationId, _dana.Id);

        Assert.Equal("You are already assigned to #1.", ResultAssert.Refused(result, InboxErrorKind.Conflict).Message);
        Assert.Empty(Conversation.Participants);
    }

    [Fact]
    public async Task Taking_a_conversation_you_joined_makes_you_its_assignee_and_no_longer_a_participant()
    {
        await GivenAConversationAsync();
        await _inbox.Operators.JoinAsync(_conversationId, _fox.Id);

        ResultAssert.Succeeds(await _inbox.Operators.AssignAsync(_conversationId, _fox.Id, _dana.Id));

        Assert.Equal(_fox.Id, Conversation.AssigneeId);
        Assert.Empty(Conversation.Participants);
    }

    [Fact]
    public async Task Every_assignment_change_writes_an_internal_line()
    {
        await GivenAConversationAsync();

        await _inbox.Operators.AssignAsync(_conversationId, _dana.Id, _dana.Id);
        await _inbox.Operators.JoinAsync(_conversationId, _fox.Id);
        await _inbox.Operators.TransferAsync(_conversationId, _fox.Id, _dana.Id);

        var lines = _inbox.Store.History(_conversationId).Where(m => m.Direction == MessageDirection.System).ToList();
        Assert.Equal(3, lines.Count);
        Assert.All(lines, l => Assert.False(l.IsVisibleToCustomer));
        Assert.Equal(["Hello"], _inbox.Store.CustomerHistory(_conversationId).Select(m => m.Text));
    }

    [Fact]
    public async Task Someone_who_is_not_an_operator_cannot_assign_or_join()
    {
        await GivenAConversationAsync();
        var stranger = Guid.NewGuid();

        var assign = await _inbox.Operators.AssignAsync(_conversationId, _dana.Id, stranger);
        var join = await _inbox.Operators.JoinAsync(_conversationId, stranger);

        Assert.Equal("You are not a known operator.", ResultAssert.Refused(assign, InboxErrorKind.NotFound).Message);
        ResultAssert.Refused(join, InboxErrorKind.NotFound);
        Assert.Null(Conversation.AssigneeId);
        Assert.Single(_inbox.Store.History(_conversationId));
    }

    [Fact]
    public async Task A_spam_conversation_cannot_be_assigned_or_joined()
    {
        await GivenAConversationAsync();
        await _inbox.Operators.MarkSpamAsync(_conversationId, _dana.Id);

        var assign = await _inbox.Operators.AssignAsync(_conversationId, _dana.Id, _dana.Id);
        var join = await _inbox.Operators.JoinAsync(_conversationId, _fox.Id);

        Assert.Equal("#1 is marked as spam.", ResultAssert.Refused(assign, InboxErrorKind.Conflict).Message);
        Assert.Equal("#1 is marked as spam.", ResultAssert.Refused(join, InboxErrorKind.Conflict).Message);
        Assert.Null(Conversation.AssigneeId);
        Assert.Empty(Conversation.Participants);
    }
}
