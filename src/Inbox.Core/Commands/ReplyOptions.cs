namespace Inbox.Core.Commands;

/// <summary>How operators' replies leave, bound from the "Replies" section.</summary>
public sealed class ReplyOptions
{
    public const string Section = "Replies";

    /// <summary>Longest undo window accepted: a reply held longer keeps the customer waiting for nothing.</summary>
    public static readonly TimeSpan MaxUndoWindow = TimeSpan.FromMinutes(5);

    /// <summary>How long a reply waits before it leaves, so its author can undo or correct it; zero sends at once.</summary>
    public TimeSpan UndoWindow { get; set; } = TimeSpan.FromSeconds(5);

    public bool HoldsReplies => UndoWindow > TimeSpan.Zero;

    /// <summary>Returns what is wrong with these options, naming the key; empty when valid.</summary>
    public IEnumerable<string> Validate()
    {
        if (UndoWindow < TimeSpan.Zero || UndoWindow > MaxUndoWindow)
            yield return $"{Section}:UndoWindow must be between 00:00:00 (off) and {MaxUndoWindow:c} (e.g. 00:00:05).";
    }
}
