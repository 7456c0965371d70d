using System.Globalization;
using System.Text;

namespace Inbox.Fakes.Telegram;

/// <summary>sendMessage's HTML parse mode as Telegram applies it: supported tags become entities, entities are decoded, anything else is refused.</summary>
internal static class TelegramHtmlParser
{
    private static readonly Dictionary<string, string> EntityTypes = new(StringComparer.Ordinal)
    {
        ["b"] = "bold", ["strong"] = "bold", ["i"] = "italic", ["em"] = "italic", ["u"] = "underline", ["ins"] = "underline",
        ["s"] = "strikethrough", ["strike"] = "strikethrough", ["del"] = "strikethrough", ["span"] = "spoiler", ["tg-spoiler"] = "spoiler",
        ["a"] = "text_link", ["code"] = "code", ["pre"] = "pre", ["blockquote"] = "blockquote", ["tg-emoji"] = "custom_emoji",
    };

    private static readonly Dictionary<string, char> NamedEntities = new(StringComparer.Ordinal)
    {
        ["lt"] = '<', ["gt"] = '>', ["amp"] = '&', ["quot"] = '"', ["apos"] = '\'', ["nbsp"] = '\u00a0',
    };

    /// <summary>The text the user sees and its entities, or Telegram's "can't parse entities" reason.</summary>
    public static (string Text, IReadOnlyList<FakeTelegramEntity> Entities, string? Error) Parse(string html)
    {
        var text = new StringBuilder(html.Length);
        var entities = new List<FakeTelegramEntity>();
        var open = new Stack<(string Tag, int Start)>();
        var i = 0;
        while (i < html.Length)
        {
            var c = html[i];
            if (c == '<')
            {
                var end = html.IndexOf('>', i);
                if (end < 0) return Fail($"Unclosed start tag at byte offset {ByteOffset(html, i)}");
                var inner = html[(i + 1)..end];
                if (inner.StartsWith('/'))
                {
                    var name = inner[1..].Trim().ToLowerInvariant();
                    if (open.Count == 0 || open.Peek().Tag != name)
                        return Fail($"Unmatched end tag at byte offset {ByteOffset(html, i)}, expected \"</{(open.Count == 0 ? "" : open.Peek().Tag)}>\", found \"</{name}>\"");
                    var (tag, start) = open.Pop();
                    entities.Add(new FakeTelegramEntity(EntityTypes[tag], start, text.Length - start, text.ToString(start, text.Length - start)));
                }
                else
                {
                    var name = inner.Split([' ', '\t', '\n'], 2)[0].ToLowerInvariant();
                    if (!EntityTypes.ContainsKey(name)) return Fail($"Unsupported start tag \"{name}\" at byte offset {ByteOffset(html, i)}");
                    open.Push((name, text.Length));
                }
                i = end + 1;
            }
            else if (c == '&' && Entity(html, i) is { } decoded)
            {
                text.Append(decoded.Value);
                i += decoded.Length;
            }
            else
            {
                text.Append(c);
                i++;
            }
        }
        if (open.Count > 0) return Fail($"Can't find end tag corresponding to start tag \"{open.Peek().Tag}\"");
        entities.Sort((a, b) => a.Offset.CompareTo(b.Offset));
        return (text.ToString(), entities, null);

        static (string, IReadOnlyList<FakeTelegramEntity>, string?) Fail(string reason) => ("", [], reason);
    }

    // "&lt;", "&#60;" or "&#x3C;"; anything else starting with '&' is taken as a plain ampersand.
    private static (string Value, int Length)? Entity(string html, int at)
    {
        var semicolon = html.IndexOf(';', at);
        if (semicolon < 0 || semicolon - at > 10) return null;
        var name = html[(at + 1)..semicolon];
        var length = semicolon - at + 1;
        if (NamedEntities.TryGetValue(name, out var named)) return (named.ToString(), length);
        if (name.StartsWith("#x", StringComparison.OrdinalIgnoreCase)
            && int.TryParse(name[2..], NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var hex) && IsCodePoint(hex))
            return (char.ConvertFromUtf32(hex), length);
        if (name.StartsWith('#') && int.TryParse(name[1..], NumberStyles.None, CultureInfo.InvariantCulture, out var dec) && IsCodePoint(dec))
            return (char.ConvertFromUtf32(dec), length);
        return null;
    }

    private static bool IsCodePoint(int value) => value is > 0 and <= 0x10FFFF and not (>= 0xD800 and <= 0xDFFF);

    private static int ByteOffset(string html, int index) => Encoding.UTF8.GetByteCount(html.AsSpan(0, index));
}
