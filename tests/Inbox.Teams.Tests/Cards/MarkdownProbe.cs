namespace Inbox.Teams.Tests.Cards;

/// <summary>Finds text that an Adaptive Cards Markdown reader could still turn into formatting, a link or a list.</summary>
/// <remarks>
/// Deliberately stricter than any one renderer: every emphasis, code, strikethrough or bracket character must carry an
/// escaping backslash, "](" and "{{" must never stand side by side, and no paragraph may open with a list, heading, rule or quote marker.
/// </remarks>
internal static class MarkdownProbe
{
    private static readonly char[] Delimiters = ['*', '_', '`', '~', '[', ']'];

    /// <summary>A description of the first live markup in <paramref name="text"/>, or null when it is inert.</summary>
    public static string? LiveMarkup(string text)
    {
        if (text.Contains("](", StringComparison.Ordinal)) return "\"](\" can finish a link";
        if (text.Contains("{{", StringComparison.Ordinal)) return "\"{{\" can open a DATE/TIME function";
        foreach (var paragraph in text.Split("\n\n"))
        {
            if (paragraph.Contains('\n')) return "a lone line break inside a paragraph";
            if (paragraph.Length > 0 && paragraph[0] is '-' or '+' or '#' && SpaceOrEnd(paragraph, 1)) return $"paragraph opens with '{paragraph[0]} '";
            if (paragraph.StartsWith("--", StringComparison.Ordinal) || paragraph.StartsWith("##", StringComparison.Ordinal)) return "paragraph opens a rule or heading";
            if (paragraph.StartsWith('>')) return "paragraph opens a quote";
            var digits = paragraph.TakeWhile(char.IsAsciiDigit).Count();
            if (digits > 0 && digits < paragraph.Length && paragraph[digits] is '.' or ')' && SpaceOrEnd(paragraph, digits + 1)) return "paragraph opens a numbered list";
            for (var i = 0; i < paragraph.Length; i++)
            {
                if (Array.IndexOf(Delimiters, paragraph[i]) < 0) continue;
                var backslashes = 0;
                while (backslashes < i && paragraph[i - 1 - backslashes] == '\\') backslashes++;
                if (backslashes % 2 == 0) return $"unescaped '{paragraph[i]}' at {i}";
            }
        }
        return null;
    }

    private static bool SpaceOrEnd(string text, int i) => i >= text.Length || char.IsWhiteSpace(text[i]);
}
