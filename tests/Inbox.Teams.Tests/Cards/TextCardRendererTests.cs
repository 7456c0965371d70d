using Inbox.Teams.Cards;

namespace Inbox.Teams.Tests.Cards;

public sealed class TextCardRendererTests
{
    [Fact]
    public void Answer_is_a_bold_title_over_wrapped_text()
    {
        var json = CardJsonReader.Of(TextCardRenderer.Render("Details · #123", "Jane Doe writes from London."));

        Assert.Equal("1.5", json.Str("version"));
        Assert.False(json.Has("actions"));
        var body = json.Items("body");
        Assert.Equal(2, body.Count);
        Assert.Equal("Details · #123", body[0].Str("text"));
        Assert.Equal("bolder", body[0].Str("weight"));
        Assert.Equal("Jane Doe writes from London.", body[1].Str("text"));
        Assert.All(body, b => Assert.True(b.GetProperty("wrap").GetBoolean()));
    }

    [Fact]
    public void Each_line_of_the_answer_stays_on_its_own_line()
    {
        var text = CardJsonReader.Of(TextCardRenderer.Render("History", "09:30 Jane: hi\n09:31 Ann: hello")).Items("body")[1].Str("text");

        Assert.Equal("09:30 Jane: hi\n\n09:31 Ann: hello", text);
    }

    [Fact]
    public void Quoted_customer_text_cannot_make_links_or_emphasis()
    {
        var text = CardJsonReader.Of(TextCardRenderer.Render("History", "Jane: **click** [here](https://evil.example)\n- 1. _x_")).Items("body")[1].Str("text");

        Assert.Null(MarkdownProbe.LiveMarkup(text));
    }

    [Fact]
    public void An_empty_answer_still_shows_something()
    {
        Assert.Equal(CardText.EmptyPlaceholder, CardJsonReader.Of(TextCardRenderer.Render("History", "  ")).Items("body")[1].Str("text"));
    }

    [Fact]
    public void A_long_history_is_cut_to_fit_under_28_KB()
    {
        var history = string.Join('\n', Enumerable.Range(1, 5_000).Select(i => $"{i}. message number {i}"));

        var card = TextCardRenderer.Render("History · #123", history);

        Assert.InRange(CardJson.ByteCount(card), 1, CardLimits.MaxCardBytes);
        Assert.Equal("History · #123", ((TextBlock)card.Body[0]).Text);
        Assert.EndsWith(CardText.Ellipsis, ((TextBlock)card.Body[1]).Text);
    }
}
