using Inbox.Core.Model;
using Inbox.Core.Routing;
using Inbox.Slack.BlockKit;
using Inbox.Slack.Commands;
using Inbox.Slack.Rendering;

namespace Inbox.Slack.Tests.Rendering;

public sealed class RouteOnRootTests
{
    private static Route Route(string mode) => new(new RouteOptions { Name = "vip", ThreadMode = mode }, isDefault: false);

    private static string ContextText(SlackMessage root) =>
        string.Join("\n", root.Blocks.OfType<ContextBlock>().SelectMany(c => c.Elements).Select(e => e.Text));

    [Theory]
    [InlineData("two-way", "replies here go to the customer")]
    [InlineData("notes-by-default", "replies here are internal notes; start with >> or use Reply…")]
    [InlineData("alerts-only", "alerts only")]
    public void The_root_names_its_route_and_what_a_reply_in_the_thread_does(string mode, string explained)
    {
        var root = ThreadRootRenderer.Render(Fixtures.Conversation(), Fixtures.Contact(), null, Route(mode));

        var context = ContextText(root);
        Assert.Contains($"Route *vip* · *{mode}*", context);
        Assert.Contains(explained.Replace(">", "&gt;", StringComparison.Ordinal), context);
    }

    [Fact]
    public void A_root_that_replaced_a_moved_thread_links_back_to_it()
    {
        var root = ThreadRootRenderer.Render(Fixtures.Conversation(), Fixtures.Contact(), null, Route("two-way"), "<https://acme.slack.com/archives/COLD/p1|the earlier thread>");

        Assert.Contains("Moved here from <https://acme.slack.com/archives/COLD/p1|the earlier thread>", ContextText(root));
    }

    [Fact]
    public void A_moved_root_keeps_who_it_was_links_to_the_new_thread_and_offers_no_buttons()
    {
        var moved = MovedRootRenderer.Render(Fixtures.Conversation(id: 123), Fixtures.Contact(new ContactProfile(Name: "Jane Doe")), "CVIP000001", "<https://x/p2|the new thread>");

        Assert.Equal("Jane Doe · #123", Assert.IsType<HeaderBlock>(moved.Blocks[0]).Text.Text);
        Assert.Contains("Moved to <#CVIP000001>", Assert.IsType<SectionBlock>(moved.Blocks[1]).Text!.Text);
        Assert.Contains("<https://x/p2|the new thread>", Assert.IsType<SectionBlock>(moved.Blocks[1]).Text!.Text);
        Assert.Empty(moved.Blocks.OfType<ActionsBlock>());
    }

    [Fact]
    public void A_spam_conversation_offers_no_reply_button()
    {
        var root = ThreadRootRenderer.Render(Fixtures.Conversation(ConversationStatus.Spam), Fixtures.Contact(), null);

        Assert.DoesNotContain(root.Blocks.OfType<ActionsBlock>().Single().Elements, e => e.ActionId == SlackActions.Reply);
    }

    [Theory]
    [InlineData("<#C0123ABCD|vip-support>", "C0123ABCD")]
    [InlineData("<#G0123ABCD>", "G0123ABCD")]
    [InlineData("C0123ABCDE", "C0123ABCDE")]
    [InlineData("#vip-support", null)]
    [InlineData("<@U0123ABCD>", null)]
    public void A_move_target_is_read_from_Slacks_channel_reference(string typed, string? expected)
    {
        Assert.Equal(expected, SlackThreadMover.ChannelId(typed));
    }
}
