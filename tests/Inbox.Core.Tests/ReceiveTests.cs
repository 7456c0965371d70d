using Inbox.Core.Commands;
using Inbox.Core.Events;
using Inbox.Core.Model;

namespace Inbox.Core.Tests;

public sealed class ReceiveTests
{
    private readonly InMemoryInbox _inbox = new();

    [Fact]
    public async Task First_message_from_a_new_visitor_creates_the_contact_and_conversation_1()
    {
        var received = await _inbox.ReceiveAsync("visitor-a", "  Hello, my order is late  ");

        Assert.True(received.StartedConversation);
        Assert.False(received.IsDuplicate);
        Assert.Equal(1, received.Conversation.Id);
        Assert.Equal("#1", received.Conversation.Reference);
        Assert.Equal(ConversationStatus.Open, received.Conversation.Status);
        Assert.Equal(ChannelKind.Widget, received.Conversation.Channel);
        Assert.True(received.Conversation.AwaitingReply);
        Assert.Equal(InMemoryInbox.Start, received.Conversation.StartedAt);
        Assert.Equal("Hello, my order is late", received.Message.Text);
        Assert.Equal(MessageDirection.FromCustomer, received.Message.Direction);
        Assert.True(received.Message.IsVisibleToCustomer);
        Assert.Equal(received.Contact.DisplayName, received.Message.AuthorName);
        Assert.Equal("visitor-a", received.Contact.ExternalIdOn(ChannelKind.Widget));
        Assert.Single(_inbox.Store.Contacts);
    }

    [Fact]
    public async Task A_second_visitor_gets_conversation_2()
    {
        await _inbox.ReceiveAsync("visitor-a", "Hello");

        var second = await _inbox.ReceiveAsync("visitor-b", "Hi there");

        Assert.Equal("#2", second.Conversation.Reference);
        Assert.Equal(2, _inbox.Store.Contacts.Count);
    }

    [Fact]
    public async Task A_new_conversation_announces_itself_then_its_first_message()
    {
        var received = await _inbox.ReceiveAsync("visitor-a", "Hello");

        Assert.Collection(_inbox.Router.Events,
            e => Assert.Equal(received.Conversation, Assert.IsType<ConversationStarted>(e).Conversation),
            e => Assert.Equal(received.Message, Assert.IsType<MessageAdded>(e).Message));
        Assert.All(_inbox.Router.Routed, r => Assert.False(r.IsSilenced));
    }

    [Fact]
    public async Task A_later_message_without_a_conversation_id_joins_the_open_conversation()
    {
        var first = await _inbox.ReceiveAsync("visitor-a", "Hello");
        _inbox.Router.Clear();
        _inbox.Wait(TimeSpan.FromMinutes(2));

        var second = await _inbox.ReceiveAsync("visitor-a", "Anyone there?");

        Assert.False(second.StartedConversation);
        Assert.Equal(first.Conversation.Id, second.Conversation.Id);
        Assert.Equal(["Hello", "Anyone there?"], _inbox.Store.History(first.Conversation.Id).Select(m => m.Text));
        Assert.Equal("Anyone there?", second.Conversation.Preview);
        Assert.Equal(_inbox.Time.GetUtcNow(), second.Conversation.LastCustomerMessageAt);
        Assert.IsType<MessageAdded>(Assert.Single(_inbox.Router.Events));
    }

    [Fact]
    public async Task Asking_for_a_new_conversation_starts_another_one()
    {
        var first = await _inbox.ReceiveAsync("visitor-a", "Hello");

        var second = await _inbox.ReceiveAsync(new IncomingMessage(InMemoryInbox.Visitor("visitor-a"), "A different question", StartNewConversation: true));

        Assert.True(second.StartedConversation);
        Assert.Equal("#2", second.Conversation.Reference);
        Assert.Equal(first.Contact.Id, second.Contact.Id);
        Assert.Equal(ConversationStatus.Open, first.Conversation.Status);
    }

    [Fact]
    public async Task The_same_message_id_twice_is_stored_once()
    {
        var first = await _inbox.ReceiveAsync("visitor-a", "Hello", externalId: "client-1");
        var eventsAfterFirst = _inbox.Router.Events.Count;

        var repeat = await _inbox.ReceiveAsync("visitor-a", "Hello", externalId: "client-1");

        Assert.True(repeat.IsDuplicate);
        Assert.False(repeat.StartedConversation);
        Assert.Equal(first.Message.Id, repeat.Message.Id);
        Assert.Single(_inbox.Store.History(first.Conversation.Id));
        Assert.Equal(eventsAfterFirst, _inbox.Router.Events.Count);
    }

    [Fact]
    public async Task A_message_id_already_used_by_another_visitor_is_a_conflict()
    {
        await _inbox.ReceiveAsync("visitor-a", "Hello", externalId: "client-1");

        var result = await _inbox.Customers.ReceiveAsync(
            new IncomingMessage(InMemoryInbox.Visitor("visitor-b"), "Hello", ExternalId: "client-1"), CancellationToken.None);

        ResultAssert.Refused(result, InboxErrorKind.Conflict);
        Assert.Single(_inbox.Store.Contacts);
    }

    [Fact]
    public async Task A_visitor_naming_someone_elses_conversation_is_told_it_was_not_found_as_if_missing()
    {
        var theirs = await _inbox.ReceiveAsync("visitor-a", "My secret order");
        await _inbox.ReceiveAsync("visitor-b", "Hi");
        var messagesBefore = _inbox.Store.MessageCount;

        var someoneElses = await _inbox.Customers.ReceiveAsync(
            new IncomingMessage(InMemoryInbox.Visitor("visitor-b"), "Let me in", theirs.Conversation.Id), CancellationToken.None);
        var missing = await _inbox.Customers.ReceiveAsync(
            new IncomingMessage(InMemoryInbox.Visitor("visitor-b"), "Let me in", 999), CancellationToken.None);

        var error = ResultAssert.Refused(someoneElses, InboxErrorKind.NotFound);
        Assert.Equal($"Conversation #{theirs.Conversation.Id} was not found.", error.Message);
        Assert.Equal("Conversation #999 was not found.", ResultAssert.Refused(missing, InboxErrorKind.NotFound).Message);
        Assert.Equal(messagesBefore, _inbox.Store.MessageCount);
    }

    [Fact]
    public async Task An_unknown_visitor_naming_a_conversation_is_told_it_was_not_found_and_is_not_created()
    {
        var theirs = await _inbox.ReceiveAsync("visitor-a", "Hello");

        var result = await _inbox.Customers.ReceiveAsync(
            new IncomingMessage(InMemoryInbox.Visitor("stranger"), "Let me in", theirs.Conversation.Id), CancellationToken.None);

        ResultAssert.Refused(result, InboxErrorKind.NotFound);
        Assert.Single(_inbox.Store.Contacts);
    }

    [Fact]
    public async Task A_customer_writing_into_a_closed_conversation_reopens_it_with_an_internal_line()
    {
        var dana = await _inbox.OperatorAsync("Dana Scully", "dana@acme.test");
        var first = await _inbox.ReceiveAsync("visitor-a", "Hello");
        ResultAssert.Succeeds(await _inbox.Operators.CloseAsync(first.Conversation.Id, dana.Id));
        _inbox.Router.Clear();
        _inbox.Wait(TimeSpan.FromHours(1));

        var again = await _inbox.ReceiveAsync("visitor-a", "Sorry, one more thing", first.Conversation.Id);

        Assert.Equal(first.Conversation.Id, again.Conversation.Id);
        Assert.Equal(ConversationStatus.Open, again.Conversation.Status);
        Assert.Null(again.Conversation.EndedAt);
        Assert.True(again.Conversation.AwaitingReply);
        var history = _inbox.Store.History(first.Conversation.Id);
        var line = Assert.Single(history, m => m.Direction == MessageDirection.System && m.Text.Contains("wrote again"));
        Assert.True(line.IsInternal);
        Assert.Equal("Sorry, one more thing", history[^1].Text);
        var changed = Assert.Single(_inbox.Router.EventsOf<StatusChanged>());
        Assert.Equal(ConversationStatus.Closed, changed.Previous);
        Assert.Null(changed.Actor);
    }

    [Fact]
    public async Task A_closed_conversation_is_not_continued_without_its_id()
    {
        var dana = await _inbox.OperatorAsync("Dana Scully", "dana@acme.test");
        var first = await _inbox.ReceiveAsync("visitor-a", "Hello");
        ResultAssert.Succeeds(await _inbox.Operators.CloseAsync(first.Conversation.Id, dana.Id));

        var next = await _inbox.ReceiveAsync("visitor-a", "New question");

        Assert.True(next.StartedConversation);
        Assert.Equal("#2", next.Conversation.Reference);
        Assert.Equal(ConversationStatus.Closed, first.Conversation.Status);
    }

    [Fact]
    public async Task A_blocked_visitors_new_conversation_lands_in_spam_and_notifies_nobody()
    {
        var dana = await _inbox.OperatorAsync("Dana Scully", "dana@acme.test");
        var first = await _inbox.ReceiveAsync("visitor-a", "Buy cheap watches");
        ResultAssert.Succeeds(await _inbox.Operators.BlockAsync(first.Conversation.Id, dana.Id));
        _inbox.Router.Clear();

        var next = await _inbox.ReceiveAsync(new IncomingMessage(InMemoryInbox.Visitor("visitor-a"), "Buy more watches", StartNewConversation: true));

        Assert.True(next.StartedConversation);
        Assert.Equal(ConversationStatus.Spam, next.Conversation.Status);
        Assert.True(next.Conversation.IsContactBlocked);
        Assert.NotEmpty(_inbox.Router.Events);
        Assert.All(_inbox.Router.Routed, r => Assert.True(r.IsSilenced));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\n\t")]
    public async Task An_empty_message_is_refused_as_invalid(string text)
    {
        var result = await _inbox.Customers.ReceiveAsync(new IncomingMessage(InMemoryInbox.Visitor("visitor-a"), text), CancellationToken.None);

        var error = ResultAssert.Refused(result, InboxErrorKind.Invalid);
        Assert.Equal("text", error.Field);
        Assert.Empty(_inbox.Store.Contacts);
        Assert.Empty(_inbox.Store.Outbox);
    }

    [Fact]
    public async Task A_message_with_only_an_attachment_is_accepted()
    {
        var photo = new Attachment("receipt.png", "image/png", 12_345, "https://files.example/receipt.png");

        var received = await _inbox.ReceiveAsync(new IncomingMessage(InMemoryInbox.Visitor("visitor-a"), "", Attachments: [photo]));

        Assert.Equal([photo], received.Message.Attachments);
    }

    [Fact]
    public async Task A_too_long_message_is_refused_naming_the_limit()
    {
        var inbox = new InMemoryInbox(new InboxOptions { MaxMessageLength = 100 });

        var result = await inbox.Customers.ReceiveAsync(
            new IncomingMessage(InMemoryInbox.Visitor("visitor-a"), new string('a', 101)), CancellationToken.None);

        var error = ResultAssert.Refused(result, InboxErrorKind.TooLarge);
        Assert.Contains("the limit is 100", error.Message);
        Assert.Contains("101", error.Message);
        Assert.Equal("text", error.Field);
        Assert.Empty(inbox.Store.Conversations);
    }

    [Fact]
    public async Task A_message_exactly_at_the_limit_is_accepted()
    {
        var inbox = new InMemoryInbox(new InboxOptions { MaxMessageLength = 100 });

        var received = await inbox.ReceiveAsync("visitor-a", new string('a', 100));

        Assert.Equal(100, received.Message.Text.Length);
    }

    [Fact]
    public async Task The_preview_is_one_line_cut_to_the_preview_length()
    {
        var received = await _inbox.ReceiveAsync("visitor-a", "First line\nsecond line " + new string('x', 300));

        var preview = received.Conversation.Preview!;
        Assert.StartsWith("First line second line", preview);
        Assert.Equal(Conversation.PreviewLength, preview.Length);
        Assert.EndsWith("…", preview);
    }

    [Fact]
    public async Task The_same_visitor_key_on_another_channel_is_another_contact()
    {
        await _inbox.ReceiveAsync("42", "Hello from the widget");

        var telegram = await _inbox.ReceiveAsync(new IncomingMessage(new ContactIdentity(ChannelKind.Telegram, "42"), "Hello from Telegram"));

        Assert.True(telegram.StartedConversation);
        Assert.Equal(ChannelKind.Telegram, telegram.Conversation.Channel);
        Assert.Equal(2, _inbox.Store.Contacts.Count);
    }

    [Fact]
    public async Task Site_is_kept_on_the_new_conversation()
    {
        var received = await _inbox.ReceiveAsync(new IncomingMessage(InMemoryInbox.Visitor("visitor-a"), "Hello", Site: "shop.example"));

        Assert.Equal("shop.example", received.Conversation.Site);
    }
}
