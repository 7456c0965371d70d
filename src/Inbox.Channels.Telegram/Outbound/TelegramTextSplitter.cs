namespace Inbox.Channels.Telegram.Outbound;

/// <summary>Cuts a text into parts Telegram takes (at most 4096 characters each), at a line break or space where one is near the limit.</summary>
public static class TelegramTextSplitter
{
    /// <summary>sendMessage's limit on a message's text, counted after the markup is parsed.</summary>
    public const int MaxMessageLength = 4096;

    /// <summary>Splits <paramref name="text"/>; the first part may be shorter (<paramref name="firstLimit"/>) to leave room for a header.</summary>
    /// <remarks>The line break or space a cut is made at is dropped (the message boundary takes its place); nothing else is lost.</remarks>
    public static IReadOnlyList<string> Split(string text, int firstLimit = MaxMessageLength, int limit = MaxMessageLength)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(firstLimit, 2);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 2);
        var parts = new List<string>();
        var rest = text;
        var budget = firstLimit;
        while (rest.Length > budget)
        {
            var (end, skip) = CutPoint(rest, budget);
            parts.Add(rest[..end]);
            rest = rest[(end + skip)..];
            budget = limit;
        }
        parts.Add(rest);
        return parts;
    }

    // Prefers a line break, then a space, in the last half of the budget; else cuts hard, never inside a surrogate pair.
    private static (int End, int Skip) CutPoint(string text, int budget)
    {
        var window = text.AsSpan(0, budget + 1);
        var floor = budget / 2;
        var newline = window.LastIndexOf('\n');
        if (newline >= floor) return (newline, 1);
        var space = window.LastIndexOf(' ');
        if (space >= floor) return (space, 1);
        return char.IsHighSurrogate(text[budget - 1]) ? (budget - 1, 0) : (budget, 0);
    }
}
