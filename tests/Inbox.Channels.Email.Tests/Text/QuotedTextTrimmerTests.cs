using Inbox.Channels.Email.Text;

namespace Inbox.Channels.Email.Tests.Text;

public sealed class QuotedTextTrimmerTests
{
    [Fact]
    public void Quoted_history_under_an_on_wrote_line_is_cut()
    {
        var text = QuotedTextTrimmer.Trim("Thanks, that worked!\n\nOn Mon, 3 Nov 2026 at 10:02, Acme Support <support@acme.test> wrote:\n> Please restart it.\n> \n> Dana");

        Assert.Equal("Thanks, that worked!", text);
    }

    [Fact]
    public void An_on_wrote_line_wrapped_over_two_lines_is_cut_too()
    {
        var text = QuotedTextTrimmer.Trim("Great.\n\nOn Mon, Nov 3, 2026 at 10:02 AM Dana Scully <\nsupport@acme.test> wrote:\n\n> Please restart it.");

        Assert.Equal("Great.", text);
    }

    [Fact]
    public void Lines_starting_with_a_quote_mark_are_removed_wherever_they_are()
    {
        var text = QuotedTextTrimmer.Trim("> What is your order number?\n1234\n> And the postcode?\nSW1A 1AA");

        Assert.Equal("1234\nSW1A 1AA", text);
    }

    [Fact]
    public void The_signature_after_dash_dash_space_is_cut()
    {
        var text = QuotedTextTrimmer.Trim("My invoice is wrong.\n\n-- \nAnn Lee\nHead of Things, Acme\n+44 20 7946 0958");

        Assert.Equal("My invoice is wrong.", text);
    }

    [Fact]
    public void An_outlook_header_block_and_everything_below_it_is_cut()
    {
        var text = QuotedTextTrimmer.Trim(
            "Still broken.\n\n________________________________\nFrom: Acme Support <support@acme.test>\nSent: Monday, November 3, 2026 10:02 AM\n" +
            "To: Ann Lee <ann@example.test>\nSubject: RE: Printer\n\nPlease restart it.");

        Assert.Equal("Still broken.", text);
    }

    [Fact]
    public void An_original_message_separator_cuts_what_follows()
    {
        var text = QuotedTextTrimmer.Trim("See below.\n\n-----Original Message-----\nFrom: Bob\nHello");

        Assert.Equal("See below.", text);
    }

    [Fact]
    public void A_sent_from_my_phone_line_at_the_end_is_dropped()
    {
        var text = QuotedTextTrimmer.Trim("On my way.\n\nSent from my iPhone");

        Assert.Equal("On my way.", text);
    }

    [Fact]
    public void Text_that_only_mentions_on_and_wrote_is_kept()
    {
        var text = QuotedTextTrimmer.Trim("On Monday my colleague wrote:\nthe order never came. Can you check?");

        Assert.Equal("On Monday my colleague wrote:\nthe order never came. Can you check?", text);
    }

    [Fact]
    public void A_mail_that_is_all_quote_is_kept_whole()
    {
        var text = QuotedTextTrimmer.Trim("> forwarded text\n> more");

        Assert.Equal("> forwarded text\n> more", text);
    }

    [Fact]
    public void Blank_lines_are_collapsed_and_ends_trimmed()
    {
        var text = QuotedTextTrimmer.Trim("\n\nHello   \n\n\n\nWorld\n\n");

        Assert.Equal("Hello\n\nWorld", text);
    }
}
