using Inbox.Channels.Email.Text;

namespace Inbox.Channels.Email.Tests.Text;

public sealed class HtmlTextTests
{
    [Fact]
    public void Markup_is_removed_and_entities_are_decoded()
    {
        var text = HtmlText.ToPlainText("<p>Fish &amp; chips &lt;3 &quot;hot&quot; <b>now</b>&nbsp;please</p>");

        Assert.Equal("Fish & chips <3 \"hot\" now please", text);
    }

    [Fact]
    public void Scripts_styles_and_the_head_leave_no_text()
    {
        var text = HtmlText.ToPlainText(
            "<html><head><title>Mail</title><style>p { color: red }</style></head>" +
            "<body><script>alert('x')</script><p>Hello</p><noscript></noscript></body></html>");

        Assert.Equal("Hello", text);
    }

    [Fact]
    public void Paragraphs_divs_and_line_breaks_become_lines()
    {
        var text = HtmlText.ToPlainText("<div>Hi team,</div><div><br></div><div>the printer\n   is   broken.<br>Again.</div><p>Thanks</p><p>Ann</p>");

        Assert.Equal("Hi team,\n\nthe printer is broken.\nAgain.\n\nThanks\n\nAnn", text);
    }

    [Fact]
    public void Lists_get_markers_and_ordered_lists_numbers()
    {
        var text = HtmlText.ToPlainText("<p>Steps:</p><ol><li>Unplug</li><li>Wait</li></ol><ul><li>tea</li><li>milk</li></ul>");

        Assert.Equal("Steps:\n\n1. Unplug\n2. Wait\n\n- tea\n- milk", text);
    }

    [Fact]
    public void Links_show_their_address_when_the_text_differs()
    {
        var text = HtmlText.ToPlainText(
            "See <a href=\"https://example.com/order/1\">my order</a>, <a href=\"https://example.com\">https://example.com</a> " +
            "and <a href=\"javascript:alert(1)\">this</a>, or <a href=\"mailto:ann@example.com\">ann@example.com</a>.");

        Assert.Equal("See my order (https://example.com/order/1), https://example.com and this, or ann@example.com.", text);
    }

    [Fact]
    public void Preformatted_text_keeps_its_spacing()
    {
        var text = HtmlText.ToPlainText("<pre>a  b\n  c</pre>");

        Assert.Equal("a  b\n  c", text);
    }

    [Fact]
    public void Blockquotes_become_quoted_lines()
    {
        var text = HtmlText.ToPlainText("<div>Yes please.</div><blockquote><div>Shall we ship it?</div><div>Bob</div></blockquote>");

        Assert.Equal("Yes please.\n> Shall we ship it?\n> Bob", text);
    }

    [Fact]
    public void Table_cells_are_separated_and_rows_are_lines()
    {
        var text = HtmlText.ToPlainText("<table><tr><td>Order</td><td>1234</td></tr><tr><td>Total</td><td>9.99</td></tr></table>");

        Assert.Equal("Order 1234\nTotal 9.99", text);
    }

    [Fact]
    public void Known_signature_blocks_are_marked_with_the_signature_separator()
    {
        var text = HtmlText.ToPlainText("<div>Thanks!</div><div class=\"gmail_signature\"><div>Ann Lee | Acme</div></div>");

        Assert.Equal("Thanks!\n--\nAnn Lee | Acme", text);
    }

    [Fact]
    public void Control_and_invisible_characters_are_dropped()
    {
        var text = HtmlText.ToPlainText("<p>a\u0007b\u200Bc&#xFEFF;d</p>");

        Assert.Equal("abcd", text);
    }
}
