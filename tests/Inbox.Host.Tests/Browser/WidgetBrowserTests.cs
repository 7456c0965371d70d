using System.Collections.Concurrent;
using System.Net.Http.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Inbox.Host.Tests.Browser;

/// <summary>The widget as a visitor uses it: the demo page in a real Chromium against the real host.</summary>
public sealed class WidgetBrowserTests(ChromiumFixture chromium) : IClassFixture<ChromiumFixture>
{
    [Fact]
    public async Task Visitor_chats_and_sees_operator_reply_live_then_history_survives_reload()
    {
        await using var host = new InboxHost();
        using var api = host.Operator();
        var page = await chromium.NewPageAsync(host.BaseAddress);
        await using var context = page.Context;
        var pageErrors = CollectPageErrors(page);

        await page.GotoAsync("/");
        await Widget(page, "inbox-launcher").ClickAsync();
        await Expect(Widget(page, "inbox-panel")).ToBeVisibleAsync();

        // A first-time visitor lands straight on the new-chat composer.
        const string question = "Hi, my rocket will not launch";
        await SendAsync(page, question);
        await Expect(Messages(page, "customer")).ToHaveTextAsync([question]);

        const string answer = "Have you tried turning it off and on?";
        var first = await FindOpenConversationAsync(api, question);
        var fetchesAfterReply = CollectHistoryFetches(page);
        var reply = await api.PostAsJsonAsync($"/api/operator/conversations/{first}/reply", new { text = answer });
        Assert.True(reply.IsSuccessStatusCode, $"Operator reply failed: {(int)reply.StatusCode} {await reply.Content.ReadAsStringAsync()}");

        // No reload: the reply can only arrive over the live stream.
        var operatorMessages = Messages(page, "operator");
        await Expect(operatorMessages).ToHaveTextAsync([answer]);
        await Expect(operatorMessages).ToHaveAttributeAsync("data-author", InboxHost.OperatorName);
        Assert.True(fetchesAfterReply.IsEmpty, $"The reply came by refetching, not live: {string.Join(", ", fetchesAfterReply)}");

        await page.ReloadAsync();
        await Widget(page, "inbox-launcher").ClickAsync();
        var rows = Widget(page, "inbox-chat-row");
        await Expect(rows).ToHaveCountAsync(1);
        await Expect(rows).ToHaveAttributeAsync("data-conversation-id", first.ToString());
        await rows.ClickAsync();
        await Expect(Messages(page)).ToHaveTextAsync([question, answer]);

        await Widget(page, "inbox-back").ClickAsync();
        await Widget(page, "inbox-new-chat").ClickAsync();
        const string followUp = "Another question: do you ship to the Moon?";
        await SendAsync(page, followUp);
        await Expect(Messages(page)).ToHaveTextAsync([followUp]);

        var second = await FindOpenConversationAsync(api, followUp);
        Assert.NotEqual(first, second);
        Assert.Equal(new[] { question, answer }, await TextsAsync(api, first));
        Assert.Equal(new[] { followUp }, await TextsAsync(api, second));

        await Widget(page, "inbox-back").ClickAsync();
        await Expect(rows).ToHaveCountAsync(2);
        await Expect(page.Locator($"inbox-widget [data-testid=inbox-chat-row][data-conversation-id='{first}']")).ToBeVisibleAsync();
        await Expect(page.Locator($"inbox-widget [data-testid=inbox-chat-row][data-conversation-id='{second}']")).ToBeVisibleAsync();
        Assert.Empty(pageErrors);
    }

    [Fact]
    public async Task Profile_form_refuses_invalid_phone_keeping_input_and_saves_valid_one_as_E164()
    {
        await using var host = new InboxHost();
        var page = await chromium.NewPageAsync(host.BaseAddress);
        await using var context = page.Context;
        var pageErrors = CollectPageErrors(page);

        await page.GotoAsync("/");
        await Widget(page, "inbox-launcher").ClickAsync();
        var phone = Widget(page, "inbox-profile-phone");
        var phoneError = Widget(page, "inbox-profile-error-phone");

        await phone.FillAsync("call me maybe");
        await Widget(page, "inbox-profile-save").ClickAsync();
        await Expect(phoneError).ToBeVisibleAsync();
        await Expect(phoneError).Not.ToBeEmptyAsync();
        await Expect(phone).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(phone).ToHaveValueAsync("call me maybe");

        await phone.FillAsync("+44 20 7946 0958");
        await Widget(page, "inbox-profile-save").ClickAsync();
        await Expect(phone).ToHaveValueAsync("+442079460958");
        await Expect(phoneError).ToBeHiddenAsync();

        // Stored, not just echoed: a fresh page load shows the saved number.
        await page.ReloadAsync();
        await Widget(page, "inbox-launcher").ClickAsync();
        await Expect(Widget(page, "inbox-profile-phone")).ToHaveValueAsync("+442079460958");
        Assert.Empty(pageErrors);
    }

    // Playwright's css engine pierces open shadow roots, so these reach inside <inbox-widget>.
    private static ILocator Widget(IPage page, string testId) => page.Locator($"inbox-widget [data-testid={testId}]");

    private static ILocator Messages(IPage page, string? direction = null) => direction is null
        ? page.Locator("inbox-widget [data-testid=inbox-message]:not([data-direction=system])")
        : page.Locator($"inbox-widget [data-testid=inbox-message][data-direction={direction}]");

    private static async Task SendAsync(IPage page, string text)
    {
        await Widget(page, "inbox-input").FillAsync(text);
        await Widget(page, "inbox-send").ClickAsync();
    }

    private static ConcurrentQueue<string> CollectPageErrors(IPage page)
    {
        var errors = new ConcurrentQueue<string>();
        page.PageError += (_, error) => errors.Enqueue(error);
        return errors;
    }

    // Any history read (conversation list or messages) would mean the widget fell back from the live stream.
    private static ConcurrentQueue<string> CollectHistoryFetches(IPage page)
    {
        var fetches = new ConcurrentQueue<string>(); // Playwright raises events off the test's thread
        page.Request += (_, request) =>
        {
            if (request.Method == "GET" && new Uri(request.Url).AbsolutePath.StartsWith("/widget/api/conversations", StringComparison.Ordinal))
                fetches.Enqueue(request.Url);
        };
        return fetches;
    }

    // The widget shows the message only after the server stored it, so the conversation is already listed.
    private static async Task<long> FindOpenConversationAsync(HttpClient api, string preview)
    {
        var view = await api.GetFromJsonAsync<ViewPage>("/api/operator/views/open");
        var matches = view!.Items.Where(c => c.Preview == preview).ToList();
        Assert.True(matches.Count == 1, $"Expected one open conversation showing '{preview}', found {matches.Count}.");
        return matches[0].Id;
    }

    private static async Task<List<string>> TextsAsync(HttpClient api, long conversationId)
    {
        var details = await api.GetFromJsonAsync<ConversationDetails>($"/api/operator/conversations/{conversationId}");
        return details!.Messages.Where(m => m.Direction is "FromCustomer" or "FromOperator").Select(m => m.Text).ToList();
    }

    private sealed record ViewPage(List<ConversationRow> Items);

    private sealed record ConversationRow(long Id, string? Preview);

    private sealed record ConversationDetails(List<MessageRow> Messages);

    private sealed record MessageRow(long Id, string Direction, string Text);
}
