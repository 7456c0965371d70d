using Inbox.Core.Commands.Text;

namespace Inbox.Core.Tests;

public sealed class CommandLineTests
{
    [Theory]
    [InlineData("", CommandVerb.Help)]
    [InlineData("help", CommandVerb.Help)]
    [InlineData("open", CommandVerb.Open)]
    [InlineData("YOU", CommandVerb.You)]
    [InlineData("spam", CommandVerb.Spam)]
    [InlineData("spam #12", CommandVerb.MarkSpam)]
    [InlineData("close #12", CommandVerb.Close)]
    [InlineData("close 12", CommandVerb.Close)]
    [InlineData("details #7", CommandVerb.Details)]
    public void Verbs_are_recognised_whatever_their_case(string text, CommandVerb verb) =>
        Assert.Equal(verb, CommandLine.Parse(text).Value!.Verb);

    [Fact]
    public void A_view_takes_a_page_number()
    {
        var line = CommandLine.Parse("all 3").Value!;
        Assert.Equal((CommandVerb.All, 3), (line.Verb, line.Page));
    }

    [Fact]
    public void Closed_takes_filters_and_a_page()
    {
        var line = CommandLine.Parse("closed 2 tag:vip assignee:<@U1|lee> channel:email since:2026-11-01 until:2026-12-01").Value!;
        Assert.Equal(2, line.Page);
        Assert.Equal(new ClosedFilterText("vip", "<@U1|lee>", "email", "2026-11-01", "2026-12-01"), line.Filter);
    }

    [Fact]
    public void Assign_without_a_name_means_me_and_transfer_needs_one()
    {
        Assert.Null(CommandLine.Parse("assign #5").Value!.OperatorReference);
        Assert.Equal("<@U9|fox>", CommandLine.Parse("assign #5 <@U9|fox>").Value!.OperatorReference);
        Assert.Contains("transfer #123 @user", CommandLine.Parse("transfer #5").Error!.Message);
    }

    [Fact]
    public void A_note_keeps_its_whole_text()
    {
        var line = CommandLine.Parse("note #5 customer   called twice").Value!;
        Assert.Equal((5L, "customer called twice"), (line.ConversationId!.Value, line.Argument));
    }

    [Theory]
    [InlineData("frobnicate #1", "I don't know `frobnicate`")]
    [InlineData("close", "Usage: `close #123`")]
    [InlineData("close #abc", "Usage: `close #123`")]
    [InlineData("close #1 now", "Usage: `close #123`")]
    [InlineData("tag #1", "Usage: `tag #123 word`")]
    [InlineData("open blue", "Usage: `open [here] [page]`")]
    [InlineData("routes all", "Usage: `routes`")]
    [InlineData("move", "Usage: `move #123 #channel`")]
    [InlineData("move #1 #a #b", "Usage: `move #123 #channel`")]
    [InlineData("closed colour:red", "Unknown filter `colour:`")]
    [InlineData("search", "Usage: `search words`")]
    [InlineData("markspam #1", "I don't know `markspam`")]
    public void Bad_arguments_get_a_short_usage_line(string text, string expected)
    {
        var refused = CommandLine.Parse(text);
        Assert.False(refused.Succeeded);
        Assert.Contains(expected, refused.Error!.Message);
    }
}

public sealed class StatusCommandLineTests
{
    [Fact]
    public void Status_alone_asks_for_your_status()
    {
        var line = Inbox.Core.Commands.Text.CommandLine.Parse("status").Value!;
        Assert.Equal(Inbox.Core.Commands.Text.CommandVerb.Status, line.Verb);
        Assert.Null(line.Argument);
    }

    [Theory]
    [InlineData("status away", "away", null)]
    [InlineData("status ONLINE 3", "online", 3)]
    [InlineData("status offline", "offline", null)]
    public void Status_takes_a_state_and_an_optional_capacity(string text, string status, int? capacity)
    {
        var line = Inbox.Core.Commands.Text.CommandLine.Parse(text).Value!;
        Assert.Equal((status, capacity), (line.Argument, line.Capacity));
    }

    [Theory]
    [InlineData("status sleeping")]
    [InlineData("status 1")]
    [InlineData("status online lots")]
    [InlineData("status online 0")]
    [InlineData("status online 3 now")]
    public void A_bad_status_is_explained(string text)
    {
        var parsed = Inbox.Core.Commands.Text.CommandLine.Parse(text);
        Assert.False(parsed.Succeeded);
        Assert.Contains("status", parsed.Error.Message);
    }
}
