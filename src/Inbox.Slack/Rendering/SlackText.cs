using System.Globalization;
using System.Text;
using Inbox.Slack.BlockKit;

namespace Inbox.Slack.Rendering;

/// <summary>Makes customer text safe and well-sized for Slack mrkdwn: escaping, splitting and links.</summary>
/// <remarks>
/// Slack parses <c>&amp;</c>, <c>&lt;</c> and <c>&gt;</c> as control characters in mrkdwn; once they are entities,
/// customer text can no longer form <c>&lt;!channel&gt;</c>, <c>&lt;!here&gt;</c>, <c>&lt;@U123&gt;</c> or a link.
/// plain_text objects are never parsed, so they take customer text as it is.
/// </remarks>
public static class SlackText
{
    /// <summary>The visible marker that starts every chunk after the first.</summary>
    public const string ContinuedMarker = "(continued)";

    private const string ContinuedPrefix = "_" + ContinuedMarker + "_\n";

    /// <summary>Escapes exactly <c>&amp;</c>, <c>&lt;</c> and <c>&gt;</c> (Slack decodes no other entity).</summary>
    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        if (text.AsSpan().IndexOfAny('&', '<', '>') < 0) return text;
        var escaped = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            switch (c)
            {
                case '&': escaped.Append("&amp;"); break;
                case '<': escaped.Append("&lt;"); break;
                case '>': escaped.Append("&gt;"); break;
                default: escaped.Append(c); break;
            }
        }
        return escaped.ToString();
    }

    /// <summary>
    /// Splits (already escaped) text into chunks of at most <paramref name="max"/> characters, preferring line breaks,
    /// then spaces, and never cutting an entity or an emoji in half. Every chunk after the first starts with
    /// "_(continued)_" on its own line, counted within <paramref name="max"/>.
    /// </summary>
    /// <remarks>Meant for prose; a <c>&lt;url|label&gt;</c> link in the text may be cut like any other word.</remarks>
    public static IReadOnlyList<string> Split(string text, int max = SlackLimits.SectionText)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(max, ContinuedPrefix.Length + 20);
        if (text.Length <= max) return [text];

        var chunks = new List<string>();
        var rest = text.AsSpan();
        while (rest.Length > 0)
        {
            var prefix = chunks.Count == 0 ? "" : ContinuedPrefix;
            var room = max - prefix.Length;
            if (rest.Length <= room)
            {
                chunks.Add(string.Concat(prefix, rest));
                break;
            }
            var cut = CutPoint(rest, room);
            var piece = rest[..cut].TrimEnd();
            if (!piece.IsEmpty) chunks.Add(string.Concat(prefix, piece));
            rest = rest[cut..].TrimStart();
        }
        return chunks;
    }

    /// <summary>A mrkdwn link <c>&lt;url|label&gt;</c> whose URL and label cannot break out of it; the escaped label alone when the URL is not a usable http(s) address.</summary>
    public static string Link(string? url, string? label)
    {
        var text = Escape(SingleLine(label));
        if (!TryLinkTarget(url, out var target)) return text.Length > 0 ? text : Escape(SingleLine(url));
        // The target has no '|' left, so the first '|' is ours and any in the label are shown as text.
        return $"<{target}|{(text.Length > 0 ? text : target)}>";
    }

    /// <summary>Collapses line breaks and other control characters to spaces, for one-line places such as headers and labels.</summary>
    public static string SingleLine(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var flat = new StringBuilder(text.Length);
        foreach (var c in text) flat.Append(char.IsControl(c) || c is '\u2028' or '\u2029' ? ' ' : c);
        return flat.ToString().Trim();
    }

    private static int CutPoint(ReadOnlySpan<char> text, int room)
    {
        // text[room] is the first character that does not fit; a break there is as good as any before it.
        var floor = room / 2;
        for (var i = room; i >= floor; i--)
            if (text[i] == '\n') return i;
        for (var i = room; i >= floor; i--)
            if (char.IsWhiteSpace(text[i])) return i;
        var cut = SlackLimits.SafeCut(text, room);
        return cut > 0 ? cut : room;
    }

    private static bool TryLinkTarget(string? url, out string target)
    {
        target = "";
        if (!Uri.TryCreate(url?.Trim(), UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")) return false;
        var encoded = new StringBuilder(uri.AbsoluteUri.Length + 8);
        foreach (var c in uri.AbsoluteUri)
        {
            // '|' would end the URL and start the label; '<', '>' and spaces would end the link itself.
            if (c is '|' or '<' or '>' or '"' or ' ' || char.IsControl(c)) encoded.Append('%').Append(((int)c).ToString("X2", CultureInfo.InvariantCulture));
            else if (c == '&') encoded.Append("&amp;");
            else encoded.Append(c);
        }
        target = encoded.ToString();
        return target.Length <= SlackLimits.Url;
    }
}
