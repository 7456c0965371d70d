using Inbox.Channels.Telegram.Inbound;

namespace Inbox.Channels.Telegram.Tests.Inbound;

public sealed class TelegramContactNameTests
{
    [Theory]
    [InlineData("Ada", "Lovelace", "ada", "Ada Lovelace")]
    [InlineData("Ada", null, "ada", "Ada")]
    [InlineData("  Ada ", " ", null, "Ada")]
    [InlineData(" ", null, "grace_h", "@grace_h")]
    [InlineData("", "", null, null)]
    public void The_name_is_first_and_last_name_else_the_username(string first, string? last, string? username, string? expected) =>
        Assert.Equal(expected, TelegramContactName.Of(new TelegramUser(1, false, first, last, username)));
}
