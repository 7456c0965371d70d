using System.Text.RegularExpressions;

namespace Inbox.Channels.Email.Text;

/// <summary>Subjects as conversations keep them ("Re:", "Fwd:" and their translations stripped) and as replies carry them ("Re: " once).</summary>
public static partial class SubjectLine
{
    /// <summary>The topic of a new conversation: the subject without reply and forward prefixes; null when nothing is left.</summary>
    public static string? ForConversation(string? subject)
    {
        if (string.IsNullOrWhiteSpace(subject)) return null;
        var topic = Spaces().Replace(Prefixes().Replace(subject.Trim(), ""), " ").Trim();
        return topic.Length > 0 ? topic : null;
    }

    /// <summary>The subject of a reply in a conversation about <paramref name="topic"/>: "Re: " in front, never twice.</summary>
    public static string ForReply(string? topic)
    {
        var subject = Spaces().Replace(topic?.Trim() ?? "", " ");
        if (subject.Length == 0) return "Re: your message";
        return ReplyPrefix().IsMatch(subject) ? subject : "Re: " + subject;
    }

    // Re, Fwd, Fw and the common translations (Aw, Wg, Sv, Vs, Antw, Rif, Tr), also as "Re[2]:" or "RE :" and repeated.
    [GeneratedRegex(@"^(\s*(re|fwd?|aw|wg|sv|vs|antw|rif|tr)\s*(\[\d+\]|\(\d+\))?\s*:)+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Prefixes();

    [GeneratedRegex(@"^re\s*(\[\d+\]|\(\d+\))?\s*:", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ReplyPrefix();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
