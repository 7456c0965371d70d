using System.Text;

namespace Inbox.Channels.Email.Text;

/// <summary>Final clean-up of text taken from a mail: unified line ends, no control or invisible characters, no trailing spaces, at most one blank line in a row.</summary>
public static class PlainText
{
    public static string Tidy(string text)
    {
        var clean = new StringBuilder(text.Length);
        foreach (var c in text.ReplaceLineEndings("\n"))
        {
            if (c == '\u00A0') clean.Append(' ');
            else if (c is '\n' or '\t' || !(char.IsControl(c) || c is '\u200B' or '\uFEFF' or '\u200E' or '\u200F')) clean.Append(c);
        }
        var lines = clean.ToString().Split('\n').Select(l => l.TrimEnd());
        var result = new StringBuilder(clean.Length);
        var blank = 0;
        foreach (var line in lines)
        {
            blank = line.Length == 0 ? blank + 1 : 0;
            if (blank > 1) continue;
            result.Append(line).Append('\n');
        }
        return result.ToString().Trim('\n', ' ');
    }
}
