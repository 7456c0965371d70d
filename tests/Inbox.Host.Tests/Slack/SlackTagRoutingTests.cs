using Inbox.Host.Tests.Api.Support;

namespace Inbox.Host.Tests.Slack;

/// <summary>A tag that makes a routing rule match moves a live conversation's Slack thread to that rule's channel.</summary>
public sealed class SlackTagRoutingTests
{
    private const string Fox = "U0FOXMULDER";
    private const string Vip = "CVIP000001";

    [Fact]
    public async Task Tagging_a_conversation_vip_moves_its_thread_to_the_vip_routes_channel()
    {
        await using var host = await SlackHost.StartAsync(SlackRoutingDriver.Rules(("vip", "ChatTag=vip", Vip, null, "two-way")));
        host.Slack.AddUser(Fox, "Fox Mulder", "fox@acme.test");
        host.Slack.AddChannel(Vip, "vip");
        var fox = new SlackRoutingDriver(host, Fox);
        using var visitor = await WidgetVisitor.OpenSessionAsync(host.Host);
        var id = await visitor.StartConversationAsync("I am a big customer");
        var oldRoot = await fox.RootAsync(SlackHost.Channel, id);

        var answer = await fox.CommandAsync(SlackHost.Channel, $"tag #{id} vip");

        Assert.Contains($"#{id}", answer);
        Assert.Contains("moved to route vip", answer);
        var newRoot = await fox.RootAsync(Vip, id);
        Assert.Contains("Route *vip*", host.Slack.Message(Vip, newRoot)!.Text + SlackRoutingDriver.Blocks(host.Slack.Message(Vip, newRoot)!));
        await SlackHost.EventuallyAsync(() => host.Slack.Message(SlackHost.Channel, oldRoot)!.Text!.Contains($"moved to <#{Vip}>"), "the old root says it moved");
        Assert.Contains(host.Slack.Thread(Vip, newRoot), m => m.Text?.Contains("the conversation moves to route vip") == true);

        var oldThreadSize = host.Slack.Thread(SlackHost.Channel, oldRoot).Count;
        await visitor.SendAsync(id, "Are you there?");
        await SlackHost.EventuallyAsync(() => host.Slack.Thread(Vip, newRoot).Any(m => m.Text?.Contains("Are you there?") == true), "the next message is in the new thread");
        Assert.Equal(oldThreadSize, host.Slack.Thread(SlackHost.Channel, oldRoot).Count);
    }
}
