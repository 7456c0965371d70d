using Inbox.Teams.Cards;

namespace Inbox.Teams.Tests.Cards;

// What counts as markup follows Microsoft's "Text features" page for Adaptive Cards (bold, italic, lists, links and
// the DATE/TIME functions) plus the CommonMark rules Teams' renderers build on (backslash escapes, block markers).
public sealed class CardTextTests
{
    public static TheoryData<string> HostileTexts =>
    [
        "**Urgent** refund now",
        "_please_ call me",
        "[Click here](https://evil.example/login)",
        "[Click here] (https://evil.example/login)",
        "![logo](https://evil.example/x.png)",
        "[support][1]\n[1]: https://evil.example",
        "- one\n- two\n+ three\n* four",
        "1. first\n2) second",
        "# Heading\n> quote\n===",
        "`code` and ~~gone~~",
        "back\\*slash\\* and \\[x\\](y)",
        "meet {{DATE(2017-02-14T06:00:00Z, SHORT)}}",
        "see (a)- b and [x]1. y",
        "    indented code",
    ];

    [Theory]
    [MemberData(nameof(HostileTexts))]
    public void Escaped_customer_text_cannot_form_links_emphasis_or_lists(string customerText)
    {
        var escaped = CardText.Escape(customerText);

        Assert.Null(MarkdownProbe.LiveMarkup(escaped));
    }

    [Fact]
    public void A_markdown_link_comes_out_as_literal_text()
    {
        Assert.Equal(@"\[Click here\]\(https://evil.example)", CardText.Escape("[Click here](https://evil.example)"));
    }

    [Fact]
    public void Bold_and_italic_markers_are_escaped_and_the_words_kept()
    {
        Assert.Equal(@"\*\*Urgent\*\* and \_quiet\_", CardText.Escape("**Urgent** and _quiet_"));
    }

    [Fact]
    public void Underscores_in_an_email_address_are_escaped_not_removed()
    {
        Assert.Equal(@"jane\_doe@example.com", CardText.Escape("jane_doe@example.com"));
    }

    [Fact]
    public void List_and_heading_markers_are_escaped_only_where_a_line_starts()
    {
        Assert.Equal(@"\- a - b" + "\n\n" + @"12\. c 3. d" + "\n\n" + @"\# e # f", CardText.Escape("- a - b\n12. c 3. d\n# e # f"));
    }

    [Fact]
    public void Signs_that_open_no_block_are_left_alone_at_a_line_start()
    {
        Assert.Equal("+44 20 7946 0958\n\n-5 °C\n\n#42 is late\n\n3.5 kg", CardText.Escape("+44 20 7946 0958\n-5 °C\n#42 is late\n3.5 kg"));
    }

    [Fact]
    public void Rules_and_quotes_are_escaped_at_a_line_start()
    {
        Assert.Equal(@"\---" + "\n\n" + @"\## x" + "\n\n" + @"\>quote", CardText.Escape("---\n## x\n>quote"));
    }

    [Fact]
    public void A_backslash_is_doubled_only_before_punctuation()
    {
        Assert.Equal(@"C:\temp and \\\*", CardText.Escape(@"C:\temp and \*"));
    }

    [Fact]
    public void Date_functions_are_shown_literally()
    {
        Assert.Equal(@"{\{DATE(2017-02-14T06:00:00Z, SHORT)}}", CardText.Escape("{{DATE(2017-02-14T06:00:00Z, SHORT)}}"));
    }

    [Fact]
    public void Each_line_becomes_a_paragraph_and_blank_lines_and_indentation_go()
    {
        Assert.Equal("first\n\nsecond\n\nthird", CardText.Escape("first\r\n\r\n   second\n\t\nthird  "));
    }

    [Fact]
    public void Plain_text_without_markup_is_unchanged()
    {
        Assert.Equal("Hello, I can't log in (again). Order #42 costs 10 + 5 = 15!", CardText.Escape("Hello, I can't log in (again). Order #42 costs 10 + 5 = 15!"));
    }

    [Fact]
    public void Single_line_flattens_breaks_and_control_characters()
    {
        Assert.Equal("a b  c d", CardText.SingleLine(" a\r\nb\t\u2028c\0d "));
    }

    [Fact]
    public void Plain_cuts_before_escaping_so_no_escape_is_split()
    {
        var line = CardText.Plain("**" + new string('x', 50), 10);

        Assert.Equal(@"\*\*xxxxxxx…", line);
        Assert.Null(MarkdownProbe.LiveMarkup(line));
    }

    [Fact]
    public void Fit_keeps_short_text_and_cuts_long_text_to_exactly_the_room_with_an_ellipsis()
    {
        Assert.Equal("short", CardText.Fit("short", 5));
        Assert.Equal("abcd…", CardText.Fit("abcdefgh", 5));
    }

    [Fact]
    public void Fit_never_splits_an_emoji_or_leaves_an_escape_without_its_character()
    {
        Assert.Equal("ab…", CardText.Fit("ab😀cd", 4));
        Assert.Equal("ab…", CardText.Fit(@"ab\*cd", 4));
        Assert.Equal(@"a\\…", CardText.Fit(@"a\\\*cd", 5));
    }
}
