using Inbox.Channels.Telegram.Inbound;

namespace Inbox.Channels.Telegram.Tests.Inbound;

public sealed class TelegramFileNamesTests
{
    [Theory]
    [InlineData("invoice.pdf", "invoice.pdf")]
    [InlineData("../../etc/passwd", "passwd")]
    [InlineData("C:\\Users\\ada\\report \"final\".docx", "report final.docx")]
    [InlineData("line\nbreak.txt", "linebreak.txt")]
    [InlineData("   ", "document")]
    [InlineData(null, "document")]
    public void Names_lose_folders_quotes_and_control_characters(string? name, string expected) =>
        Assert.Equal(expected, TelegramFileNames.Safe(name, "document"));

    [Fact]
    public void Long_names_are_cut_to_200_characters() =>
        Assert.Equal(200, TelegramFileNames.Safe(new string('a', 300) + ".txt", "x").Length);

    [Fact]
    public void File_links_are_built_like_the_widgets()
    {
        var id = Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e");
        Assert.Equal("https://inbox.example.com/files/0f8fad5bd9cb469fa16570867728950e/my%20photo%20%231.jpg",
            TelegramFileLinks.UrlOf("https://inbox.example.com", id, "my photo #1.jpg"));
    }
}
