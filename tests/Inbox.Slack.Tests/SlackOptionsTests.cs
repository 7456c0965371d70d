namespace Inbox.Slack.Tests;

public sealed class SlackOptionsTests
{
    [Fact]
    public void Without_secret_and_token_the_bridge_is_off_and_that_is_valid()
    {
        var options = new SlackOptions();
        Assert.False(options.IsEnabled);
        Assert.Empty(options.Validate());
    }

    [Fact]
    public void Half_a_configuration_is_refused_naming_the_keys()
    {
        var failure = Assert.Single(new SlackOptions { SigningSecret = "s" }.Validate());
        Assert.Contains("Slack:SigningSecret and Slack:BotToken", failure);
    }

    [Fact]
    public void An_enabled_bridge_needs_a_bot_token_and_a_channel()
    {
        var failures = new SlackOptions { SigningSecret = "s", BotToken = "xoxp-user-token" }.Validate().ToList();
        Assert.Contains(failures, f => f.Contains("Slack:BotToken must be a bot token"));
        Assert.Contains(failures, f => f.Contains("Slack:ChannelId"));
    }
}
