namespace Inbox.Teams.Cards;

/// <summary>How large a card and its parts may get; customer data must never make a post fail, so nothing here throws.</summary>
public static class CardLimits
{
    /// <summary>
    /// The whole card, in bytes of <see cref="CardJson"/> output. Microsoft documents about 28 KB for a Teams message
    /// posted through its Teams connector; bot messages may be larger (up to about 100 KB counted in UTF-16, 80 KB
    /// recommended), so a card within 28 KB of ASCII JSON (at most 56 KB in UTF-16) leaves room for the activity around it.
    /// </summary>
    public const int MaxCardBytes = 28 * 1024;

    /// <summary>Characters of a heading (the visitor's name on a conversation card, a reply's title).</summary>
    public const int Heading = 200;

    /// <summary>Characters of one fact's value.</summary>
    public const int FactValue = 500;

    /// <summary>Entries of a pick list; an operator beyond it can still be chosen with the transfer command.</summary>
    /// <remarks>Every entry travels in the card; 50 entries of even the longest escaped names leave room for the rest of the card.</remarks>
    public const int Choices = 50;

    /// <summary>Characters of one pick-list entry.</summary>
    public const int ChoiceTitle = 60;

    /// <summary>The size guard never cuts a text shorter than this; past it, it leaves out trailing elements instead.</summary>
    public const int MinTrimmedText = 40;
}
