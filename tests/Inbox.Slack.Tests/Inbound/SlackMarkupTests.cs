using Inbox.Slack.Inbound;

namespace Inbox.Slack.Tests.Inbound;

public sealed class SlackMarkupTests
{
    [Theory]
    [InlineData("Fish &amp; chips &lt;3 &gt;_&lt;", "Fish & chips <3 >_<")]
    [InlineData("see <https://acme.test/track|tracking page>", "see tracking page (https://acme.test/track)")]
    [InlineData("see <https://acme.test/track>", "see https://acme.test/track")]
    [InlineData("ask <@U0LEE|lee>", "ask @lee")]
    [InlineData("ask <@U0LEE>", "ask @U0LEE")]
    [InlineData("<!here> heads up", "@here heads up")]
    [InlineData("  padded  ", "padded")]
    [InlineData("&amp;lt;", "&lt;")]
    public void Slack_markup_becomes_the_plain_text_a_customer_should_read(string mrkdwn, string expected) =>
        Assert.Equal(expected, SlackMarkup.ToPlainText(mrkdwn));

    [Fact]
    public void Nothing_gives_an_empty_text() => Assert.Equal("", SlackMarkup.ToPlainText(null));
}
