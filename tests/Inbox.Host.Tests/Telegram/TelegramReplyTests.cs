using Inbox.Fakes.Telegram;
using Inbox.Host.Tests.Api.Support;
using Inbox.Host.Tests.Slack;
using Inbox.Storage.Outbox;

namespace Inbox.Host.Tests.Telegram;

/// <summary>Operators' replies reaching the customer's Telegram chat through the outbox, whatever Telegram answers.</summary>
public sealed class TelegramReplyTests(TelegramHost host) : IClassFixture<TelegramHost>
{
    private async Task<(FakeTelegramUser User, long ConversationId)> CustomerWroteAsync(string name)
    {
        var user = host.NewUser(name);
        await host.Webhook.PostAsync(TelegramUpdates.Text(host.NewUpdateId(), user, $"Hello, this is {name}"));
        return (user, (await host.StoredConversationOfAsync(user))["conversation"].Id());
    }

    [Fact]
    public async Task An_operator_reply_reaches_the_customers_chat_under_the_operators_name_and_records_telegrams_message_id()
    {
        var (user, id) = await CustomerWroteAsync("Ivan");
        using var console = host.Console();
        await console.ReplyAsync(id, "Your order <#1234> ships today & arrives Friday");

        await SlackHost.EventuallyAsync(() => host.Telegram.Messages(user.Id).Count == 1, "the reply is in the customer's chat");
        var sent = host.Telegram.Messages(user.Id).Single();
        Assert.Equal($"{InboxHost.OperatorName}\nYour order <#1234> ships today & arrives Friday", sent.Text);
        Assert.Equal([InboxHost.OperatorName], sent.BoldTexts);

        await TelegramHost.EventuallyAsync(async () => await DeliveryIdAsync(console, id) is not null, "the delivery is recorded");
        Assert.Equal(sent.MessageId.ToString(), await DeliveryIdAsync(console, id));
    }

    [Fact]
    public async Task Notes_stay_internal_and_never_reach_telegram()
    {
        var (user, id) = await CustomerWroteAsync("Judy");
        using var console = host.Console();
        await console.RunAsync(id, "notes", new { text = "VIP, be nice" });
        await console.ReplyAsync(id, "Hi Judy");

        await SlackHost.EventuallyAsync(() => host.Telegram.Messages(user.Id).Count == 1, "the reply is in the customer's chat");
        await Task.Delay(300);
        Assert.Equal($"{InboxHost.OperatorName}\nHi Judy", Assert.Single(host.Telegram.Messages(user.Id)).Text);
    }

    [Fact]
    public async Task A_reply_longer_than_telegram_allows_arrives_in_parts_in_order_with_nothing_lost()
    {
        var (user, id) = await CustomerWroteAsync("Karl");
        // 125 lines of 38 characters: 4,874 in all, under Inbox's own limit of 5,000 but over Telegram's 4,096.
        var text = string.Join('\n', Enumerable.Range(1, 125).Select(i => $"Line {i:D3} of the terms and conditions."));
        using var console = host.Console();
        await console.ReplyAsync(id, text);

        await SlackHost.EventuallyAsync(() => host.Telegram.Messages(user.Id).Count == 2, "both parts are in the chat");
        var parts = host.Telegram.Messages(user.Id);
        Assert.All(parts, p => Assert.True(p.Text.Length <= 4096));
        Assert.Equal($"{InboxHost.OperatorName}\n{text}", string.Join('\n', parts.Select(p => p.Text)));
    }

    [Fact]
    public async Task A_429_holds_the_reply_back_for_retry_after_and_it_arrives_once()
    {
        var (user, id) = await CustomerWroteAsync("Liam");
        host.Telegram.FailNext("sendMessage", 1, TelegramFault.TooManyRequests(1));
        using var console = host.Console();
        await console.ReplyAsync(id, "Thanks for waiting");

        await SlackHost.EventuallyAsync(() => host.Telegram.Messages(user.Id).Count == 1, "the reply is in the chat after the wait");
        var attempts = host.Telegram.CallsTo("sendMessage").Where(c => c.Argument("chat_id") == user.Id.ToString()).ToList();
        Assert.Equal(2, attempts.Count);
        Assert.True(attempts[1].At - attempts[0].At >= TimeSpan.FromSeconds(0.95), $"retried after only {attempts[1].At - attempts[0].At}");
        await Task.Delay(300);
        Assert.Single(host.Telegram.Messages(user.Id));
        var row = Assert.Single(await host.TelegramOutboxAsync(id));
        Assert.Equal((OutboxState.Delivered, 1), (row.State, row.Throttled));
    }

    [Fact]
    public async Task A_user_who_blocked_the_bot_parks_the_reply_as_dead_without_retrying_and_later_replies_still_go()
    {
        var (user, id) = await CustomerWroteAsync("Mona");
        host.Telegram.Block(user.Id);
        using var console = host.Console();
        await console.ReplyAsync(id, "Are you still there?");

        await TelegramHost.EventuallyAsync(async () => (await host.TelegramOutboxAsync(id)).Any(r => r.State == OutboxState.Dead), "the reply is parked as dead");
        var dead = Assert.Single(await host.TelegramOutboxAsync(id));
        Assert.Contains("Forbidden: bot was blocked by the user", dead.LastError);
        await Task.Delay(500);
        Assert.Single(host.Telegram.CallsTo("sendMessage"), c => c.Argument("chat_id") == user.Id.ToString());

        host.Telegram.Unblock(user.Id);
        await console.ReplyAsync(id, "Welcome back");
        await SlackHost.EventuallyAsync(() => host.Telegram.Messages(user.Id).Count == 1, "the next reply is in the chat");
        Assert.EndsWith("Welcome back", host.Telegram.Messages(user.Id).Single().Text);
    }

    [Fact]
    public async Task A_500_from_telegram_is_retried_until_the_reply_goes_through()
    {
        var (user, id) = await CustomerWroteAsync("Nina");
        host.Telegram.FailNext("sendMessage", 2, TelegramFault.ServerError);
        using var console = host.Console();
        await console.ReplyAsync(id, "Second try lucky");

        await SlackHost.EventuallyAsync(() => host.Telegram.Messages(user.Id).Count == 1, "the reply is in the chat");
        Assert.Equal(3, host.Telegram.CallsTo("sendMessage").Count(c => c.Argument("chat_id") == user.Id.ToString()));
    }

    private static async Task<string?> DeliveryIdAsync(OperatorConsole console, long conversationId)
    {
        var details = await console.DetailsAsync(conversationId);
        var reply = details["messages"]!.AsArray().Last(m => m.String("direction") == "FromOperator");
        return reply!["deliveries"]?["telegram"]?.GetValue<string>();
    }
}
