namespace Inbox.Core;

/// <summary>Rules of the inbox itself, bound from the "Inbox" configuration section.</summary>
public sealed class InboxOptions
{
    public const string Section = "Inbox";

    /// <summary>An open conversation with no message for this long counts as inactive.</summary>
    public TimeSpan InactiveAfter { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Longest message text accepted from anyone, in characters.</summary>
    public int MaxMessageLength { get; set; } = 5000;

    /// <summary>Returns what is wrong with these options, naming the key; empty when valid.</summary>
    public IEnumerable<string> Validate()
    {
        if (InactiveAfter <= TimeSpan.Zero)
            yield return $"{Section}:InactiveAfter must be a positive time span (e.g. 00:30:00).";
        if (MaxMessageLength is < 1 or > 100_000)
            yield return $"{Section}:MaxMessageLength must be between 1 and 100000.";
    }
}
