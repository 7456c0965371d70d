using Inbox.Fakes.BotFramework;
using Inbox.Host.Tests.Api.Support;
using Inbox.Host.Tests.Slack;

namespace Inbox.Host.Tests.Teams;

/// <summary>A tag that gives a live conversation another route moves its thread on each surface where that route has a channel.</summary>
public sealed class TeamsTagRoutingTests
{
    private const string General = "19:fake-team-general@thread.tacv2";
    private const string Vip = "19:vip@thread.tacv2";

    [Fact]
    public async Task Tagging_vip_moves_the_Teams_thread_to_the_vip_channel_and_leaves_the_Slack_thread_of_a_route_without_Slack_where_it_is()
    {
        await using var host = await TeamsHost.StartAsync(withSlack: true, SlackRoutingDriver.Rules(("vip", "ChatTag=vip", null, Vip, "two-way")));
        await host.InstallAsync();
        using var visitor = await WidgetVisitor.OpenSessionAsync(host.Host);
        var id = await visitor.StartConversationAsync("I am a big customer");
        var old = await ThreadInAsync(host, General, id);
        await SlackHost.EventuallyAsync(() => host.Slack!.Messages(TeamsHost.SlackChannel).Count >= 2, "the Slack thread is there");

        var answer = await host.CommandAsync(host.Dana, old.ConversationId, $"tag #{id} vip");

        Assert.Contains("moved to route vip", answer);
        var moved = await ThreadInAsync(host, Vip, id);
        Assert.Contains("Moved here from another channel", TeamsHost.Said(moved.Root!.AdaptiveCard));
        await SlackHost.EventuallyAsync(() => TeamsHost.Said(host.Teams.Thread(old.ConversationId)!.Root!.AdaptiveCard).Contains("Moved to another channel"), "the old card says it moved");
        Assert.Single(host.Slack!.CallsTo("chat.postMessage"), c => c.Argument("thread_ts") is null);
    }

    private static bool Says(FakeTeamsThread thread, long id) =>
        ((string?)thread.Root?.AdaptiveCard?["body"]?[0]?["text"])?.EndsWith($"· #{id}", StringComparison.Ordinal) == true;

    private static async Task<FakeTeamsThread> ThreadInAsync(TeamsHost host, string channel, long id)
    {
        FakeTeamsThread? Find() => host.Teams.Threads.LastOrDefault(t => t.ChannelId == channel && Says(t, id));
        await SlackHost.EventuallyAsync(() => Find() is { } t && t.BotActivities.Count >= 2, $"#{id}'s thread is in {channel}");
        return Find()!;
    }
}
