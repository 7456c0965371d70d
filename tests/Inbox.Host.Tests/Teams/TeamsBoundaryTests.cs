using System.Net;
using System.Text.Json.Nodes;
using Inbox.Fakes.BotFramework;
using Inbox.Host.Tests.Api.Support;

namespace Inbox.Host.Tests.Teams;

/// <summary>Who may talk to the bot, and what a reply or command in Teams means at the edges.</summary>
public sealed class TeamsBoundaryTests
{
    private const string ForeignTenant = "99999999-8888-4777-8666-555555555555";

    private static JsonObject FromTenant(JsonObject activity, string tenant)
    {
        activity["conversation"]!["tenantId"] = tenant;
        activity["channelData"]!["tenant"]!["id"] = tenant;
        return activity;
    }

    [Fact]
    public async Task Once_installed_activities_from_another_tenant_are_refused_and_change_nothing()
    {
        await using var host = await TeamsHost.StartAsync();
        await host.InstallAsync();
        var id = await WidgetVisitor.NewConversationAsync(host.Host, "Private question");
        await host.ThreadOfAsync(id);

        using var takeover = await host.SendAsync(FromTenant(host.Activities.ChannelMessage(host.Lee, "19:intruders@thread.tacv2", "use this channel"), ForeignTenant));
        using var search = await host.SendAsync(FromTenant(host.Activities.ChannelMessage(host.Lee, "19:intruders@thread.tacv2", "search Private"), ForeignTenant));

        Assert.Equal(HttpStatusCode.Forbidden, takeover.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, search.StatusCode);
        var next = await WidgetVisitor.NewConversationAsync(host.Host, "Another one");
        Assert.StartsWith(host.Activities.TeamId, (await host.ThreadOfAsync(next)).ConversationId);
        Assert.DoesNotContain(host.Teams.Threads, t => t.ConversationId.StartsWith("19:intruders", StringComparison.Ordinal) && t.BotActivities.Count > 0);
    }

    [Fact]
    public async Task Configured_tenants_are_the_only_ones_served_even_before_an_install()
    {
        await using var host = await TeamsHost.StartAsync(settings: new Dictionary<string, string?> { ["Teams:AllowedTenants"] = ForeignTenant });
        using var install = await host.SendAsync(host.Activities.BotAddedToTeam(host.Dana));
        Assert.Equal(HttpStatusCode.Forbidden, install.StatusCode);
    }

    [Fact]
    public async Task Activities_from_other_bot_framework_channels_are_refused()
    {
        await using var host = await TeamsHost.StartAsync();
        var activity = host.Activities.BotAddedToTeam(host.Dana);
        activity["channelId"] = "webchat";
        using var response = await host.SendAsync(activity);
        // The fake's keys are endorsed for msteams only, so the token itself is not good for Web Chat.
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_multi_line_reply_keeps_its_lines_and_a_sentence_starting_with_a_command_word_is_a_reply()
    {
        await using var host = await TeamsHost.StartAsync();
        await host.InstallAsync();
        using var visitor = await WidgetVisitor.OpenSessionAsync(host.Host);
        var id = await visitor.StartConversationAsync("The app hangs");
        var thread = (await host.ThreadOfAsync(id)).ConversationId;

        (await host.SendAsync(host.Activities.ChannelMessage(host.Dana, thread, "Close the app and open it again.\nThen try once more."))).Dispose();

        var reply = Assert.Single(await visitor.MessagesAsync(id), m => m!.String("direction") == "operator");
        Assert.Equal("Close the app and open it again.\nThen try once more.", reply!.String("text"));
        using var console = OperatorConsole.Dana(host.Host);
        Assert.Equal("Open", (await console.DetailsAsync(id))["conversation"].String("status"));
    }

    [Fact]
    public async Task A_note_written_with_the_note_command_in_the_thread_is_stored_once_and_not_posted_back()
    {
        await using var host = await TeamsHost.StartAsync(withSlack: true);
        await host.InstallAsync();
        var id = await WidgetVisitor.NewConversationAsync(host.Host, "Hello");
        var thread = (await host.ThreadOfAsync(id)).ConversationId;
        await TeamsHost.EventuallyAsync(() => host.Slack!.Messages(TeamsHost.SlackChannel).Count == 2, "the Slack thread exists");

        var command = host.Activities.ChannelMessage(host.Dana, thread, "note Called the customer back");
        (await host.SendAsync(command)).Dispose();
        await host.RestartAsync(); // forgets the activities it saw: only the stored note's identity can catch the repeat
        (await host.SendAsync(command)).Dispose();

        using var console = OperatorConsole.Dana(host.Host);
        Assert.Single((await console.DetailsAsync(id))["notes"]!.AsArray());
        await TeamsHost.EventuallyAsync(() => host.Slack!.Messages(TeamsHost.SlackChannel).Any(m => m.Text?.Contains("Called the customer back") == true),
            "the note is in Slack");
        Assert.Contains(host.Slack!.Messages(TeamsHost.SlackChannel), m => m.Text?.Contains("Note by") == true && m.Text.Contains("in Teams"));
        Assert.DoesNotContain(host.ReplyTexts(id), t => t.Contains("Called the customer back"));
    }

    [Fact]
    public async Task When_teams_cannot_describe_the_author_the_activity_is_answered_503_and_taken_when_sent_again()
    {
        await using var host = await TeamsHost.StartAsync();
        await host.InstallAsync();
        using var visitor = await WidgetVisitor.OpenSessionAsync(host.Host);
        var id = await visitor.StartConversationAsync("Hi");
        var thread = (await host.ThreadOfAsync(id)).ConversationId;
        host.Teams.FailNext(BotOperation.GetConversationMember, 1, BotFault.BadGateway);

        var activity = host.Activities.ChannelMessage(host.Dana, thread, "Hello from support");
        using (var first = await host.SendAsync(activity)) Assert.Equal(HttpStatusCode.ServiceUnavailable, first.StatusCode);
        using (var again = await host.SendAsync(activity)) Assert.Equal(HttpStatusCode.OK, again.StatusCode);

        Assert.Single(await visitor.MessagesAsync(id), m => m!.String("text") == "Hello from support");
    }

    [Fact]
    public async Task Removing_the_app_from_the_team_stops_new_threads_until_it_is_installed_again()
    {
        await using var host = await TeamsHost.StartAsync();
        await host.InstallAsync();
        var removed = host.Activities.BotAddedToTeam(host.Dana);
        removed.Remove("membersAdded");
        removed["membersRemoved"] = new JsonArray(new JsonObject { ["id"] = host.Teams.BotId });
        removed["channelData"]!["eventType"] = "teamMemberRemoved";
        (await host.SendAsync(removed)).Dispose();

        await WidgetVisitor.NewConversationAsync(host.Host, "While uninstalled");
        await Task.Delay(500);
        Assert.Empty(host.Teams.CallsTo(BotOperation.CreateConversation));

        await host.InstallAsync();
        var id = await WidgetVisitor.NewConversationAsync(host.Host, "After the new install");
        await host.ThreadOfAsync(id);
    }
}
