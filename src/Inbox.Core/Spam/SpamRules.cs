using System.Text.RegularExpressions;

namespace Inbox.Core.Spam;

/// <summary>Decides whether a new conversation looks like spam, and says which rule matched.</summary>
public sealed partial class SpamRules(SpamOptions options)
{
    private readonly Regex? _blocked = options.BlockedWordList.Count == 0 ? null
        : new Regex($@"(?<!\w)({string.Join('|', options.BlockedWordList.Select(Regex.Escape))})(?!\w)",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(200));

    /// <summary>Whether <see cref="Check"/> needs the number of conversations the visitor started lately.</summary>
    public bool CountsConversations => options.MaxConversationsPerHour > 0;

    /// <summary>The reason the first message of a conversation is spam, or null.</summary>
    /// <param name="startedWithinHour">How many conversations the visitor started in the last hour, this one included.</param>
    public string? Check(string text, int startedWithinHour)
    {
        if (options.MaxLinks > 0 && Links().Count(text) is var links && links > options.MaxLinks)
            return $"{links} links (more than {options.MaxLinks})";
        if (_blocked is not null)
        {
            try
            {
                if (_blocked.Match(text) is { Success: true } word) return $"the blocked word “{word.Value}”";
            }
            catch (RegexMatchTimeoutException)
            {
                return null;
            }
        }
        if (options.MaxConversationsPerHour > 0 && startedWithinHour > options.MaxConversationsPerHour)
            return $"{startedWithinHour} conversations within an hour (more than {options.MaxConversationsPerHour})";
        return null;
    }

    [GeneratedRegex(@"(https?://|www\.)\S+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex Links();
}
