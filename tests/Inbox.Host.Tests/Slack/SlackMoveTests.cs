using Inbox.Host.Tests.Api.Support;

namespace Inbox.Host.Tests.Slack;

/// <summary><c>/inbox move</c> end to end: a new thread in the target channel, the old root marked moved, later messages only in the new thread.</summary>
public sealed class SlackMoveTests
{
    private const string Fox = "U0FOXMULDER";
    private const string Vip = "CVIP000001";

    [Fact]
    public async Task Moving_a_live_conversation_starts_a_linked_thread_in_the_target_and_later_messages_only_go_there()
    {
        await using var host = await SlackHost.StartAsync();
        host.Slack.AddUser(Fox, "Fox Mulder", "fox@acme.test");
        host.Slack.AddChannel(Vip, "vip");
        var fox = new SlackRoutingDriver(host, Fox);
        using var visitor = await WidgetVisitor.OpenSessionAsync(host.Host);
        var id = await visitor.StartConversationAsync("I am a big customer");
        var oldRoot = await fox.RootAsync(SlackHost.Channel, id);

        var answer = await fox.CommandAsync(SlackHost.Channel, $"move #{id} <#{Vip}|vip>");

        Assert.Contains($"#{id} moves to <#{Vip}>", answer);
        var newRoot = await fox.RootAsync(Vip, id);
        var newBlocks = SlackRoutingDriver.Blocks(host.Slack.Message(Vip, newRoot)!);
        Assert.Contains($"Moved here from <https://fake.slack.test/archives/{SlackHost.Channel}/p{oldRoot.Replace(".", "")}|the earlier thread>", newBlocks);
        await SlackHost.EventuallyAsync(() => host.Slack.Message(SlackHost.Channel, oldRoot)!.Text!.Contains($"moved to <#{Vip}>"), "the old root says it moved");
        var oldBlocks = SlackRoutingDriver.Blocks(host.Slack.Message(SlackHost.Channel, oldRoot)!);
        Assert.Contains($"/archives/{Vip}/p{newRoot.Replace(".", "")}|the new thread>", oldBlocks);
        Assert.DoesNotContain("inbox.assign_me", oldBlocks);

        var oldThreadSize = host.Slack.Thread(SlackHost.Channel, oldRoot).Count;
        await visitor.SendAsync(id, "Are you there?");
        await SlackHost.EventuallyAsync(() => host.Slack.Thread(Vip, newRoot).Any(m => m.Text?.Contains("Are you there?") == true), "the next message is in the new thread");
        Assert.Equal(oldThreadSize, host.Slack.Thread(SlackHost.Channel, oldRoot).Count);

        await fox.ReplyInThreadAsync(Vip, newRoot, "Yes, right here");
        Assert.Contains(await visitor.MessagesAsync(id), m => m.String("text") == "Yes, right here");
        await fox.ReplyInThreadAsync(SlackHost.Channel, oldRoot, "Written in the old thread");
        Assert.DoesNotContain(await visitor.MessagesAsync(id), m => m.String("text") == "Written in the old thread");
        Assert.Contains(fox.Ephemerals(), e => e.Contains($"#{id} moved to <#{Vip}>; your message was not sent"));
        // A root update (assigning) redraws the new root, never the old one.
        await fox.CommandAsync(Vip, $"assign #{id}");
        await SlackHost.EventuallyAsync(() => host.Slack.Message(Vip, newRoot)!.Text!.Contains("Fox Mulder"), "the new root shows the assignee");
        Assert.DoesNotContain("Fox Mulder", host.Slack.Message(SlackHost.Channel, oldRoot)!.Text);
    }

    [Fact]
    public async Task A_move_that_cannot_happen_says_why_and_changes_nothing()
    {
        await using var host = await SlackHost.StartAsync();
        host.Slack.AddUser(Fox, "Fox Mulder", "fox@acme.test");
        host.Slack.AddChannel("CNOTIN0001", "elsewhere", botIsMember: false);
        host.Slack.AddChannel("GSECRET001", "secret", isPrivate: true, botIsMember: false);
        var fox = new SlackRoutingDriver(host, Fox);
        var id = await WidgetVisitor.NewConversationAsync(host.Host, "Hello");
        var root = await fox.RootAsync(SlackHost.Channel, id);

        Assert.Contains($"#{id} is already in <#{SlackHost.Channel}>", await fox.CommandAsync(SlackHost.Channel, $"move #{id}"));
        Assert.Contains("Conversation #999 does not exist.", await fox.CommandAsync(SlackHost.Channel, "move #999 <#CVIP000001|vip>"));
        Assert.Contains("I'm not a member of <#CNOTIN0001>: invite me there", await fox.CommandAsync(SlackHost.Channel, $"move #{id} <#CNOTIN0001|elsewhere>"));
        Assert.Contains("I can't see <#GSECRET001>", await fox.CommandAsync(SlackHost.Channel, $"move #{id} <#GSECRET001|secret>"));
        Assert.Contains("I can't tell which channel `#vip` is", await fox.CommandAsync(SlackHost.Channel, $"move #{id} #vip"));

        await Task.Delay(300);
        Assert.Single(host.Slack.CallsTo("chat.postMessage"), c => c.Argument("thread_ts") is null);
        Assert.Contains("inbox.assign_me", SlackRoutingDriver.Blocks(host.Slack.Message(SlackHost.Channel, root)!));
    }
}
