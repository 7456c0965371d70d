using System.Text;

namespace Inbox.Teams.Cards;

/// <summary>Makes customer text safe and well-sized for a <see cref="TextBlock"/> or <see cref="Fact"/>: escaping, flattening, cutting.</summary>
/// <remarks>
/// <para>
/// TextBlock text (and, in Teams, fact titles and values) is read as a subset of CommonMark: <c>**bold**</c>,
/// <c>_italic_</c>, <c>- </c> and <c>1. </c> lists and <c>[title](url)</c> links; some clients also honour more
/// (headings, quotes, code, strikethrough) and the <c>{{DATE(…)}}</c>/<c>{{TIME(…)}}</c> functions. <see cref="Escape"/>
/// puts a CommonMark backslash before every character that could open such markup, so customer text is shown as written
/// and can never become a disguised link or emphasis.
/// </para>
/// <para>
/// Links are broken twice over: brackets are escaped, and so is a <c>(</c> right after <c>]</c>, because the shared
/// Adaptive Cards parser starts a link at <c>[</c> even when it is escaped but needs <c>](</c> side by side to finish it.
/// Bare URLs are left alone: a client that links them shows the address itself, not a label hiding it.
/// Some older mobile clients show the escaping backslashes instead of hiding them; that is the accepted cost.
/// </para>
/// <para>
/// A single line break is only a space in Markdown, so each line of customer text becomes its own paragraph; with a
/// blank line before every line, none can underline the one before it into a heading either.
/// </para>
/// </remarks>
public static class CardText
{
    public const string Ellipsis = "…";

    /// <summary>A TextBlock needs some text; an absent value is shown as this.</summary>
    public const string EmptyPlaceholder = "—";

    private const string ParagraphBreak = "\n\n";

    private enum BlockStart
    {
        None,
        /// <summary>Start of a line: lists, headings, quotes and rules begin here.</summary>
        Line,
        /// <summary>Right after <c>]</c> or <c>)</c>, where the shared Adaptive Cards parser also starts a list.</summary>
        AfterBracket,
    }

    /// <summary>Customer text for one line (a header, a fact): flattened, cut to <paramref name="max"/> characters, then escaped.</summary>
    /// <remarks>Cutting comes first so the cut never lands inside an escape; escaping may make the result a little longer.</remarks>
    public static string Plain(string? text, int max) => Escape(Fit(SingleLine(text), max));

    /// <summary>Escapes every Markdown-significant character; keeps line breaks as paragraph breaks and drops blank lines.</summary>
    public static string Escape(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return "";
        var escaped = new StringBuilder(text.Length + 16);
        foreach (var rawLine in text.ReplaceLineEndings("\n").Split('\n'))
        {
            // Leading spaces are dropped too: four of them would turn the line into a code block.
            var line = WithoutControlCharacters(rawLine).Trim();
            if (line.Length == 0) continue;
            if (escaped.Length > 0) escaped.Append(ParagraphBreak);
            EscapeLine(line, escaped);
        }
        return escaped.ToString();
    }

    /// <summary>Collapses line breaks and other control characters to spaces, for one-line places such as headers and facts.</summary>
    public static string SingleLine(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        return WithoutControlCharacters(text.ReplaceLineEndings(" ")).Trim();
    }

    /// <summary>Returns <paramref name="value"/> if it fits in <paramref name="max"/> characters, else its head plus "…" in exactly that room.</summary>
    /// <remarks>The cut never splits a surrogate pair (emoji) and never leaves an escaping backslash without the character it escapes.</remarks>
    public static string Fit(string value, int max)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(max, 1);
        if (value.Length <= max) return value;
        var head = value.AsSpan(0, max - Ellipsis.Length);
        if (head.Length > 0 && char.IsHighSurrogate(head[^1])) head = head[..^1];
        head = head.TrimEnd();
        var backslashes = head.Length - head.TrimEnd('\\').Length;
        if (backslashes % 2 == 1) head = head[..^1];
        return string.Concat(head, Ellipsis);
    }

    private static void EscapeLine(string line, StringBuilder escaped)
    {
        var blockStart = BlockStart.Line;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            var at = blockStart;
            blockStart = BlockStart.None;
            if (at != BlockStart.None)
            {
                if (OpensBlock(line, i, at))
                {
                    escaped.Append('\\').Append(c);
                    continue;
                }
                if (char.IsAsciiDigit(c) && OrderedListMarkerEnd(line, i) is { } end)
                {
                    // "12." or "12)" opens a numbered list; escaping the dot (or parenthesis) is enough.
                    escaped.Append(line, i, end - i).Append('\\').Append(line[end]);
                    i = end;
                    if (line[end] == ')') blockStart = BlockStart.AfterBracket;
                    continue;
                }
            }

            switch (c)
            {
                case '\\':
                    // A backslash escapes only ASCII punctuation; double it exactly where it would, and at the end, where
                    // the text may be followed by markup of its own (the "**" closing a bold name).
                    escaped.Append(i + 1 >= line.Length || IsAsciiPunctuation(line[i + 1]) ? @"\\" : @"\");
                    break;
                case '*' or '_' or '`' or '~' or '[' or ']':
                    escaped.Append('\\').Append(c);
                    break;
                case '(' when i > 0 && line[i - 1] == ']':
                    escaped.Append(@"\(");
                    break;
                case '{' when i > 0 && line[i - 1] == '{':
                    // "{{" opens the DATE/TIME functions; "{\{" no longer matches them and still reads "{{".
                    escaped.Append(@"\{");
                    break;
                default:
                    escaped.Append(c);
                    break;
            }
            if (c is ']' or ')') blockStart = BlockStart.AfterBracket;
        }
    }

    // Markers count only when a space (or the line's end) follows, so "+44 20 7946", "-5 °C" and "#42" stay untouched.
    private static bool OpensBlock(string line, int i, BlockStart at) => line[i] switch
    {
        // "- item" and the "---" / "- - -" rules; after a bracket the shared parser knows only "- item".
        '-' => SpaceOrEnd(line, i + 1) || (at == BlockStart.Line && line[i + 1] == '-'),
        '+' => at == BlockStart.Line && SpaceOrEnd(line, i + 1),
        '#' => at == BlockStart.Line && (SpaceOrEnd(line, i + 1) || line[i + 1] == '#'),
        '>' => at == BlockStart.Line,
        _ => false,
    };

    /// <summary>The end of "12." or "12)" when that opens a numbered list (a space or the line's end follows), else null.</summary>
    private static int? OrderedListMarkerEnd(string line, int start)
    {
        var end = start;
        while (end < line.Length && char.IsAsciiDigit(line[end])) end++;
        return end < line.Length && line[end] is '.' or ')' && SpaceOrEnd(line, end + 1) ? end : null;
    }

    private static bool SpaceOrEnd(string line, int i) => i >= line.Length || char.IsWhiteSpace(line[i]);

    // CommonMark's escapable set: every printable ASCII character that is not a letter or a digit.
    private static bool IsAsciiPunctuation(char c) => c is >= '!' and <= '~' && !char.IsAsciiLetterOrDigit(c);

    private static string WithoutControlCharacters(string text)
    {
        if (!text.Any(char.IsControl)) return text;
        var flat = new StringBuilder(text.Length);
        foreach (var c in text) flat.Append(char.IsControl(c) ? ' ' : c);
        return flat.ToString();
    }
}
