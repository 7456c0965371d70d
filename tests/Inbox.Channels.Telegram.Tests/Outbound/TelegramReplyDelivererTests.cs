using Inbox.Channels.Telegram.BotApi;
using Inbox.Channels.Telegram.Outbound;
using Inbox.Core.Outbox;
using Inbox.Fakes.Telegram;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Inbox.Channels.Telegram.Tests.Outbound;

public sealed class TelegramReplyDelivererTests : IAsyncLifetime
{
    private const long Chat = 4242;
    private FakeTelegram _telegram = null!;

    public async Task InitializeAsync() => _telegram = await FakeTelegram.StartAsync();

    public async Task DisposeAsync() => await _telegram.DisposeAsync();

    private TelegramReplyDeliverer Deliverer(string? token = null) => new(
        new TelegramBotApi(new HttpClient(), Options.Create(new TelegramOptions
        {
            BotToken = token ?? _telegram.BotToken, WebhookSecret = "secret", ApiBaseUrl = _telegram.ApiBaseUrl, RequestTimeout = TimeSpan.FromSeconds(5),
        }), NullLogger<TelegramBotApi>.Instance),
        new TelegramPacing(TimeProvider.System));

    private static OutboxDelivery Delivery(string html, long chat = Chat) =>
        new(1, "telegram", "telegram:conversation:1", "telegram:message:1:0", new TelegramSend(chat, html, 1).ToJson(), 1, 1);

    [Fact]
    public async Task A_sent_reply_is_done_with_telegrams_message_id_and_shows_the_name_in_bold()
    {
        var html = TelegramReplyText.Render("Dana", "Tom & Jerry <3").Single();
        var result = await Deliverer().DeliverAsync(Delivery(html), CancellationToken.None);

        var sent = Assert.Single(_telegram.Messages(Chat));
        Assert.Equal(new DeliveryResult.Delivered(sent.MessageId.ToString()), result);
        Assert.Equal("Dana\nTom & Jerry <3", sent.Text);
        Assert.Equal(["Dana"], sent.BoldTexts);
    }

    [Fact]
    public async Task A_429_is_a_throttled_retry_after_telegrams_retry_after()
    {
        _telegram.FailNext("sendMessage", 1, TelegramFault.TooManyRequests(7));
        var result = await Deliverer().DeliverAsync(Delivery("hi"), CancellationToken.None);

        var retry = Assert.IsType<DeliveryResult.Retry>(result);
        Assert.True(retry.Throttled);
        Assert.Equal(TimeSpan.FromSeconds(7), retry.After);
        Assert.Contains("retry after 7", retry.Reason);
        Assert.Empty(_telegram.Messages(Chat));
    }

    [Fact]
    public async Task A_500_or_a_proxys_502_is_retried_as_a_failure()
    {
        _telegram.FailNext("sendMessage", 1, TelegramFault.ServerError);
        _telegram.FailNext("sendMessage", 1, TelegramFault.BadGateway);
        var first = Assert.IsType<DeliveryResult.Retry>(await Deliverer().DeliverAsync(Delivery("hi"), CancellationToken.None));
        var second = Assert.IsType<DeliveryResult.Retry>(await Deliverer().DeliverAsync(Delivery("hi"), CancellationToken.None));
        Assert.False(first.Throttled);
        Assert.False(second.Throttled);
        Assert.Null(second.After);
    }

    [Fact]
    public async Task A_user_who_blocked_the_bot_rejects_the_reply_with_telegrams_description()
    {
        _telegram.Block(Chat);
        var rejected = Assert.IsType<DeliveryResult.Rejected>(await Deliverer().DeliverAsync(Delivery("hi"), CancellationToken.None));
        Assert.Contains("Forbidden: bot was blocked by the user", rejected.Reason);
    }

    [Fact]
    public async Task A_wrong_token_is_rejected_not_retried()
    {
        var rejected = Assert.IsType<DeliveryResult.Rejected>(await Deliverer("123:wrong").DeliverAsync(Delivery("hi"), CancellationToken.None));
        Assert.Contains("Unauthorized", rejected.Reason);
    }

    [Fact]
    public async Task An_unreachable_telegram_is_retried()
    {
        var deliverer = Deliverer();
        await _telegram.DisposeAsync();
        _telegram = await FakeTelegram.StartAsync();
        Assert.IsType<DeliveryResult.Retry>(await deliverer.DeliverAsync(Delivery("hi"), CancellationToken.None));
    }
}
