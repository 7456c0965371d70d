using Inbox.Core.Commands;
using Inbox.Core.Events;
using Inbox.Core.Model;

namespace Inbox.Core.Tests;

public sealed class TagTests
{
    private readonly InMemoryInbox _inbox = new();
    private Operator _dana = null!;
    private ReceivedMessage _received = null!;

    private async Task GivenAConversationAsync()
    {
        _dana = await _inbox.OperatorAsync("Dana Scully", "dana@acme.test");
        _received = await _inbox.ReceiveAsync("visitor-a", "Hello");
        _inbox.Router.Clear();
    }

    [Theory]
    [InlineData("#VIP ", "vip")]
    [InlineData("  Refund-Request", "refund-request")]
    [InlineData("plan:pro", "plan:pro")]
    [InlineData("v1.2_beta", "v1.2_beta")]
    [InlineData("Ünïcode", "ünïcode")]
    public void Tags_are_normalised_to_lower_case_words(string raw, string expected) =>
        Assert.Equal(expected, TagSet.Normalize(raw));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("#")]
    [InlineData("two words")]
    [InlineData("semi;colon")]
    [InlineData("<script>")]
    [InlineData("@here")]
    public void Unusable_tags_normalise_to_nothing(string? raw) => Assert.Null(TagSet.Normalize(raw));

    [Fact]
    public void A_tag_may_be_as_long_as_the_limit_but_no_longer()
    {
        Assert.NotNull(TagSet.Normalize(new string('a', TagSet.MaxLength)));
        Assert.Null(TagSet.Normalize(new string('a', TagSet.MaxLength + 1)));
    }

    [Fact]
    public async Task Tagging_a_conversation_stores_the_normalised_tag()
    {
        await GivenAConversationAsync();

        var change = ResultAssert.Succeeds(await _inbox.Operators.TagAsync(_received.Conversation.Id, "#VIP ", _dana.Id));

        Assert.Equal("Tagged #1 'vip'.", change.Summary);
        Assert.Equal(["vip"], _received.Conversation.Tags);
        Assert.Empty(_received.Contact.Tags);
        Assert.IsType<FactsChanged>(Assert.Single(_inbox.Router.Events));
    }

    [Fact]
    public async Task Untagging_a_conversation_removes_the_tag()
    {
        await GivenAConversationAsync();
        await _inbox.Operators.TagAsync(_received.Conversation.Id, "vip", _dana.Id);
        await _inbox.Operators.TagAsync(_received.Conversation.Id, "refund", _dana.Id);

        var change = ResultAssert.Succeeds(await _inbox.Operators.UntagAsync(_received.Conversation.Id, "VIP", _dana.Id));

        Assert.Equal("Removed tag 'vip' from #1.", change.Summary);
        Assert.Equal(["refund"], _received.Conversation.Tags);
    }

    [Fact]
    public async Task Tagging_the_visitor_puts_the_tag_on_the_contact()
    {
        await GivenAConversationAsync();

        var change = ResultAssert.Succeeds(await _inbox.Operators.TagContactAsync(_received.Conversation.Id, "Wholesale", _dana.Id));

        Assert.Equal("Tagged the visitor 'wholesale'.", change.Summary);
        Assert.Equal(["wholesale"], _received.Contact.Tags);
        Assert.Empty(_received.Conversation.Tags);
    }

    [Fact]
    public async Task Untagging_the_visitor_removes_the_contact_tag()
    {
        await GivenAConversationAsync();
        await _inbox.Operators.TagContactAsync(_received.Conversation.Id, "wholesale", _dana.Id);

        var change = ResultAssert.Succeeds(await _inbox.Operators.UntagContactAsync(_received.Conversation.Id, "wholesale", _dana.Id));

        Assert.Equal("Removed tag 'wholesale' from the visitor.", change.Summary);
        Assert.Empty(_received.Contact.Tags);
    }

    [Fact]
    public async Task A_tag_already_there_is_a_conflict()
    {
        await GivenAConversationAsync();
        await _inbox.Operators.TagAsync(_received.Conversation.Id, "vip", _dana.Id);
        await _inbox.Operators.TagContactAsync(_received.Conversation.Id, "vip", _dana.Id);
        _inbox.Router.Clear();

        var onConversation = await _inbox.Operators.TagAsync(_received.Conversation.Id, "#VIP", _dana.Id);
        var onContact = await _inbox.Operators.TagContactAsync(_received.Conversation.Id, "Vip", _dana.Id);

        Assert.Equal("#1 is already tagged 'vip'.", ResultAssert.Refused(onConversation, InboxErrorKind.Conflict).Message);
        Assert.Equal("the visitor is already tagged 'vip'.", ResultAssert.Refused(onContact, InboxErrorKind.Conflict).Message);
        Assert.Equal(["vip"], _received.Conversation.Tags);
        Assert.Empty(_inbox.Router.Events);
    }

    [Fact]
    public async Task Removing_a_tag_that_is_not_there_is_a_conflict()
    {
        await GivenAConversationAsync();

        var onConversation = await _inbox.Operators.UntagAsync(_received.Conversation.Id, "vip", _dana.Id);
        var onContact = await _inbox.Operators.UntagContactAsync(_received.Conversation.Id, "vip", _dana.Id);

        Assert.Equal("#1 is not tagged 'vip'.", ResultAssert.Refused(onConversation, InboxErrorKind.Conflict).Message);
        Assert.Equal("the visitor is not tagged 'vip'.", ResultAssert.Refused(onContact, InboxErrorKind.Conflict).Message);
    }

    [Fact]
    public async Task An_unusable_tag_is_invalid_and_names_the_tag_field()
    {
        await GivenAConversationAsync();

        var result = await _inbox.Operators.TagAsync(_received.Conversation.Id, "two words", _dana.Id);

        var error = ResultAssert.Refused(result, InboxErrorKind.Invalid);
        Assert.Equal("tag", error.Field);
        Assert.Contains("'two words' is not a tag", error.Message);
        Assert.Contains($"up to {TagSet.MaxLength}", error.Message);
        Assert.Empty(_received.Conversation.Tags);
    }
}
