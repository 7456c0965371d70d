using System.Globalization;

namespace Inbox.Teams.Cards;

/// <summary>Keeps a card within <see cref="CardLimits.MaxCardBytes"/> by cutting its longest texts, and only then by leaving out trailing elements.</summary>
/// <remarks>
/// Texts are capped at one common length, the largest that fits, so short texts (names, facts) keep their full
/// length while a long one (a customer's essay) gives up the room. Cut texts end with "…". The first body element is
/// the card's heading (which visitor, which conversation number) and is cut only when nothing else makes enough room.
/// Should even the shortest caps not fit, trailing body elements give way to a line saying how many were left out.
/// Actions and the first body element are never removed; a card whose fixed parts alone are too large comes back as
/// small as it gets.
/// </remarks>
public static class CardSizeGuard
{
    public static AdaptiveCard Fit(AdaptiveCard card, int maxBytes = CardLimits.MaxCardBytes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBytes, 1);
        if (Fits(card, maxBytes)) return card;
        foreach (var spareHeading in (bool[])[true, false])
        {
            if (Fits(Capped(card, CardLimits.MinTrimmedText, spareHeading), maxBytes))
                return LargestCapThatFits(card, maxBytes, spareHeading);
        }

        // Binary search for the most leading body elements that fit with the shortest caps.
        int fits = 0, tooMany = card.Body.Count;
        while (tooMany - fits > 1)
        {
            var keep = fits + (tooMany - fits) / 2;
            if (Fits(Capped(WithFirst(card, keep), CardLimits.MinTrimmedText, spareHeading: false), maxBytes)) fits = keep;
            else tooMany = keep;
        }
        return fits == 0
            ? Capped(WithFirst(card, Math.Min(1, card.Body.Count)), CardLimits.MinTrimmedText, spareHeading: false)
            : LargestCapThatFits(WithFirst(card, fits), maxBytes, spareHeading: false);
    }

    private static AdaptiveCard LargestCapThatFits(AdaptiveCard card, int maxBytes, bool spareHeading)
    {
        if (Fits(card, maxBytes)) return card;
        // Invariant: capping at `fits` fits; capping at `tooLong` (which cuts nothing at the start) does not.
        int fits = CardLimits.MinTrimmedText, tooLong = LongestText(card, spareHeading);
        while (tooLong - fits > 1)
        {
            var cap = fits + (tooLong - fits) / 2;
            if (Fits(Capped(card, cap, spareHeading), maxBytes)) fits = cap;
            else tooLong = cap;
        }
        return Capped(card, fits, spareHeading);
    }

    private static AdaptiveCard WithFirst(AdaptiveCard card, int keep)
    {
        var left = card.Body.Count - keep;
        if (left <= 0) return card;
        var notice = new TextBlock($"{CardText.Ellipsis} {left.ToString(CultureInfo.InvariantCulture)} more not shown") { IsSubtle = true };
        return card with { Body = [.. card.Body.Take(keep), notice] };
    }

    private static AdaptiveCard Capped(AdaptiveCard card, int cap, bool spareHeading) =>
        MapTexts(card, text => text.Length > cap ? CardText.Fit(text, cap) : text, spareHeading);

    private static int LongestText(AdaptiveCard card, bool spareHeading)
    {
        var longest = 0;
        MapTexts(card, text =>
        {
            longest = Math.Max(longest, text.Length);
            return text;
        }, spareHeading);
        return longest;
    }

    private static AdaptiveCard MapTexts(AdaptiveCard card, Func<string, string> map, bool spareHeading)
    {
        var mapped = card.MapTexts(map);
        return spareHeading && card.Body.Count > 0 ? mapped with { Body = [card.Body[0], .. mapped.Body.Skip(1)] } : mapped;
    }

    private static bool Fits(AdaptiveCard card, int maxBytes) => CardJson.ByteCount(card) <= maxBytes;
}
