using System.Text.RegularExpressions;

namespace Inbox.Channels.Email.Text;

/// <summary>Cuts what a customer's mail repeats or appends by habit: quoted history, the "On … wrote:" line above it,
/// Outlook's "From: … Sent: …" header blocks, "-----Original Message-----", signatures after "-- ", and "Sent from my phone" lines.</summary>
/// <remarks>When trimming would leave nothing (a mail that is all quote, a forward), the text is kept whole.</remarks>
public static partial class QuotedTextTrimmer
{
    public static string Trim(string text)
    {
        var whole = PlainText.Tidy(text);
        var lines = whole.Split('\n');
        var end = lines.Length;
        for (var i = 0; i < lines.Length && end == lines.Length; i++)
        {
            if (IsSignatureSeparator(lines[i]) || OriginalMessage().IsMatch(lines[i])) end = i;
            else if (AttributionEndingAt(lines, i) is { } attribution) end = attribution;
            else if (IsOutlookHeaderBlock(lines, i)) end = RuleAbove(lines, i);
        }

        var kept = lines.Take(end).Where(line => !line.TrimStart().StartsWith('>')).ToList();
        while (kept.Count > 0 && (kept[^1].Trim().Length == 0 || SentFromDevice().IsMatch(kept[^1])))
            kept.RemoveAt(kept.Count - 1);
        var trimmed = PlainText.Tidy(string.Join('\n', kept));
        return trimmed.Length > 0 ? trimmed : whole;
    }

    /// <summary>RFC 3676's "-- " line; many clients drop its trailing space.</summary>
    private static bool IsSignatureSeparator(string line) => line is "-- " or "--";

    /// <summary>If an attribution ("On Mon, 1 Jan 2024, Ann &lt;ann@x&gt; wrote:", possibly wrapped over three lines)
    /// ends at line <paramref name="index"/> and quoted lines follow, the line it starts on.</summary>
    private static int? AttributionEndingAt(string[] lines, int index)
    {
        if (!lines[index].TrimEnd().EndsWith(':') || !QuoteFollows(lines, index + 1)) return null;
        for (var start = index; start >= Math.Max(0, index - 2); start--)
        {
            if (start < index && lines[start].Trim().Length == 0) break;
            var joined = string.Join(' ', lines[start..(index + 1)].Select(l => l.Trim()));
            if (Attribution().IsMatch(joined)) return start;
        }
        return null;
    }

    private static bool QuoteFollows(string[] lines, int from)
    {
        for (var i = from; i < lines.Length; i++)
        {
            var line = lines[i].TrimStart();
            if (line.Length > 0) return line.StartsWith('>');
        }
        return false;
    }

    /// <summary>Outlook's reply header: "From:" followed within a few lines by "Sent:"/"Date:" and "To:"/"Subject:".</summary>
    private static bool IsOutlookHeaderBlock(string[] lines, int index)
    {
        if (!HeaderFrom().IsMatch(lines[index])) return false;
        var window = lines.Skip(index + 1).Take(5).ToList();
        return window.Any(l => HeaderSent().IsMatch(l)) && window.Any(l => HeaderTo().IsMatch(l));
    }

    /// <summary>Outlook draws a rule (underscores or dashes) above its header block; the cut starts there.</summary>
    private static int RuleAbove(string[] lines, int index)
    {
        var above = index - 1;
        while (above >= 0 && lines[above].Trim().Length == 0) above--;
        return above >= 0 && Rule().IsMatch(lines[above]) ? above : index;
    }

    [GeneratedRegex(@"^\s*(On|Am|Le|El|Il|Op|Em|Den|På)\s.+\s(wrote|writes|schrieb|a écrit|escribió|ha scritto|schreef|escreveu|skrev)\s*:\s*$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Attribution();

    [GeneratedRegex(@"^\s*-{2,}\s*(Original Message|Ursprüngliche Nachricht|Message d'origine|Mensaje original)\s*-{2,}\s*$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex OriginalMessage();

    [GeneratedRegex(@"^\s*\*?(From|Von|De|Van|Da)\s*:\s*\*?\s*\S", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex HeaderFrom();

    [GeneratedRegex(@"^\s*\*?(Sent|Date|Gesendet|Datum|Envoyé|Enviado|Verzonden|Inviato)\s*:", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex HeaderSent();

    [GeneratedRegex(@"^\s*\*?(To|Subject|An|Betreff|À|Objet|Para|Asunto|Aan|Onderwerp|A|Oggetto)\s*:", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex HeaderTo();

    [GeneratedRegex(@"^\s*(_{8,}|-{8,})\s*$")]
    private static partial Regex Rule();

    [GeneratedRegex(@"^\s*(Sent from my \w[\w ]*|Sent from (Mail|Outlook) for \w+|Get Outlook for \w+|Von meinem \w[\w ]* gesendet|Envoyé de mon \w[\w ]*)\.?\s*$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SentFromDevice();
}
