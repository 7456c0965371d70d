using System.Text;
using MimeKit.Text;

namespace Inbox.Channels.Email.Text;

/// <summary>Turns an HTML mail body into plain text an operator can read: no markup, no scripts or styles, links spelled out.</summary>
/// <remarks>
/// Blockquotes become "&gt; " lines and known signature blocks get a "-- " line in front, so <see cref="QuotedTextTrimmer"/>
/// can cut quoted history and signatures the same way as in plain-text mail.
/// </remarks>
public static class HtmlText
{
    public static string ToPlainText(string html)
    {
        var tokenizer = new HtmlTokenizer(new StringReader(html)) { DecodeCharacterReferences = true };
        var writer = new PlainTextWriter();
        while (tokenizer.ReadNextToken(out var token))
        {
            switch (token)
            {
                case HtmlTagToken tag:
                    writer.Tag(tag);
                    break;
                case HtmlDataToken { Kind: HtmlTokenKind.Data or HtmlTokenKind.CData } data:
                    writer.Data(data.Data);
                    break;
            }
        }
        return PlainText.Tidy(writer.ToString());
    }

    /// <summary>Accumulates text with HTML's whitespace rules, line breaks for blocks, quote prefixes and list markers.</summary>
    private sealed class PlainTextWriter
    {
        private readonly StringBuilder _text = new();
        private readonly Stack<int?> _lists = new();
        private int _pendingBreaks;
        private bool _pendingSpace;
        private bool _atLineStart = true;
        private int _hidden;
        private int _pre;
        private int _quoteDepth;
        private (string Href, int Start)? _link;

        public void Tag(HtmlTagToken tag)
        {
            var id = tag.Id;
            if (IsHidden(id))
            {
                if (tag.IsEndTag) _hidden = Math.Max(0, _hidden - 1);
                else if (!tag.IsEmptyElement) _hidden++;
                return;
            }
            if (id == HtmlTagId.Body && !tag.IsEndTag) _hidden = 0;
            if (_hidden > 0) return;

            switch (id)
            {
                case HtmlTagId.Br:
                    _pendingBreaks++;
                    _pendingSpace = false;
                    return;
                case HtmlTagId.HR:
                    Break(1);
                    return;
                case HtmlTagId.BlockQuote:
                    Break(1);
                    _quoteDepth = Math.Max(0, _quoteDepth + (tag.IsEndTag ? -1 : 1));
                    return;
                case HtmlTagId.Pre:
                    Break(2);
                    _pre = Math.Max(0, _pre + (tag.IsEndTag ? -1 : 1));
                    return;
                case HtmlTagId.UL or HtmlTagId.OL:
                    Break(tag.IsEndTag && _lists.Count > 1 ? 1 : 2);
                    if (tag.IsEndTag) { if (_lists.Count > 0) _lists.Pop(); }
                    else _lists.Push(id == HtmlTagId.OL ? 1 : null);
                    return;
                case HtmlTagId.LI:
                    Break(1);
                    if (!tag.IsEndTag) ListMarker();
                    return;
                case HtmlTagId.TD or HtmlTagId.TH:
                    if (tag.IsEndTag) _pendingSpace = true;
                    return;
                case HtmlTagId.A:
                    Link(tag);
                    return;
                case HtmlTagId.P or HtmlTagId.H1 or HtmlTagId.H2 or HtmlTagId.H3 or HtmlTagId.H4 or HtmlTagId.H5 or HtmlTagId.H6
                    or HtmlTagId.Table or HtmlTagId.DL:
                    Break(2);
                    return;
                default:
                    if (!IsLineBlock(tag)) return;
                    Break(1);
                    if (!tag.IsEndTag && IsSignature(tag)) Raw("-- ");
                    return;
            }
        }

        public void Data(string data)
        {
            if (_hidden > 0 || data.Length == 0) return;
            if (_pre > 0)
            {
                var lines = data.ReplaceLineEndings("\n").Split('\n');
                for (var i = 0; i < lines.Length; i++)
                {
                    if (i > 0) _pendingBreaks++;
                    if (lines[i].Length > 0) Write(lines[i]);
                }
                return;
            }
            var start = 0;
            for (var i = 0; i <= data.Length; i++)
            {
                if (i < data.Length && !IsCollapsible(data[i])) continue;
                if (i > start) Write(data[start..i]);
                if (i < data.Length) _pendingSpace = true;
                start = i + 1;
            }
        }

        public override string ToString() => _text.ToString();

        private void Link(HtmlTagToken tag)
        {
            if (!tag.IsEndTag)
            {
                _link = tag.Attributes.TryGetValue(HtmlAttributeId.Href, out var href) && href.Value is { } url
                    && (url.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || url.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
                        || url.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase))
                    ? (url.Trim(), _text.Length)
                    : null;
                return;
            }
            if (_link is not { } link) return;
            _link = null;
            var shown = _text.ToString(link.Start, _text.Length - link.Start).Trim();
            var target = link.Href.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase) ? link.Href[7..] : link.Href;
            if (shown.Length == 0) Write(target);
            else if (!string.Equals(shown, target, StringComparison.OrdinalIgnoreCase) && !string.Equals(shown, link.Href, StringComparison.OrdinalIgnoreCase))
            {
                _pendingSpace = true;
                Write($"({target})");
            }
        }

        private void ListMarker()
        {
            if (_lists.Count > 0 && _lists.Peek() is { } number)
            {
                _lists.Pop();
                _lists.Push(number + 1);
                Write($"{number}. ");
            }
            else Write("- ");
            _pendingSpace = false;
        }

        private void Break(int lines)
        {
            _pendingBreaks = Math.Max(_pendingBreaks, lines);
            _pendingSpace = false;
        }

        /// <summary>Writes text as it is, on a line of its own.</summary>
        private void Raw(string line)
        {
            Write(line);
            _pendingBreaks = Math.Max(_pendingBreaks, 1);
        }

        private void Write(string text)
        {
            if (_text.Length > 0 && _pendingBreaks > 0)
            {
                for (var i = 0; i < _pendingBreaks; i++)
                {
                    _text.Append('\n');
                    if (i < _pendingBreaks - 1) QuotePrefix();
                }
                _atLineStart = true;
            }
            _pendingBreaks = 0;
            if (_atLineStart)
            {
                QuotePrefix();
                _atLineStart = false;
                _pendingSpace = false;
            }
            if (_pendingSpace && _text.Length > 0 && _text[^1] is not (' ' or '\n')) _text.Append(' ');
            _pendingSpace = false;
            _text.Append(text);
        }

        private void QuotePrefix()
        {
            for (var i = 0; i < _quoteDepth; i++) _text.Append("> ");
        }

        private static bool IsCollapsible(char c) => c is ' ' or '\t' or '\n' or '\r' or '\f';

        private static bool IsHidden(HtmlTagId id) =>
            id is HtmlTagId.Script or HtmlTagId.Style or HtmlTagId.Title or HtmlTagId.Head
                or HtmlTagId.Object or HtmlTagId.Select or HtmlTagId.TextArea;

        /// <summary>Elements that start and end a line of their own.</summary>
        private static bool IsLineBlock(HtmlTagToken tag) =>
            tag.Id is HtmlTagId.Div or HtmlTagId.TR or HtmlTagId.DT or HtmlTagId.DD or HtmlTagId.Address or HtmlTagId.Center
                or HtmlTagId.Form or HtmlTagId.FieldSet or HtmlTagId.Caption or HtmlTagId.TBody or HtmlTagId.THead or HtmlTagId.Tfoot
                or HtmlTagId.Section or HtmlTagId.Article or HtmlTagId.Header or HtmlTagId.Footer or HtmlTagId.Main or HtmlTagId.Aside
                or HtmlTagId.Nav or HtmlTagId.Figure or HtmlTagId.FigCaption or HtmlTagId.Details or HtmlTagId.Summary;

        // Gmail, Thunderbird and Outlook on the web mark their signature blocks; the rest is left to the "-- " rule.
        private static bool IsSignature(HtmlTagToken tag)
        {
            if (tag.Attributes.TryGetValue(HtmlAttributeId.Id, out var id) && string.Equals(id.Value, "Signature", StringComparison.OrdinalIgnoreCase))
                return true;
            if (!tag.Attributes.TryGetValue(HtmlAttributeId.Class, out var classes) || classes.Value is null) return false;
            return classes.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries)
                .Any(c => c is "gmail_signature" or "moz-signature" or "signature");
        }
    }
}
