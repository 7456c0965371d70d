using Inbox.Core.Commands;
using Inbox.Core.Events;

namespace Inbox.Core.Tests;

public sealed class MessageChangeTests
{
    private readonly InMemoryInbox _inbox = new();

    [Fact]
    public async Task The_author_can_edit_and_then_delete_their_reply_and_both_are_announced()
    {
        var dana = await _inbox.OperatorAsync("Dana Scully", "dana@acme.test");
        var received = await _inbox.ReceiveAsync("visitor-a", "Hello");
        await _inbox.Operators.ReplyAsync(received.Conversation.Id, dana.Id, "Ships Monday", externalId: "slack:C1:1.1");

        var edited = ResultAssert.Succeeds(await _inbox.Operators.EditAsync("slack:C1:1.1", dana.Id, " Ships Tuesday "));
        Assert.Equal("Ships Tuesday", edited.Message!.Text);
        Assert.Equal(_inbox.Time.GetUtcNow(), edited.Message.EditedAt);

        var deleted = ResultAssert.Succeeds(await _inbox.Operators.DeleteAsync("slack:C1:1.1", dana.Id));
        Assert.Equal("", deleted.Message!.Text);
        Assert.NotNull(deleted.Message.DeletedAt);
        Assert.Equal(2, _inbox.Router.EventsOf<MessageChanged>().Count());
        Assert.Equal(InboxErrorKind.Conflict, ResultAssert.Refused(await _inbox.Operators.DeleteAsync("slack:C1:1.1", dana.Id), InboxErrorKind.Conflict).Kind);
    }

    [Fact]
    public async Task An_edit_cannot_turn_a_reply_into_a_note_or_a_note_into_a_reply()
    {
        var dana = await _inbox.OperatorAsync("Dana Scully", "dana@acme.test");
        var received = await _inbox.ReceiveAsync("visitor-a", "Hello");
        await _inbox.Operators.ReplyAsync(received.Conversation.Id, dana.Id, "Ships Monday", externalId: "slack:C1:3.3");
        await _inbox.Operators.AddNoteAsync(received.Conversation.Id, dana.Id, "VIP, be quick", externalId: "slack:C1:4.4");

        var toNote = ResultAssert.Refused(await _inbox.Operators.EditAsync("slack:C1:3.3", dana.Id, "internal remark", asNote: true), InboxErrorKind.Conflict);
        Assert.Contains("cannot turn a reply to the customer into a note", toNote.Message);
        ResultAssert.Refused(await _inbox.Operators.EditAsync("slack:C1:4.4", dana.Id, "Hello customer", asNote: false), InboxErrorKind.Conflict);
        Assert.Empty(_inbox.Router.EventsOf<MessageChanged>());
        ResultAssert.Succeeds(await _inbox.Operators.EditAsync("slack:C1:3.3", dana.Id, "Ships Tuesday", asNote: false));
    }

    [Fact]
    public async Task Nobody_changes_someone_elses_message_or_a_customers()
    {
        var dana = await _inbox.OperatorAsync("Dana Scully", "dana@acme.test");
        var fox = await _inbox.OperatorAsync("Fox Mulder", "fox@acme.test");
        var received = await _inbox.ReceiveAsync("visitor-a", "Hello", externalId: "widget:a:1");
        await _inbox.Operators.ReplyAsync(received.Conversation.Id, dana.Id, "Hi", externalId: "slack:C1:2.2");

        var notAuthor = ResultAssert.Refused(await _inbox.Operators.EditAsync("slack:C1:2.2", fox.Id, "Bye"), InboxErrorKind.Conflict);
        Assert.Equal("Only the operator who wrote a message can change it.", notAuthor.Message);
        ResultAssert.Refused(await _inbox.Operators.EditAsync("widget:a:1", dana.Id, "Changed"), InboxErrorKind.NotFound);
        ResultAssert.Refused(await _inbox.Operators.EditAsync("slack:C1:2.2", dana.Id, "  "), InboxErrorKind.Invalid);
        Assert.Empty(_inbox.Router.EventsOf<MessageChanged>());
    }
}
