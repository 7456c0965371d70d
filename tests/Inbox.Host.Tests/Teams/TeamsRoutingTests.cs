using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Inbox.Fakes.BotFramework;
using Inbox.Host.Tests.Api.Support;
using Inbox.Host.Tests.Slack;

namespace Inbox.Host.Tests.Teams;

/// <summary>Routing rules, thread modes and <c>@Inbox move</c> in Teams end to end: real host, fake Bot Framework (and fake Slack).</summary>
public sealed class TeamsRoutingTests
{
    private const string General = "19:fake-team-general@thread.tacv2";
    private const string Vip = "19:vip@thread.tacv2";
    private const string Quiet = "19:quiet@thread.tacv2";

    [Fact]
    public async Task Rules_start_each_conversation_in_its_routes_Teams_and_Slack_channels_or_none()
    {
        await using var host = await TeamsHost.StartAsync(withSlack: true, SlackRoutingDriver.Rules(
            ("vip", "ChatTag=vip", null, Vip, "two-way"),
            ("site", "Site=shop.example", "CSHOP00001", null, "two-way"),
            ("widget", "Channel=widget", null, Quiet, "alerts-only")));
        await host.InstallAsync();

        var quiet = await WidgetVisitor.NewConversationAsync(host.Host, "No site given");
        using var shopper = await WidgetVisitor.OpenSessionAsync(host.Host);
        using var started = await shopper.Client.PostAsJsonAsync("/widget/api/conversations", new { text = "From the shop", site = "shop.example" });
        var shop = (await started.ShouldBe(System.Net.HttpStatusCode.Created))["conversation"].Id();

        var thread = await ThreadInAsync(host, Quiet, quiet);
        Assert.Contains("Route widget · alerts-only", TeamsHost.Said(thread.Root!.AdaptiveCard));
        await SlackHost.EventuallyAsync(() => host.Slack!.Messages("CSHOP00001").Count == 2, "the shop conversation is in its Slack channel");
        Assert.DoesNotContain(host.Teams.Threads, t => Says(t, shop));
        Assert.Empty(host.Slack!.Messages(TeamsHost.SlackChannel));
        Assert.DoesNotContain(host.Teams.Threads, t => t.ChannelId == General && Says(t, quiet));
    }

    [Fact]
    public async Task In_a_notes_by_default_thread_a_plain_reply_never_reaches_the_customer_but_the_send_prefix_and_the_reply_card_do()
    {
        await using var host = await TeamsHost.StartAsync(settings: new Dictionary<string, string?> { ["Routing:Default:ThreadMode"] = "notes-by-default" });
        await host.InstallAsync();
        using var visitor = await WidgetVisitor.OpenSessionAsync(host.Host);
        using var console = OperatorConsole.Dana(host.Host);
        var id = await visitor.StartConversationAsync("Is my order late?");
        var thread = await ThreadInAsync(host, General, id);
        Assert.Contains("notes-by-default", TeamsHost.Said(thread.Root!.AdaptiveCard));

        await ReplyAsync(host, host.Dana, thread, "Warehouse is checking");
        await ReplyAsync(host, host.Dana, thread, ">> It ships tomorrow.");
        var card = await PressReplyAsync(host, thread, id, "Sorry for the wait!");

        Assert.Contains("Reply…", TeamsHost.Said(card));
        await SlackHost.EventuallyAsync(() => Answers(visitor, id).Result.Count == 2, "both answers reach the visitor");
        Assert.Equal(["It ships tomorrow.", "Sorry for the wait!"], await Answers(visitor, id));
        Assert.Equal("Warehouse is checking", Assert.Single((await console.DetailsAsync(id))["notes"]!.AsArray()).String("text"));
    }

    [Fact]
    public async Task In_an_alerts_only_thread_a_reply_is_a_note_and_only_its_author_is_told_where_to_answer()
    {
        await using var host = await TeamsHost.StartAsync(settings: new Dictionary<string, string?> { ["Routing:Default:ThreadMode"] = "alerts-only" });
        await host.InstallAsync();
        using var visitor = await WidgetVisitor.OpenSessionAsync(host.Host);
        var id = await visitor.StartConversationAsync("Hello?");
        var thread = await ThreadInAsync(host, General, id);

        await ReplyAsync(host, host.Dana, thread, "Hi, how can I help?");

        await SlackHost.EventuallyAsync(() => host.Teams.PersonalMessages(host.Dana.Id).Count == 1, "Dana is told privately");
        Assert.Contains("use Reply… on the thread's first card", TeamsHost.Said(host.Teams.PersonalMessages(host.Dana.Id)[0]));
        Assert.Empty(host.Teams.PersonalMessages(host.Lee.Id));
        Assert.DoesNotContain(host.Teams.Thread(thread.ConversationId)!.BotActivities, a => TeamsHost.Said(a.Activity).Contains("Reply…", StringComparison.Ordinal) && a.Id != thread.RootActivityId);
        Assert.Empty(await Answers(visitor, id));
        await PressReplyAsync(host, thread, id, "Now it reaches you");
        Assert.Equal(["Now it reaches you"], await Answers(visitor, id));
    }

    [Fact]
    public async Task Moving_a_conversation_from_another_channel_starts_a_linked_thread_there_and_later_messages_only_go_there()
    {
        await using var host = await TeamsHost.StartAsync();
        await host.InstallAsync();
        using var visitor = await WidgetVisitor.OpenSessionAsync(host.Host);
        var id = await visitor.StartConversationAsync("Please escalate");
        var old = await ThreadInAsync(host, General, id);

        Assert.Contains($"#{id} is already in this channel", await host.CommandAsync(host.Dana, old.ConversationId, $"move #{id}"));
        var answer = await host.CommandAsync(host.Dana, Vip, $"move #{id}");

        Assert.Contains($"#{id} moves to this channel", answer);
        var moved = await ThreadInAsync(host, Vip, id);
        Assert.Contains("Moved here from another channel", TeamsHost.Said(moved.Root!.AdaptiveCard));
        await SlackHost.EventuallyAsync(() => TeamsHost.Said(host.Teams.Thread(old.ConversationId)!.Root!.AdaptiveCard).Contains("Moved to another channel"), "the old card says it moved");
        Assert.Contains($"https://teams.microsoft.com/l/message/{Uri.EscapeDataString(Vip)}/{moved.RootActivityId}",
            host.Teams.Thread(old.ConversationId)!.Root!.AdaptiveCard!.ToJsonString());
        var oldCount = host.Teams.Thread(old.ConversationId)!.Activities.Count;

        await visitor.SendAsync(id, "Still waiting");
        await SlackHost.EventuallyAsync(() => host.Teams.Thread(moved.ConversationId)!.BotActivities.Any(a => TeamsHost.Said(a.Activity).Contains("Still waiting")), "the next message is in the new thread");
        Assert.Equal(oldCount, host.Teams.Thread(old.ConversationId)!.Activities.Count);
        await ReplyAsync(host, host.Dana, host.Teams.Thread(moved.ConversationId)!, "Escalated!");
        Assert.Equal(["Escalated!"], await Answers(visitor, id));
        Assert.Contains("does not exist", await host.CommandAsync(host.Dana, Quiet, "move #999"));
    }

    [Fact]
    public async Task Routes_lists_the_rules_and_open_here_narrows_to_the_channels_route()
    {
        await using var host = await TeamsHost.StartAsync(settings: SlackRoutingDriver.Rules(("vip", "ChatTag=vip", null, Vip, "notes-by-default"), ("widget", "Channel=widget", null, Quiet, "two-way")));
        await host.InstallAsync();
        var id = await WidgetVisitor.NewConversationAsync(host.Host, "Hello");
        await ThreadInAsync(host, Quiet, id);

        var routes = await host.CommandAsync(host.Dana, General, "routes");
        Assert.Contains($"vip — chat tag vip → Teams {Vip}", routes);
        Assert.Contains($"widget — channel widget → Teams {Quiet}", routes);
        Assert.Contains($"default — everything else → Teams {General}", routes);
        Assert.True(routes.IndexOf("vip —", StringComparison.Ordinal) < routes.IndexOf("widget —", StringComparison.Ordinal));

        Assert.Contains("All in route widget — 1 conversation", await host.CommandAsync(host.Dana, Quiet, "all here"));
        Assert.Contains("All in route vip — 0 conversations", await host.CommandAsync(host.Dana, Vip, "all here"));
        Assert.Contains("No route starts its threads in this channel", await host.CommandAsync(host.Dana, "19:random@thread.tacv2", "open here"));
    }

    private static bool Says(FakeTeamsThread thread, long id) =>
        ((string?)thread.Root?.AdaptiveCard?["body"]?[0]?["text"])?.EndsWith($"· #{id}", StringComparison.Ordinal) == true;

    /// <summary>The thread of <paramref name="id"/> in <paramref name="channel"/>, once its root and first message are there.</summary>
    private static async Task<FakeTeamsThread> ThreadInAsync(TeamsHost host, string channel, long id)
    {
        FakeTeamsThread? Find() => host.Teams.Threads.LastOrDefault(t => t.ChannelId == channel && Says(t, id));
        await SlackHost.EventuallyAsync(() => Find() is { } t && t.BotActivities.Count >= 2, $"#{id}'s thread is in {channel}");
        return Find()!;
    }

    private static async Task ReplyAsync(TeamsHost host, FakeTeamsMember from, FakeTeamsThread thread, string text)
    {
        using var response = await host.SendAsync(host.Activities.ChannelMessage(from, thread.ConversationId, text, mentionBot: false));
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
    }

    private static async Task<JsonObject> PressReplyAsync(TeamsHost host, FakeTeamsThread thread, long id, string text)
    {
        using var response = await host.SendAsync(host.Activities.CardAction(host.Dana, thread.ConversationId, thread.RootActivityId, "inbox.reply",
            new JsonObject { ["conversationId"] = id, ["replyText"] = text }));
        var body = await TeamsHost.InvokeBodyAsync(response);
        Assert.Equal("application/vnd.microsoft.card.adaptive", (string?)body["type"]);
        return body;
    }

    private static async Task<List<string?>> Answers(WidgetVisitor visitor, long id) =>
        (await visitor.MessagesAsync(id)).Where(m => m.String("direction") == "operator").Select(m => m.String("text")).ToList();
}
