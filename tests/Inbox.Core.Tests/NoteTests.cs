using Inbox.Core.Commands;
using Inbox.Core.Events;
using Inbox.Core.Model;

namespace Inbox.Core.Tests;

public sealed class NoteTests
{
    private readonly InMemoryInbox _inbox = new();

    [Fact]
    public async Task A_note_is_kept_for_operators_and_never_shown_to_the_customer()
    {
        var dana = await _inbox.OperatorAsync("Dana Scully", "dana@acme.test");
        var received = await _inbox.ReceiveAsync("visitor-a", "Hello");

        var change = ResultAssert.Succeeds(await _inbox.Operators.AddNoteAsync(received.Conversation.Id, dana.Id, " Probably a refund case "));

        var note = change.Message!;
        Assert.Equal(MessageDirection.Note, note.Direction);
        Assert.True(note.IsInternal);
        Assert.False(note.IsVisibleToCustomer);
        Assert.Equal("Probably a refund case", note.Text);
        Assert.Equal("Dana Scully", note.AuthorName);
        Assert.Equal("Note added to #1.", change.Summary);
        Assert.DoesNotContain(_inbox.Store.CustomerHistory(received.Conversation.Id), m => m.Id == note.Id);
        Assert.Contains(_inbox.Store.History(received.Conversation.Id), m => m.Id == note.Id);
        Assert.Equal(note, _inbox.Router.EventsOf<MessageAdded>().Last().Message);
    }

    [Fact]
    public async Task A_note_is_not_a_reply()
    {
        var dana = await _inbox.OperatorAsync("Dana Scully", "dana@acme.test");
        var received = await _inbox.ReceiveAsync("visitor-a", "Hello");
        _inbox.Wait(TimeSpan.FromMinutes(1));

        ResultAssert.Succeeds(await _inbox.Operators.AddNoteAsync(received.Conversation.Id, dana.Id, "Checking the order system"));

        Assert.True(received.Conversation.AwaitingReply);
        Assert.Null(received.Conversation.FirstResponseAt);
        Assert.Null(received.Conversation.FirstResponseSeconds);
        Assert.Null(received.Conversation.LastOperatorMessageAt);
        Assert.Equal("Hello", received.Conversation.Preview);
    }

    [Fact]
    public async Task A_note_on_a_closed_conversation_leaves_it_closed()
    {
        var dana = await _inbox.OperatorAsync("Dana Scully", "dana@acme.test");
        var received = await _inbox.ReceiveAsync("visitor-a", "Hello");
        await _inbox.Operators.CloseAsync(received.Conversation.Id, dana.Id);

        ResultAssert.Succeeds(await _inbox.Operators.AddNoteAsync(received.Conversation.Id, dana.Id, "Follow up next week"));

        Assert.Equal(ConversationStatus.Closed, received.Conversation.Status);
    }

    [Fact]
    public async Task An_empty_note_is_refused_as_invalid()
    {
        var dana = await _inbox.OperatorAsync("Dana Scully", "dana@acme.test");
        var received = await _inbox.ReceiveAsync("visitor-a", "Hello");

        var result = await _inbox.Operators.AddNoteAsync(received.Conversation.Id, dana.Id, "");

        Assert.Equal("text", ResultAssert.Refused(result, InboxErrorKind.Invalid).Field);
    }

    [Fact]
    public async Task The_same_note_delivered_twice_is_kept_once()
    {
        var dana = await _inbox.OperatorAsync("Dana Scully", "dana@acme.test");
        var received = await _inbox.ReceiveAsync("visitor-a", "Hello");

        await _inbox.Operators.AddNoteAsync(received.Conversation.Id, dana.Id, "Refund?", externalId: "teams:act-1");
        var again = ResultAssert.Succeeds(await _inbox.Operators.AddNoteAsync(received.Conversation.Id, dana.Id, "Refund?", externalId: "teams:act-1"));

        Assert.Equal("Already noted.", again.Summary);
        Assert.Single(_inbox.Store.History(received.Conversation.Id), m => m.Direction == MessageDirection.Note);
    }
}
