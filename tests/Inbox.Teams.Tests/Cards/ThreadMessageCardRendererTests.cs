using System.Text;
using System.Text.Json;
using Inbox.Core.Model;
using Inbox.Teams.Cards;

namespace Inbox.Teams.Tests.Cards;

public sealed class ThreadMessageCardRendererTests
{
    private static readonly Contact Jane = CardFixtures.Contact(CardFixtures.FullProfile);

    private static Message Customer(string text, string? authorName = null, IEnumerable<Attachment>? attachments = null) =>
        new(7, 123, MessageDirection.FromCustomer, text, CardFixtures.Now, authorName: authorName, attachments: attachments, externalId: "widget-7");

    private static Message Reply(string text, string? externalId = null) =>
        new(8, 123, MessageDirection.FromOperator, text, CardFixtures.Now, Guid.NewGuid(), "Ann Operator", externalId: externalId);

    private static Message Note(string text, string? externalId = null) =>
        new(9, 123, MessageDirection.Note, text, CardFixtures.Now, Guid.NewGuid(), "Ann Operator", externalId: externalId);

    private static List<JsonElement> Cards(Message message, Contact? contact = null) =>
        ThreadMessageCardRenderer.Render(message, contact ?? Jane).Select(CardJsonReader.Of).ToList();

    private static JsonElement Single(Message message, Contact? contact = null) => Assert.Single(Cards(message, contact));

    private static string[] Texts(JsonElement card) => card.Items("body").Select(b => b.Str("text")).ToArray();

    private static string Heading(Message message, Contact? contact = null) => Texts(Single(message, contact))[0];

    /// <summary>The message's text blocks over all cards, without the heading on the first.</summary>
    private static List<string> BodyTexts(IReadOnlyList<AdaptiveCard> cards) =>
        cards.SelectMany((c, i) => c.Body.Skip(i == 0 ? 1 : 0)).Cast<TextBlock>().Select(b => b.Text).ToList();

    [Fact]
    public void A_customer_message_is_headed_by_the_visitors_name_then_its_text()
    {
        var card = Single(Customer("Where is my order?"));

        Assert.Equal("AdaptiveCard", card.Str("type"));
        Assert.Equal(["💬 **Jane Doe**", "Where is my order?"], Texts(card));
        Assert.False(card.Items("body")[0].Has("isSubtle"));
    }

    [Fact]
    public void A_customer_message_prefers_the_name_it_was_sent_with()
    {
        Assert.Equal("💬 **Jane D.**", Heading(Customer("hi", authorName: "Jane D.")));
        Assert.Equal("💬 **Jane Doe**", Heading(Customer("hi", authorName: "")));
    }

    [Fact]
    public void A_customer_without_a_known_name_shows_the_visitor_label()
    {
        var anonymous = CardFixtures.Contact();

        Assert.Equal($"💬 **{anonymous.DisplayName}**", Heading(Customer("hi"), anonymous));
        Assert.StartsWith("💬 **Visitor ", Heading(Customer("hi"), anonymous));
    }

    [Fact]
    public void An_operator_reply_written_in_Slack_says_so()
    {
        var heading = Single(Reply("On its way!", "slack:C1:123.4")).Items("body")[0];

        Assert.Equal("↩️ **Ann Operator** replied to the customer in Slack", heading.Str("text"));
        Assert.True(heading.GetProperty("isSubtle").GetBoolean());
    }

    [Fact]
    public void An_operator_reply_through_the_API_does_not_name_a_surface()
    {
        Assert.Equal("↩️ **Ann Operator** replied to the customer", Heading(Reply("On its way!")));
    }

    [Fact]
    public void A_reply_from_a_surface_starting_with_slack_is_not_taken_for_Slack() =>
        Assert.Equal("↩️ **Ann Operator** replied to the customer", Heading(Reply("On its way!", "slackbot:1")));

    [Fact]
    public void A_note_says_it_was_not_sent_to_the_customer()
    {
        Assert.Equal("📝 **Note by Ann Operator** (not sent to the customer)", Heading(Note("called back")));
        Assert.Equal("📝 **Note by Ann Operator** in Slack (not sent to the customer)", Heading(Note("called back", "slack:C1:5.5")));
        Assert.Equal("called back", Texts(Single(Note("called back")))[1]);
    }

    [Fact]
    public void A_system_line_is_headed_by_Inbox()
    {
        var line = new Message(10, 123, MessageDirection.System, "Ann Operator took the conversation.", CardFixtures.Now, isInternal: true);

        Assert.Equal(["ℹ️ Inbox", "Ann Operator took the conversation."], Texts(Single(line)));
    }

    [Fact]
    public void Customer_markdown_is_shown_as_written_not_as_formatting()
    {
        var text = Texts(Single(Customer("**bold** _it_ [click](https://evil.example) `code`\n- item\n# title")))[1];

        Assert.Null(MarkdownProbe.LiveMarkup(text));
        Assert.DoesNotContain("**bold**", text);
        Assert.Contains(@"\*\*bold\*\*", text);
    }

    [Fact]
    public void A_visitor_name_with_markdown_is_escaped_in_the_heading()
    {
        var evil = CardFixtures.Contact(new ContactProfile(Name: "*evil* [x](http://a)"));

        var heading = Heading(Customer("hi"), evil);

        Assert.Equal(@"💬 **\*evil\* \[x\]\(http://a)**", heading);
    }

    [Fact]
    public void A_visitor_name_ending_in_a_backslash_keeps_the_heading_bold()
    {
        var heading = Heading(Customer("hi", authorName: @"Jane\"));

        Assert.Equal(@"💬 **Jane\\**", heading);
    }

    [Fact]
    public void A_12000_character_text_is_split_over_several_cards_none_cut_and_each_under_28_KB()
    {
        var words = string.Join(' ', Enumerable.Range(0, 2_000).Select(i => $"word{i:00000}"));
        Assert.True(words.Length >= 12_000);

        var cards = ThreadMessageCardRenderer.Render(Customer(words), Jane);

        Assert.True(cards.Count >= 4, $"{cards.Count} cards");
        Assert.All(cards, c => Assert.InRange(CardJson.ByteCount(c), 1, CardLimits.MaxCardBytes - 1));
        var json = cards.Select(CardJsonReader.Of).ToList();
        Assert.Equal("💬 **Jane Doe**", Texts(json[0])[0]);
        Assert.All(json.Skip(1), c => Assert.Single(c.Items("body")));
        var chunks = json.SelectMany(c => c.Items("body")).Skip(1).Select(b => b.Str("text")).ToList();
        Assert.DoesNotContain(chunks, t => t.Contains(CardText.Ellipsis, StringComparison.Ordinal));
        // Cuts fall between words, so putting the pieces back with spaces gives the whole text.
        Assert.Equal(words, string.Join(' ', chunks));
    }

    [Fact]
    public void Text_that_grows_most_when_escaped_still_fits_without_being_cut()
    {
        // Every backtick is escaped for Markdown and again as \u0060 in JSON.
        var cards = ThreadMessageCardRenderer.Render(Customer(new string('`', 12_000)), Jane);

        Assert.True(cards.Count >= 4);
        Assert.All(cards, c => Assert.InRange(CardJson.ByteCount(c), 1, CardLimits.MaxCardBytes - 1));
        var texts = BodyTexts(cards);
        Assert.DoesNotContain(texts, t => t.Contains(CardText.Ellipsis, StringComparison.Ordinal));
        Assert.Equal(12_000, texts.Sum(t => t.Count(c => c == '`')));
    }

    [Fact]
    public void A_long_text_of_emoji_is_never_cut_between_the_halves_of_one()
    {
        // The leading letter puts a high surrogate exactly where a 3,000-character cut would fall.
        var text = "a" + string.Concat(Enumerable.Repeat("😀", 6_000));

        var cards = ThreadMessageCardRenderer.Render(Customer(text), Jane);

        var strict = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
        var texts = BodyTexts(cards);
        Assert.True(texts.Count >= 4);
        Assert.All(texts, t => strict.GetByteCount(t));
        Assert.Equal(text, string.Concat(texts));
        Assert.All(cards, c => Assert.InRange(CardJson.ByteCount(c), 1, CardLimits.MaxCardBytes - 1));
    }

    [Fact]
    public void Attachments_are_links_with_their_size_after_the_text()
    {
        Attachment[] files =
        [
            new("invoice.pdf", "application/pdf", 1_536, "https://files.example/a/invoice.pdf"),
            new("photo.jpg", "image/jpeg", 3 * 1024 * 1024, "https://files.example/a/photo.jpg"),
            new("note.txt", "text/plain", 500, "http://files.example/a/note.txt"),
        ];

        var texts = Texts(Single(Customer("See attached", attachments: files)));

        Assert.Equal(
            [
                "💬 **Jane Doe**", "See attached",
                "📎 [invoice.pdf](https://files.example/a/invoice.pdf) (1.5 KB)",
                "📎 [photo.jpg](https://files.example/a/photo.jpg) (3 MB)",
                "📎 [note.txt](http://files.example/a/note.txt) (500 B)",
            ],
            texts);
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("data:text/html,<script>alert(1)</script>")]
    [InlineData("ftp://files.example/a.pdf")]
    [InlineData("/relative/a.pdf")]
    public void A_file_whose_address_is_not_http_is_named_but_not_linked(string url)
    {
        var file = Texts(Single(Customer("", attachments: [new Attachment("a.pdf", "application/pdf", 12, url)])))[^1];

        Assert.Equal("📎 a.pdf (12 B)", file);
    }

    [Fact]
    public void A_file_name_cannot_break_out_of_its_link()
    {
        var file = Texts(Single(Customer("", attachments: [new Attachment("x](https://evil.example) [y", "text/plain", 1, "https://files.example/a(1).txt")])))[^1];

        Assert.StartsWith(@"📎 [x\]\(https://evil.example) \[y](https://files.example/a(1%29.txt) (1 B)", file);
    }

    [Fact]
    public void Files_without_text_follow_the_heading_directly()
    {
        var texts = Texts(Single(Customer("  ", attachments: [new Attachment("a.pdf", "application/pdf", 2_048, "https://files.example/a.pdf")])));

        Assert.Equal(["💬 **Jane Doe**", "📎 [a.pdf](https://files.example/a.pdf) (2 KB)"], texts);
    }

    [Fact]
    public void Files_of_a_long_message_come_on_its_last_card()
    {
        var words = string.Join(' ', Enumerable.Repeat("lorem", 2_000));

        var cards = Cards(Customer(words, attachments: [new Attachment("a.pdf", "application/pdf", 1, "https://files.example/a.pdf")]));

        Assert.True(cards.Count > 1);
        Assert.StartsWith("📎 ", Texts(cards[^1])[^1]);
        Assert.DoesNotContain(cards.SkipLast(1).SelectMany(Texts), t => t.StartsWith("📎 ", StringComparison.Ordinal));
    }

    [Fact]
    public void An_empty_message_without_files_says_it_is_empty()
    {
        Assert.Equal(["💬 **Jane Doe**", "*(empty message)*"], Texts(Single(Customer("   "))));
    }
}
