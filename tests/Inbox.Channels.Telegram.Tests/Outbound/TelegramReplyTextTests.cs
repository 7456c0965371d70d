using Inbox.Channels.Telegram.Outbound;
using Inbox.Core.Model;

namespace Inbox.Channels.Telegram.Tests.Outbound;

public sealed class TelegramReplyTextTests
{
    [Fact]
    public void Markup_characters_are_escaped_so_the_customer_sees_exactly_what_was_typed()
    {
        Assert.Equal("1 &lt; 2 &amp;&amp; 3 &gt; 2 &lt;b&gt;not bold&lt;/b&gt; &amp;amp;", TelegramHtml.Escape("1 < 2 && 3 > 2 <b>not bold</b> &amp;"));
        Assert.Equal("plain \"quotes\" stay", TelegramHtml.Escape("plain \"quotes\" stay"));
    }

    [Fact]
    public void A_reply_starts_with_the_operators_name_in_bold_and_both_are_escaped()
    {
        var part = Assert.Single(TelegramReplyText.Render("Dana <Support> & Co", "Use <code> & relax"));
        Assert.Equal("<b>Dana &lt;Support&gt; &amp; Co</b>\nUse &lt;code&gt; &amp; relax", part);
    }

    [Fact]
    public void Without_an_author_the_text_stands_alone()
    {
        Assert.Equal(["Hello"], TelegramReplyText.Render(null, "Hello"));
    }

    [Fact]
    public void Attachments_of_a_reply_go_out_as_links()
    {
        var part = Assert.Single(TelegramReplyText.Render("Dana", "See the manual", [new Attachment("manual.pdf", "application/pdf", 10, "https://inbox.example.com/files/1/manual.pdf")]));
        Assert.EndsWith("See the manual\nmanual.pdf: https://inbox.example.com/files/1/manual.pdf", part);
    }

    [Fact]
    public void A_long_reply_is_split_so_no_part_shows_more_than_4096_characters_name_included()
    {
        var text = string.Join(' ', Enumerable.Range(0, 1400).Select(i => $"word{i}"));
        var parts = TelegramReplyText.Render("Dana Scully", text);

        Assert.Equal(3, parts.Count);
        Assert.StartsWith("<b>Dana Scully</b>\n", parts[0]);
        Assert.True(parts[0].Length - "<b></b>".Length <= 4096, $"first part shows {parts[0].Length - 7} characters");
        Assert.All(parts.Skip(1), p => Assert.True(p.Length <= 4096));
        Assert.Equal(text, string.Join(' ', parts.Select((p, i) => i == 0 ? p["<b>Dana Scully</b>\n".Length..] : p)));
    }

    [Fact]
    public void Escaping_does_not_count_against_the_limit_because_telegram_counts_the_shown_text()
    {
        var parts = TelegramReplyText.Render(null, new string('<', 4096));
        Assert.Equal(new string('<', 4096), Assert.Single(parts).Replace("&lt;", "<"));
    }
}
