using Inbox.Core.Model;
using Inbox.Slack.BlockKit;
using Inbox.Slack.Rendering;

namespace Inbox.Slack.Tests.Rendering;

public sealed class CustomerMessageRendererTests
{
    private static readonly Contact Jane = Fixtures.Contact(new ContactProfile(Name: "Jane Doe"));

    private static IEnumerable<SectionBlock> Sections(SlackMessage message) => message.Blocks.OfType<SectionBlock>();

    [Fact]
    public void A_short_message_is_one_reply_with_author_and_text()
    {
        var replies = CustomerMessageRenderer.Render(Fixtures.CustomerMessage("Where is my order?"), Jane);

        var reply = Assert.Single(replies);
        Assert.Equal("💬 *Jane Doe*", Assert.IsType<ContextBlock>(reply.Blocks[0]).Elements[0].Text);
        var text = Assert.Single(Sections(reply)).Text!;
        Assert.Equal("Where is my order?", text.Text);
        Assert.True(text.Verbatim);
        Assert.Equal("Jane Doe: Where is my order?", reply.Text);
    }

    [Fact]
    public void Customer_text_cannot_ping_channel_or_mention_users()
    {
        var replies = CustomerMessageRenderer.Render(Fixtures.CustomerMessage("<!channel> <!here> <@U123> <https://evil.example|bank> & co"), Jane);

        var text = Assert.Single(Sections(Assert.Single(replies))).Text!.Text;
        Assert.Equal("&lt;!channel&gt; &lt;!here&gt; &lt;@U123&gt; &lt;https://evil.example|bank&gt; &amp; co", text);
        Assert.DoesNotContain('<', replies[0].Text);
    }

    [Fact]
    public void A_long_message_is_split_into_replies_of_at_most_3000_marked_continued()
    {
        var longText = string.Join("\n\n", Enumerable.Range(0, 120).Select(i => $"Paragraph {i}: " + string.Join(' ', Enumerable.Repeat("words & <more>", 8))));

        var replies = CustomerMessageRenderer.Render(Fixtures.CustomerMessage(longText), Jane);

        Assert.True(replies.Count > 1);
        var texts = replies.Select(r => Assert.Single(Sections(r)).Text!.Text).ToList();
        Assert.All(texts, t => Assert.True(t.Length <= 3000, $"section of {t.Length}"));
        Assert.All(texts.Skip(1), t => Assert.StartsWith("_(continued)_", t));
        Assert.DoesNotContain("(continued)", texts[0]);
        Assert.All(texts, t => Assert.DoesNotContain('<', t));
        Assert.IsType<ContextBlock>(replies[0].Blocks[0]);
        Assert.All(replies.Skip(1), r => Assert.Empty(r.Blocks.OfType<ContextBlock>()));
    }

    [Fact]
    public void Attachments_are_listed_as_links_with_name_and_size()
    {
        var message = Fixtures.CustomerMessage("See attached",
            new Attachment("receipt.png", "image/png", 12_345, "https://files.example/receipt.png"),
            new Attachment("notes.txt", "text/plain", 200, "https://files.example/notes.txt?a=1&b=2"));

        var reply = Assert.Single(CustomerMessageRenderer.Render(message, Jane));

        var files = Sections(reply).Last().Text!.Text;
        Assert.Equal("📎 <https://files.example/receipt.png|receipt.png> (12.1 KB)\n📎 <https://files.example/notes.txt?a=1&amp;b=2|notes.txt> (200 B)", files);
    }

    [Fact]
    public void An_attachment_url_or_name_with_pipes_or_brackets_cannot_break_out_of_its_link()
    {
        var message = Fixtures.CustomerMessage("", new Attachment("x|<!channel>.pdf", "application/pdf", 1, "https://files.example/a|b><!here>"));

        var reply = Assert.Single(CustomerMessageRenderer.Render(message, Jane));

        var line = Assert.Single(Sections(reply)).Text!.Text;
        Assert.Equal("📎 <https://files.example/a%7Cb%3E%3C!here%3E|x|&lt;!channel&gt;.pdf> (1 B)", line);
        Assert.Equal("Jane Doe sent 1 file", reply.Text);
    }

    [Fact]
    public void Attachments_follow_the_last_chunk_of_a_long_message()
    {
        var message = Fixtures.CustomerMessage(new string('a', 5000), new Attachment("a.png", "image/png", 1, "https://files.example/a.png"));

        var replies = CustomerMessageRenderer.Render(message, Jane);

        Assert.Equal(2, replies.Count);
        Assert.Single(Sections(replies[0]));
        Assert.StartsWith("📎 ", Sections(replies[1]).Last().Text!.Text);
    }

    [Fact]
    public void An_empty_message_still_renders_something_Slack_accepts()
    {
        var reply = Assert.Single(CustomerMessageRenderer.Render(Fixtures.CustomerMessage("   "), Jane));

        Assert.Equal("_(empty message)_", Assert.Single(Sections(reply)).Text!.Text);
    }

    [Fact]
    public void The_author_name_is_escaped_too()
    {
        var hostile = Fixtures.Contact(new ContactProfile(Name: "<!channel>"));

        var reply = Assert.Single(CustomerMessageRenderer.Render(Fixtures.CustomerMessage("hi"), hostile));

        Assert.Equal("💬 *&lt;!channel&gt;*", Assert.IsType<ContextBlock>(reply.Blocks[0]).Elements[0].Text);
        Assert.StartsWith("&lt;!channel&gt;: ", reply.Text);
    }
}
