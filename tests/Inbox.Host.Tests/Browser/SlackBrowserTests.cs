using System.Text.Json.Nodes;
using Inbox.Fakes.Slack;
using Inbox.Host.Tests.Slack;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Inbox.Host.Tests.Browser;

/// <summary>Slack and the widget end to end: a visitor in a real browser, an operator answering in the Slack thread.</summary>
public sealed class SlackBrowserTests(ChromiumFixture chromium) : IClassFixture<ChromiumFixture>
{
    private const string Fox = "U0FOXMULDER";

    [Fact]
    public async Task A_reply_in_the_slack_thread_appears_in_the_visitors_browser_live_and_a_note_does_not()
    {
        await using var host = await SlackHost.StartAsync();
        host.Slack.AddUser(Fox, "Fox Mulder", "fox@acme.test");
        var page = await chromium.NewPageAsync(host.Host.BaseAddress);
        await using var context = page.Context;

        await page.GotoAsync("/");
        await page.Locator("inbox-widget [data-testid=inbox-launcher]").ClickAsync();
        await page.Locator("inbox-widget [data-testid=inbox-input]").FillAsync("Is anybody there?");
        await page.Locator("inbox-widget [data-testid=inbox-send]").ClickAsync();
        await SlackHost.EventuallyAsync(() => host.Slack.Messages(SlackHost.Channel).Count == 2, "the chat is a Slack thread");
        var rootTs = host.Slack.Messages(SlackHost.Channel).Single(m => !m.IsThreadReply).Ts;
        Assert.Contains("Is anybody there?", host.Slack.Thread(SlackHost.Channel, rootTs)[1].Text);

        await PostInThreadAsync(host, rootTs, "1800000003.000100", "// first time visitor, be gentle");
        await PostInThreadAsync(host, rootTs, "1800000003.000200", "Yes! Fox here, how can I help?");

        var replies = page.Locator("inbox-widget [data-testid=inbox-message][data-direction=operator]");
        await Expect(replies).ToHaveTextAsync(["Yes! Fox here, how can I help?"]);
        await Expect(replies).ToHaveAttributeAsync("data-author", "Fox Mulder");
        await Expect(page.Locator("inbox-widget [data-testid=inbox-message]")).ToHaveCountAsync(2);
    }

    [Fact]
    public async Task A_file_picked_in_the_widget_reaches_the_slack_thread_as_a_link()
    {
        await using var host = await SlackHost.StartAsync();
        var page = await chromium.NewPageAsync(host.Host.BaseAddress);
        await using var context = page.Context;

        await page.GotoAsync("/");
        await page.Locator("inbox-widget [data-testid=inbox-launcher]").ClickAsync();
        await page.Locator("inbox-widget [data-testid=inbox-file]").SetInputFilesAsync(new FilePayload
        {
            Name = "screenshot.png", MimeType = "image/png", Buffer = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A],
        });

        await Expect(page.Locator("inbox-widget [data-testid=inbox-message] a.file")).ToHaveTextAsync(["screenshot.png"]);
        await SlackHost.EventuallyAsync(() => host.Slack.Messages(SlackHost.Channel).Count == 3, "the chat and the file are in Slack");
        Assert.Contains("screenshot.png", host.Slack.Messages(SlackHost.Channel).Last().BlocksJson);
    }

    private static async Task PostInThreadAsync(SlackHost host, string rootTs, string ts, string text)
    {
        var body = new JsonObject
        {
            ["type"] = "event_callback", ["event_id"] = $"Ev{ts}",
            ["event"] = new JsonObject
            {
                ["type"] = "message", ["channel"] = SlackHost.Channel, ["user"] = Fox, ["text"] = text, ["ts"] = ts, ["thread_ts"] = rootTs,
            },
        };
        using var client = host.Host.Visitor();
        using var request = SlackRequestSigner.CreateJsonRequest(new Uri(host.Host.BaseAddress, "/slack/events"), body.ToJsonString(), DateTimeOffset.UtcNow, SlackHost.SigningSecret);
        using var response = await client.SendAsync(request);
        Assert.True(response.IsSuccessStatusCode);
    }
}
