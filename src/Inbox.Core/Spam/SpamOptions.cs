namespace Inbox.Core.Spam;

/// <summary>Simple rules that mark a new conversation as spam, bound from the "Spam" section; every rule is off until set.</summary>
public sealed class SpamOptions
{
    public const string Section = "Spam";

    /// <summary>A first message with more links than this is spam; 0 turns the rule off.</summary>
    public int MaxLinks { get; set; }
    /// <summary>Comma-separated words or phrases; a first message containing one (any case, whole words) is spam.</summary>
    public string BlockedWords { get; set; } = "";
    /// <summary>A visitor starting more conversations than this within an hour is spamming; 0 turns the rule off.</summary>
    public int MaxConversationsPerHour { get; set; }

    public IReadOnlyList<string> BlockedWordList =>
        BlockedWords.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public IEnumerable<string> Validate()
    {
        if (MaxLinks < 0) yield return $"{Section}:MaxLinks must not be negative (0 turns the rule off).";
        if (MaxConversationsPerHour < 0) yield return $"{Section}:MaxConversationsPerHour must not be negative (0 turns the rule off).";
    }
}
