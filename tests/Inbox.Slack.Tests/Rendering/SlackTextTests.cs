using Inbox.Slack.Rendering;

namespace Inbox.Slack.Tests.Rendering;

public sealed class SlackTextTests
{
    [Theory]
    [InlineData("<!channel> look", "&lt;!channel&gt; look")]
    [InlineData("<!here>", "&lt;!here&gt;")]
    [InlineData("hi <@U123> and <#C1|general>", "hi &lt;@U123&gt; and &lt;#C1|general&gt;")]
    [InlineData("<https://evil.example|your bank>", "&lt;https://evil.example|your bank&gt;")]
    public void Customer_text_cannot_ping_channel_or_mention_users(string typed, string sent)
    {
        var escaped = SlackText.Escape(typed);

        Assert.Equal(sent, escaped);
        Assert.DoesNotContain('<', escaped);
        Assert.DoesNotContain('>', escaped);
    }

    [Fact]
    public void Escaping_touches_only_ampersand_and_angle_brackets()
    {
        Assert.Equal("Tom &amp; Jerry's \"*deal*\" é 😀 @here", SlackText.Escape("Tom & Jerry's \"*deal*\" é 😀 @here"));
        Assert.Equal("&amp;amp;", SlackText.Escape("&amp;"));
        Assert.Equal("", SlackText.Escape(null));
    }

    [Fact]
    public void Short_text_is_one_chunk_unchanged()
    {
        Assert.Equal(["hello"], SlackText.Split("hello"));
    }

    [Fact]
    public void Long_text_splits_on_line_breaks_with_no_chunk_over_the_limit()
    {
        var paragraphs = string.Join('\n', Enumerable.Range(0, 200).Select(i => $"Line {i:000} of a long complaint about the order."));

        var chunks = SlackText.Split(paragraphs, 1000);

        Assert.True(chunks.Count > 1);
        Assert.All(chunks, c => Assert.True(c.Length <= 1000, $"chunk of {c.Length}"));
        Assert.All(chunks.Skip(1), c => Assert.StartsWith("_(continued)_\n", c));
        Assert.All(chunks, c => Assert.EndsWith("order.", c));
        var rejoined = string.Join('\n', chunks.Select(c => c.Replace("_(continued)_\n", "")));
        Assert.Equal(paragraphs, rejoined);
    }

    [Fact]
    public void Text_without_line_breaks_splits_between_words()
    {
        var words = string.Join(' ', Enumerable.Repeat("lorem", 2000));

        var chunks = SlackText.Split(words);

        Assert.All(chunks, c => Assert.True(c.Length <= 3000));
        Assert.All(chunks, c => Assert.EndsWith("lorem", c));
        Assert.Equal(2000, chunks.Sum(c => c.Split(' ', '\n').Count(w => w == "lorem")));
    }

    [Fact]
    public void A_split_never_breaks_an_escape_entity()
    {
        // No spaces to break on, and entities straddle every possible cut.
        var escaped = SlackText.Escape(string.Concat(Enumerable.Repeat("a<b&c>", 2000)));

        var chunks = SlackText.Split(escaped, 500);

        Assert.All(chunks, c => Assert.True(c.Length <= 500));
        foreach (var chunk in chunks.Select(c => c.Replace("_(continued)_\n", "")))
        {
            var withoutEntities = chunk.Replace("&amp;", "").Replace("&lt;", "").Replace("&gt;", "");
            Assert.DoesNotContain('&', withoutEntities);
            Assert.DoesNotContain(';', withoutEntities);
        }
        Assert.Equal(escaped, string.Concat(chunks.Select(c => c.Replace("_(continued)_\n", ""))));
    }

    [Fact]
    public void A_split_never_breaks_an_emoji()
    {
        var emoji = string.Concat(Enumerable.Repeat("😀", 2000));

        var chunks = SlackText.Split(emoji, 501);

        Assert.All(chunks, c => Assert.False(char.IsHighSurrogate(c[^1])));
        Assert.Equal(emoji, string.Concat(chunks.Select(c => c.Replace("_(continued)_\n", ""))));
    }

    [Fact]
    public void Link_keeps_a_hostile_url_and_name_inside_the_link()
    {
        var link = SlackText.Link("https://files.example/a|<!channel>/b c?x=1&y=2>", "report <!here>|.pdf");

        Assert.Equal("<https://files.example/a%7C%3C!channel%3E/b%20c?x=1&amp;y=2%3E|report &lt;!here&gt;|.pdf>", link);
        Assert.Equal(1, link.Count(c => c == '<'));
        Assert.Equal(1, link.Count(c => c == '>'));
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("/files/relative.png")]
    [InlineData("")]
    [InlineData(null)]
    public void A_url_that_is_not_http_is_shown_as_plain_escaped_text(string? url)
    {
        Assert.Equal("a&amp;b.png", SlackText.Link(url, "a&b.png"));
    }

    [Fact]
    public void Single_line_turns_line_breaks_into_spaces()
    {
        Assert.Equal("Ann  Smith", SlackText.SingleLine("Ann\r\nSmith\n"));
    }
}
