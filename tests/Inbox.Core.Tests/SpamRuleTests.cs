using Inbox.Core.Events;
using Inbox.Core.Model;
using Inbox.Core.Spam;

namespace Inbox.Core.Tests;

public sealed class SpamRuleTests
{
    [Fact]
    public void Every_rule_is_off_until_configured()
    {
        var rules = new SpamRules(new SpamOptions());
        Assert.Null(rules.Check("buy http://a.test http://b.test http://c.test viagra", startedWithinHour: 50));
    }

    [Theory]
    [InlineData("see http://a.test and https://b.test", null)]
    [InlineData("see http://a.test, https://b.test and www.c.test", "3 links (more than 2)")]
    public void Too_many_links_is_spam(string text, string? reason)
    {
        Assert.Equal(reason, new SpamRules(new SpamOptions { MaxLinks = 2 }).Check(text, 1));
    }

    [Theory]
    [InlineData("Cheap CASINO bonus", true)]
    [InlineData("I lost my crypto wallet password", true)]
    [InlineData("occasional question", false)] // whole words only: "casino" is not in "occasional"
    [InlineData("my cryptographic key", false)]
    public void Blocked_words_match_whole_words_in_any_case(string text, bool spam)
    {
        var rules = new SpamRules(new SpamOptions { BlockedWords = "casino, crypto wallet, crypto" });
        Assert.Equal(spam, rules.Check(text, 1) is not null);
    }

    [Fact]
    public void Starting_too_many_conversations_within_an_hour_is_spam()
    {
        var rules = new SpamRules(new SpamOptions { MaxConversationsPerHour = 3 });
        Assert.Null(rules.Check("hi", 3));
        Assert.Equal("4 conversations within an hour (more than 3)", rules.Check("hi", 4));
    }

    [Fact]
    public async Task A_conversation_matching_a_rule_goes_to_spam_silently_with_the_reason_noted()
    {
        var inbox = new InMemoryInbox(spam: new SpamOptions { BlockedWords = "casino" });
        var received = await inbox.ReceiveAsync("v1", "Best casino bonus here");

        Assert.Equal(ConversationStatus.Spam, received.Conversation.Status);
        // Nobody is told: every event the conversation caused was silenced when it was routed.
        Assert.NotEmpty(inbox.Router.Routed);
        Assert.All(inbox.Router.Routed, r => Assert.True(r.IsSilenced));
        var note = Assert.Single(inbox.Store.History(received.Conversation.Id), m => m.Direction == MessageDirection.System);
        Assert.Contains("the blocked word “casino”", note.Text);
        Assert.True(note.IsInternal);
    }

    [Fact]
    public async Task An_operator_can_take_a_conversation_out_of_spam()
    {
        var inbox = new InMemoryInbox(spam: new SpamOptions { MaxLinks = 1 });
        var dana = await inbox.OperatorAsync("Dana", "dana@example.test");
        var received = await inbox.ReceiveAsync("v1", "http://a.test http://b.test");

        var reopened = await inbox.Operators.ReopenAsync(received.Conversation.Id, dana.Id);

        Assert.True(reopened.Succeeded);
        Assert.Equal(ConversationStatus.Open, reopened.Value.Conversation.Status);
        Assert.Contains(inbox.Router.Events, e => e is StatusChanged { Previous: ConversationStatus.Spam } && !e.IsSilenced);
    }

    [Fact]
    public async Task The_rate_rule_counts_the_visitors_conversations_of_the_last_hour()
    {
        var inbox = new InMemoryInbox(spam: new SpamOptions { MaxConversationsPerHour = 2 });
        var first = await inbox.Customers.ReceiveAsync(new Commands.IncomingMessage(InMemoryInbox.Visitor("v1"), "one", StartNewConversation: true), default);
        var second = await inbox.Customers.ReceiveAsync(new Commands.IncomingMessage(InMemoryInbox.Visitor("v1"), "two", StartNewConversation: true), default);
        var third = await inbox.Customers.ReceiveAsync(new Commands.IncomingMessage(InMemoryInbox.Visitor("v1"), "three", StartNewConversation: true), default);
        inbox.Time.Advance(TimeSpan.FromHours(2));
        var later = await inbox.Customers.ReceiveAsync(new Commands.IncomingMessage(InMemoryInbox.Visitor("v1"), "four", StartNewConversation: true), default);

        Assert.Equal(ConversationStatus.Open, first.Value!.Conversation.Status);
        Assert.Equal(ConversationStatus.Open, second.Value!.Conversation.Status);
        Assert.Equal(ConversationStatus.Spam, third.Value!.Conversation.Status);
        Assert.Equal(ConversationStatus.Open, later.Value!.Conversation.Status);
    }
}
