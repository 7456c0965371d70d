namespace Inbox.Teams.Cards;

/// <summary>Renders a simple answer (details, history, a command's reply) as a card: a bold title over wrapped text.</summary>
/// <remarks>Both are taken as plain text and escaped, since answers quote customers; each line of the text stays a line.</remarks>
public static class TextCardRenderer
{
    public static AdaptiveCard Render(string title, string text)
    {
        var heading = new TextBlock(CardText.Plain(title, CardLimits.Heading))
        {
            Weight = TextWeight.Bolder,
            Size = TextSize.Medium,
        };
        var content = new TextBlock(CardText.Escape(text)) { Spacing = CardSpacing.Small };
        return CardSizeGuard.Fit(new AdaptiveCard([heading, content]));
    }
}
