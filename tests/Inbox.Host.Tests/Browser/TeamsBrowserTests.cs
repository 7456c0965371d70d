using Inbox.Host.Tests.Teams;
using static Microsoft.Playwright.Assertions;

namespace Inbox.Host.Tests.Browser;

/// <summary>Teams and the widget end to end: a visitor in a real browser, an operator answering in the Teams thread.</summary>
public sealed class TeamsBrowserTests(ChromiumFixture chromium) : IClassFixture<ChromiumFixture>
{
    [Fact]
    public async Task A_reply_in_the_teams_thread_appears_in_the_visitors_browser_live_and_a_note_does_not()
    {
        await using var host = await TeamsHost.StartAsync();
        await host.InstallAsync();
        var page = await chromium.NewPageAsync(host.Host.BaseAddress);
        await using var context = page.Context;

        await page.GotoAsync("/");
        await page.Locator("inbox-widget [data-testid=inbox-launcher]").ClickAsync();
        await page.Locator("inbox-widget [data-testid=inbox-input]").FillAsync("Is anybody there?");
        await page.Locator("inbox-widget [data-testid=inbox-send]").ClickAsync();
        await TeamsHost.EventuallyAsync(() => host.Teams.Threads.Count == 1 && host.Teams.Threads[0].BotActivities.Count == 2, "the chat is a Teams thread");
        var thread = host.Teams.Threads[0];
        Assert.Contains("Is anybody there?", TeamsHost.Said(thread.BotActivities[1].Activity));

        (await host.SendAsync(host.Activities.ChannelMessage(host.Lee, thread.ConversationId, "// first time visitor, be gentle"))).Dispose();
        (await host.SendAsync(host.Activities.ChannelMessage(host.Lee, thread.ConversationId, "Yes! Lee here, how can I help?", mentionBot: false))).Dispose();

        var replies = page.Locator("inbox-widget [data-testid=inbox-message][data-direction=operator]");
        await Expect(replies).ToHaveTextAsync(["Yes! Lee here, how can I help?"]);
        await Expect(replies).ToHaveAttributeAsync("data-author", InboxHost.SecondOperatorName);
        await Expect(page.Locator("inbox-widget [data-testid=inbox-message]")).ToHaveCountAsync(2);
    }
}
