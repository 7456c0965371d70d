using Inbox.Teams.Commands;

namespace Inbox.Teams.Tests.Commands;

public sealed class TeamsCommandHandlerIsCommandTests
{
    [Theory]
    [InlineData("help")]
    [InlineData("open")]
    [InlineData("you 2")]
    [InlineData("all")]
    [InlineData("closed tag:vip")]
    [InlineData("spam")]
    [InlineData("spam #12")]
    [InlineData("assign #12 @@0")]
    [InlineData("transfer #12 @@0")]
    [InlineData("join")]
    [InlineData("close")]
    [InlineData("reopen #3")]
    [InlineData("block")]
    [InlineData("unblock #3")]
    [InlineData("note called back")]
    [InlineData("tag vip")]
    [InlineData("untag vip")]
    [InlineData("details")]
    [InlineData("history")]
    [InlineData("search refund")]
    public void Known_verbs_are_commands(string text) => Assert.True(TeamsCommandHandler.IsCommand(text));

    [Theory]
    [InlineData("CLOSE #12")]
    [InlineData("Details")]
    [InlineData("  sEaRcH   refund")]
    public void Verbs_are_recognised_whatever_their_case(string text) => Assert.True(TeamsCommandHandler.IsCommand(text));

    [Theory]
    [InlineData("markspam #12")]
    [InlineData("MarkSpam")]
    public void Markspam_is_not_a_verb_operators_type(string text) => Assert.False(TeamsCommandHandler.IsCommand(text));

    [Theory]
    [InlineData("12")]
    [InlineData("0")]
    [InlineData("-1 thanks")]
    [InlineData("3 items are missing")]
    public void Numbers_are_not_commands(string text) => Assert.False(TeamsCommandHandler.IsCommand(text));

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("Thanks, we have refunded your order.")]
    [InlineData("Hi Jane, could you send a screenshot?")]
    [InlineData("closing this now")]
    [InlineData("helpful tip: restart the app")]
    [InlineData("#12 close")]
    [InlineData("@@0 can you take this?")]
    public void Ordinary_sentences_are_not_commands(string text) => Assert.False(TeamsCommandHandler.IsCommand(text));
}
