using Inbox.Channels.Telegram.Inbound;

namespace Inbox.Channels.Telegram.Tests.Inbound;

public sealed class TelegramWebhookSecretTests
{
    private readonly TelegramWebhookSecret _secret = new("s3cret_Token-1");

    [Fact]
    public void Only_the_exact_secret_matches()
    {
        Assert.True(_secret.Matches("s3cret_Token-1"));
        Assert.False(_secret.Matches("s3cret_token-1"));
        Assert.False(_secret.Matches("s3cret_Token-1 "));
        Assert.False(_secret.Matches("s3cret_Token-"));
    }

    [Fact]
    public void A_missing_or_empty_header_never_matches()
    {
        Assert.False(_secret.Matches(null));
        Assert.False(_secret.Matches(""));
    }
}
