using Inbox.Fakes.BotFramework;
using Inbox.Host.Tests.Api.Support;

namespace Inbox.Host.Tests.Teams;

public sealed class TeamsMirroringTests
{
    [Fact]
    public async Task After_install_a_widget_chat_becomes_a_teams_thread_with_its_card_and_every_customer_message()
    {
        await using var host = await TeamsHost.StartAsync();
        await host.InstallAsync();
        using var visitor = await WidgetVisitor.OpenSessionAsync(host.Host);
        var id = await visitor.StartConversationAsync("Hello, where is my order?");
        await visitor.SendAsync(id, "It is order 1234");

        var thread = await host.ThreadOfAsync(id);
        await TeamsHost.EventuallyAsync(() => host.ReplyTexts(id).Count == 2, "both messages are in the thread");
        Assert.StartsWith(host.Activities.TeamId, thread.ConversationId);
        var card = thread.Root!.AdaptiveCard!;
        Assert.Equal("1.5", (string?)card["version"]);
        var json = card.ToJsonString();
        foreach (var verb in new[] { "inbox.assign_me", "inbox.close", "inbox.spam", "inbox.details", "inbox.history", "inbox.transfer" })
            Assert.Contains(verb, json);
        Assert.Contains("Action.ShowCard", json);
        Assert.Contains("Input.ChoiceSet", json);
        Assert.Contains("Widget", json);
        var replies = host.ReplyTexts(id);
        Assert.Contains("Hello, where is my order?", replies[0]);
        Assert.Contains("It is order 1234", replies[1]);
        // The thread was started in the installed channel, for the installed tenant.
        var create = Assert.Single(host.Teams.CallsTo(BotOperation.CreateConversation));
        Assert.Equal(host.Teams.Options.TenantId, (string?)create.Body!["channelData"]!["tenant"]!["id"]);
    }

    [Fact]
    public async Task Before_any_install_nothing_goes_to_teams_and_the_host_still_serves_the_widget()
    {
        await using var host = await TeamsHost.StartAsync();
        var id = await WidgetVisitor.NewConversationAsync(host.Host, "Anyone there?");
        using var console = OperatorConsole.Dana(host.Host);
        await console.ReplyAsync(id, "Yes!");
        await Task.Delay(500);
        Assert.Empty(host.Teams.CallsTo(BotOperation.CreateConversation));
        Assert.Empty(host.Teams.CallsTo(BotOperation.SendToConversation));
    }
}
