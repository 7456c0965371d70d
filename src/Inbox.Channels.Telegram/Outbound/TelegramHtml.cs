using System.Text;

namespace Inbox.Channels.Telegram.Outbound;

/// <summary>Text for sendMessage's HTML parse mode: <c>&lt;</c>, <c>&gt;</c> and <c>&amp;</c> become entities, so nothing typed is read as markup.</summary>
public static class TelegramHtml
{
    public static string Escape(string text)
    {
        if (text.AsSpan().IndexOfAny('<', '>', '&') < 0) return text;
        var escaped = new StringBuilder(text.Length + 16);
        foreach (var c in text)
            escaped.Append(c switch
            {
                '<' => "&lt;",
                '>' => "&gt;",
                '&' => "&amp;",
                _ => c.ToString(),
            });
        return escaped.ToString();
    }

    public static string Bold(string text) => $"<b>{Escape(text)}</b>";
}
