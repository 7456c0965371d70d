namespace Inbox.Channels.Telegram.Tests;

public sealed class TelegramOptionsTests
{
    private static TelegramOptions On() => new() { BotToken = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw", WebhookSecret = "s3cret_Token-1" };

    [Fact]
    public void Without_token_and_secret_the_channel_is_off_and_that_is_valid()
    {
        var options = new TelegramOptions();
        Assert.False(options.IsEnabled);
        Assert.Empty(options.Validate());
    }

    [Fact]
    public void A_token_and_a_secret_turn_the_channel_on()
    {
        Assert.True(On().IsEnabled);
        Assert.Empty(On().Validate());
    }

    [Fact]
    public void Half_a_configuration_is_refused_naming_both_keys()
    {
        var failure = Assert.Single(new TelegramOptions { BotToken = "123:abc" }.Validate());
        Assert.Contains("Telegram:BotToken and Telegram:WebhookSecret", failure);
    }

    [Theory]
    [InlineData("has space")]
    [InlineData("semi;colon")]
    [InlineData("ümlaut")]
    public void A_webhook_secret_telegram_would_refuse_is_refused_at_start(string secret)
    {
        var failure = Assert.Single(On().WithSecret(secret).Validate());
        Assert.Contains("Telegram:WebhookSecret must be 1 to 256 characters", failure);
    }

    [Fact]
    public void A_secret_of_257_characters_is_too_long_and_256_is_fine()
    {
        Assert.Single(On().WithSecret(new string('a', 257)).Validate());
        Assert.Empty(On().WithSecret(new string('a', 256)).Validate());
    }

    [Fact]
    public void A_token_not_shaped_like_botfathers_is_refused()
    {
        var options = On();
        options.BotToken = "xoxb-not-telegram";
        Assert.Contains(options.Validate(), f => f.Contains("Telegram:BotToken must be a bot token"));
    }

    [Fact]
    public void Relative_addresses_and_a_zero_timeout_are_refused_naming_their_keys()
    {
        var options = On();
        options.ApiBaseUrl = new Uri("/api", UriKind.Relative);
        options.PublicBaseUrl = new Uri("ftp://inbox.example.com");
        options.RequestTimeout = TimeSpan.Zero;
        var failures = options.Validate().ToList();
        Assert.Contains(failures, f => f.StartsWith("Telegram:ApiBaseUrl"));
        Assert.Contains(failures, f => f.StartsWith("Telegram:PublicBaseUrl"));
        Assert.Contains(failures, f => f.StartsWith("Telegram:RequestTimeout"));
    }
}

internal static class TelegramOptionsTestExtensions
{
    public static TelegramOptions WithSecret(this TelegramOptions options, string secret)
    {
        options.WebhookSecret = secret;
        return options;
    }
}
