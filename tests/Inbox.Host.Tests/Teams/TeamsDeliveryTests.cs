using Inbox.Fakes.BotFramework;
using Inbox.Host.Tests.Api.Support;

namespace Inbox.Host.Tests.Teams;

public sealed class TeamsDeliveryTests
{
    [Fact]
    public async Task A_storm_of_429_412_502_and_504_delays_delivery_but_loses_and_duplicates_nothing_and_keeps_order()
    {
        await using var host = await TeamsHost.StartAsync();
        await host.InstallAsync();
        host.Teams.FailNext(BotOperation.CreateConversation, 2, BotFault.TooManyRequests(TimeSpan.FromSeconds(1)));
        host.Teams.FailNext(BotOperation.SendToConversation, 40, BotFault.TooManyRequests(null));
        host.Teams.FailNext(BotOperation.SendToConversation, 5, BotFault.BadGateway);
        host.Teams.FailNext(BotOperation.SendToConversation, 5, BotFault.GatewayTimeout);
        host.Teams.FailNext(BotOperation.SendToConversation, 5, BotFault.PreconditionFailed);
        host.Teams.FailNext(BotOperation.SendToConversation, 5, BotFault.TooManyRequests(TimeSpan.FromSeconds(1)));

        const int conversations = 3, perConversation = 15;
        var ids = new List<long>();
        for (var c = 0; c < conversations; c++)
        {
            using var visitor = await WidgetVisitor.OpenSessionAsync(host.Host);
            var id = await visitor.StartConversationAsync($"chat {c} message 1");
            for (var m = 2; m <= perConversation; m++) await visitor.SendAsync(id, $"chat {c} message {m}");
            ids.Add(id);
        }

        foreach (var id in ids)
            await TeamsHost.EventuallyAsync(() => host.ReplyTexts(id).Count >= perConversation, $"all messages of #{id} are in Teams", seconds: 60);
        await Task.Delay(500);
        Assert.Equal(conversations, host.Teams.Threads.Count(t => t.Root?.AdaptiveCard is not null && t.BotActivities.Count > 0));
        for (var c = 0; c < conversations; c++)
        {
            var texts = host.ReplyTexts(ids[c]);
            Assert.Equal(Enumerable.Range(1, perConversation).Select(m => $"chat {c} message {m}"), texts.Select(t => t.Split('\n').Last()));
        }
        Assert.Contains(host.Teams.Calls, c => c.Operation == BotOperation.SendToConversation);
    }

    [Fact]
    public async Task Posts_into_one_thread_keep_to_the_configured_pace()
    {
        await using var host = await TeamsHost.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Teams:ThreadPostsPerSecond"] = "4",
            ["Teams:ThreadPostBurst"] = "1",
        });
        await host.InstallAsync();
        using var visitor = await WidgetVisitor.OpenSessionAsync(host.Host);
        var id = await visitor.StartConversationAsync("one");
        for (var m = 2; m <= 9; m++) await visitor.SendAsync(id, $"message {m}");

        var thread = await host.ThreadOfAsync(id);
        await TeamsHost.EventuallyAsync(() => host.ReplyTexts(id).Count == 9, "all nine messages are in Teams", seconds: 30);
        var posts = host.Teams.CallsTo(BotOperation.SendToConversation).Where(c => c.Path.Contains(thread.RootActivityId)).Select(c => c.At).Order().ToList();
        // Nine posts at four a second with no burst take at least two seconds (a little slack for clock granularity).
        Assert.True(posts[^1] - posts[0] >= TimeSpan.FromSeconds(1.8), $"nine posts took only {posts[^1] - posts[0]}");
        Assert.DoesNotContain(host.Teams.Calls, c => c.Operation == BotOperation.SendToConversation && posts.Count != 9);
    }

    [Fact]
    public async Task The_bots_token_is_fetched_once_and_fetched_again_after_the_connector_refuses_it()
    {
        await using var host = await TeamsHost.StartAsync();
        await host.InstallAsync();
        var first = await WidgetVisitor.NewConversationAsync(host.Host, "one");
        await host.ThreadOfAsync(first);
        await TeamsHost.EventuallyAsync(() => host.ReplyTexts(first).Count == 1, "the first message is in Teams");
        Assert.Equal(1, host.Teams.TokensIssued);

        host.Teams.RevokeAccessTokens();
        var second = await WidgetVisitor.NewConversationAsync(host.Host, "two");
        await host.ThreadOfAsync(second);
        await TeamsHost.EventuallyAsync(() => host.ReplyTexts(second).Count == 1, "the second message is in Teams");
        Assert.Equal(2, host.Teams.TokensIssued);
        Assert.All(host.Teams.CallsTo(BotOperation.CreateConversation), c => Assert.StartsWith("Bearer ", c.Authorization));
    }

    [Fact]
    public async Task Deliveries_waiting_when_the_host_stops_go_out_once_after_a_restart()
    {
        await using var host = await TeamsHost.StartAsync();
        await host.InstallAsync();
        using var visitor = await WidgetVisitor.OpenSessionAsync(host.Host);
        var id = await visitor.StartConversationAsync("before restart 1");
        await host.ThreadOfAsync(id);
        await TeamsHost.EventuallyAsync(() => host.ReplyTexts(id).Count == 1, "the first message is in Teams");
        // Teams throttles with a long Retry-After: the next messages are still waiting when the host stops.
        host.Teams.FailNext(BotOperation.SendToConversation, 1, BotFault.TooManyRequests(TimeSpan.FromSeconds(3)));
        await visitor.SendAsync(id, "before restart 2");
        await visitor.SendAsync(id, "before restart 3");
        await TeamsHost.EventuallyAsync(() => host.Teams.CallsTo(BotOperation.SendToConversation).Count >= 2, "the throttled post was tried");

        await host.RestartAsync();
        var resumed = await WidgetVisitor.OpenSessionAsync(host.Host, null);
        resumed.Dispose();
        await TeamsHost.EventuallyAsync(() => host.ReplyTexts(id).Count >= 3, "the waiting messages are in Teams after the restart", seconds: 60);
        await Task.Delay(500);
        Assert.Equal(["before restart 1", "before restart 2", "before restart 3"], host.ReplyTexts(id).Select(t => t.Split('\n').Last()));
    }
}
