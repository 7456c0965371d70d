using System.Text.RegularExpressions;

namespace Inbox.Slack.Inbound;

/// <summary>Turns what an operator typed in Slack (mrkdwn with Slack's escapes and link markup) into plain text for the customer.</summary>
public static partial class SlackMarkup
{
    public static string ToPlainText(string? mrkdwn)
    {
        if (string.IsNullOrEmpty(mrkdwn)) return "";
        var text = SlackLink().Replace(mrkdwn, match =>
        {
            var target = match.Groups["target"].Value;
            var label = match.Groups["label"].Success ? match.Groups["label"].Value : null;
            return target[0] switch
            {
                '@' or '#' => "@" + (label ?? target[1..]),   // a mention: keep the readable name
                '!' => label ?? "@" + target[1..].Split('^')[0],
                _ => label is null || label == target ? target : $"{label} ({target})",
            };
        });
        // Slack escapes exactly these three; &amp; last so "&amp;lt;" stays "&lt;".
        return text.Replace("&lt;", "<", StringComparison.Ordinal).Replace("&gt;", ">", StringComparison.Ordinal).Replace("&amp;", "&", StringComparison.Ordinal).Trim();
    }

    [GeneratedRegex(@"<(?<target>[^<>|]+)(\|(?<label>[^<>]*))?>", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex SlackLink();
}
