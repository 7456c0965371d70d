using Inbox.Channels.Telegram.Outbound;

namespace Inbox.Channels.Telegram.Tests.Outbound;

public sealed class TelegramTextSplitterTests
{
    [Fact]
    public void A_text_within_the_limit_is_one_part()
    {
        Assert.Equal(["short"], TelegramTextSplitter.Split("short"));
        Assert.Single(TelegramTextSplitter.Split(new string('x', 4096)));
    }

    [Fact]
    public void A_text_is_cut_at_a_line_break_near_the_limit_before_a_space()
    {
        var first = new string('a', 3000) + " " + new string('b', 500);
        var second = new string('c', 1000);
        var parts = TelegramTextSplitter.Split(first + "\n" + second);
        Assert.Equal([first, second], parts);
    }

    [Fact]
    public void Without_line_breaks_it_is_cut_at_the_last_space()
    {
        var parts = TelegramTextSplitter.Split(new string('a', 4000) + " " + new string('b', 200));
        Assert.Equal([new string('a', 4000), new string('b', 200)], parts);
    }

    [Fact]
    public void A_text_without_spaces_is_cut_hard_and_nothing_is_lost()
    {
        var text = new string('z', 10_000);
        var parts = TelegramTextSplitter.Split(text);
        Assert.Equal([4096, 4096, 1808], parts.Select(p => p.Length));
        Assert.Equal(text, string.Concat(parts));
    }

    [Fact]
    public void An_emoji_is_never_cut_in_half()
    {
        var text = new string('a', 4095) + "😀" + "tail";
        var parts = TelegramTextSplitter.Split(text);
        Assert.Equal(new string('a', 4095), parts[0]);
        Assert.Equal("😀tail", parts[1]);
    }

    [Fact]
    public void The_first_part_leaves_room_for_a_header()
    {
        var parts = TelegramTextSplitter.Split(new string('q', 5000), firstLimit: 4000);
        Assert.Equal([4000, 1000], parts.Select(p => p.Length));
    }
}
