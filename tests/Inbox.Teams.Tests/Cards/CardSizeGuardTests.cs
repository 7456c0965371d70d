using Inbox.Teams.Cards;

namespace Inbox.Teams.Tests.Cards;

public sealed class CardSizeGuardTests
{
    [Fact]
    public void A_card_within_the_limit_is_returned_unchanged()
    {
        var card = new AdaptiveCard([new TextBlock("small")]);

        Assert.Same(card, CardSizeGuard.Fit(card));
    }

    [Fact]
    public void Long_texts_are_cut_until_the_card_fits_and_short_ones_stay_whole()
    {
        var card = new AdaptiveCard(
        [
            new TextBlock("Jane Doe · #123"),
            new TextBlock(new string('a', 60_000)),
            new FactSet([new Fact("Email", "jane@example.com"), new Fact("Notes", new string('b', 40_000))]),
        ]);

        var fitted = CardSizeGuard.Fit(card);

        Assert.InRange(CardJson.ByteCount(fitted), 1, CardLimits.MaxCardBytes);
        Assert.Equal("Jane Doe · #123", ((TextBlock)fitted.Body[0]).Text);
        Assert.EndsWith(CardText.Ellipsis, ((TextBlock)fitted.Body[1]).Text);
        var facts = ((FactSet)fitted.Body[2]).Facts;
        Assert.Equal("jane@example.com", facts[0].Value);
        Assert.EndsWith(CardText.Ellipsis, facts[1].Value);
    }

    [Fact]
    public void The_heading_is_kept_whole_while_other_texts_can_give_the_room()
    {
        var heading = new string('h', 3_000) + " · #123";
        var card = new AdaptiveCard([new TextBlock(heading), new TextBlock(new string('a', 60_000))]);

        var fitted = CardSizeGuard.Fit(card);

        Assert.InRange(CardJson.ByteCount(fitted), 1, CardLimits.MaxCardBytes);
        Assert.Equal(heading, ((TextBlock)fitted.Body[0]).Text);
    }

    [Fact]
    public void A_card_that_is_all_heading_is_cut_too()
    {
        var fitted = CardSizeGuard.Fit(new AdaptiveCard([new TextBlock(new string('a', 100_000))]));

        Assert.InRange(CardJson.ByteCount(fitted), 1, CardLimits.MaxCardBytes);
    }

    [Fact]
    public void The_guard_uses_the_room_it_has_rather_than_cutting_to_the_minimum()
    {
        var card = new AdaptiveCard([new TextBlock(new string('a', 100_000))]);

        var fitted = CardSizeGuard.Fit(card);

        Assert.InRange(CardJson.ByteCount(fitted), CardLimits.MaxCardBytes - 200, CardLimits.MaxCardBytes);
    }

    [Fact]
    public void Non_ascii_text_is_measured_as_it_is_escaped_on_the_wire()
    {
        var card = new AdaptiveCard([new TextBlock(string.Concat(Enumerable.Repeat("Жанна 😀 ", 10_000)))]);

        var fitted = CardSizeGuard.Fit(card);

        Assert.InRange(CardJson.ByteCount(fitted), 1, CardLimits.MaxCardBytes);
        Assert.InRange(System.Text.Encoding.UTF8.GetByteCount(CardJson.Serialize(fitted)), 1, CardLimits.MaxCardBytes);
    }

    [Fact]
    public void Texts_inside_containers_and_shown_cards_are_cut_too()
    {
        var form = AdaptiveCard.Nested([new InputChoiceSet("pick", [new InputChoice(new string('c', 40_000), "1")])]);
        var card = new AdaptiveCard([new Container([new TextBlock(new string('d', 40_000))])], [new ShowCardAction("More", form)]);

        var fitted = CardSizeGuard.Fit(card);

        Assert.InRange(CardJson.ByteCount(fitted), 1, CardLimits.MaxCardBytes);
    }

    [Fact]
    public void When_cutting_is_not_enough_trailing_elements_give_way_to_a_count()
    {
        var lines = Enumerable.Range(1, 2_000).Select(i => new TextBlock($"Line {i} of the history"));
        var card = new AdaptiveCard([new TextBlock("History · #123"), .. lines]);

        var fitted = CardSizeGuard.Fit(card);

        Assert.InRange(CardJson.ByteCount(fitted), 1, CardLimits.MaxCardBytes);
        Assert.Equal("History · #123", ((TextBlock)fitted.Body[0]).Text);
        var notice = Assert.IsType<TextBlock>(fitted.Body[^1]);
        Assert.Matches(@"^… \d+ more not shown$", notice.Text);
        Assert.Equal(2_001, fitted.Body.Count - 1 + int.Parse(notice.Text.Split(' ')[1]));
    }

    [Fact]
    public void A_smaller_limit_can_be_asked_for()
    {
        var fitted = CardSizeGuard.Fit(new AdaptiveCard([new TextBlock(new string('a', 5_000))]), maxBytes: 1_000);

        Assert.InRange(CardJson.ByteCount(fitted), 1, 1_000);
    }
}
