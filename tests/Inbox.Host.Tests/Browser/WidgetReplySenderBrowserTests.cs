using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Inbox.Host.Tests.Browser;

/// <summary>The widget in a real Chromium: replies arrive after their undo window under the route's alias, and an undone one never shows.</summary>
public sealed class WidgetReplySenderBrowserTests(ChromiumFixture chromium) : IClassFixture<ChromiumFixture>
{
    [Fact]
    public async Task Held_replies_arrive_live_after_their_window_under_the_alias_and_an_undone_one_never_shows()
    {
        await using var host = new InboxHost(settings: new Dictionary<string, string?>
        {
            ["Replies:UndoWindow"] = "00:00:03",
            ["Routing:Default:CustomerSees"] = "alias",
            ["Routing:Default:Alias"] = "Acme Support",
        });
        using var api = host.Operator();
        var page = await chromium.NewPageAsync(host.BaseAddress);
        await using var context = page.Context;
        await page.GotoAsync("/");
        await page.Locator("inbox-widget [data-testid=inbox-launcher]").ClickAsync();
        await page.Locator("inbox-widget [data-testid=inbox-input]").FillAsync("Is my order late?");
        await page.Locator("inbox-widget [data-testid=inbox-send]").ClickAsync();
        var operatorMessages = page.Locator("inbox-widget [data-testid=inbox-message][data-direction=operator]");
        await Expect(page.Locator("inbox-widget [data-testid=inbox-message][data-direction=customer]")).ToHaveTextAsync(["Is my order late?"]);
        var id = (await api.GetFromJsonAsync<JsonObject>("/api/operator/views/open"))!["items"]!.AsArray().Single()!["id"]!.GetValue<long>();

        var wrong = await ReplyAsync(api, id, "Your order was cancelled");
        (await api.PostAsync($"/api/operator/conversations/{id}/messages/{wrong}/undo", null)).EnsureSuccessStatusCode();
        await ReplyAsync(api, id, "Your order ships today");
        await page.WaitForTimeoutAsync(1000);
        await Expect(operatorMessages).ToHaveCountAsync(0); // still inside the window

        await Expect(operatorMessages).ToHaveTextAsync(["Your order ships today"]);
        await Expect(operatorMessages).ToHaveAttributeAsync("data-author", "Acme Support");
        await Expect(operatorMessages.Locator("[data-testid=inbox-avatar]")).ToHaveAttributeAsync("data-initials", "AS");
        await page.ReloadAsync();
        await page.Locator("inbox-widget [data-testid=inbox-launcher]").ClickAsync();
        await page.Locator("inbox-widget [data-testid=inbox-chat-row]").ClickAsync();
        await Expect(operatorMessages).ToHaveTextAsync(["Your order ships today"]);
    }

    private static async Task<long> ReplyAsync(HttpClient api, long id, string text)
    {
        using var response = await api.PostAsJsonAsync($"/api/operator/conversations/{id}/reply", new { text });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["message"]!["id"]!.GetValue<long>();
    }
}
