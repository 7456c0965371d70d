namespace Inbox.Core.Routing;

/// <summary>What an operator's reply in a conversation's Slack or Teams thread does.</summary>
public enum ThreadMode
{
    /// <summary>Every thread reply goes to the customer; a reply starting with the note prefix is a note.</summary>
    TwoWay,
    /// <summary>Every thread reply is a note; only one starting with the send prefix, or sent with the Reply button, reaches the customer.</summary>
    NotesByDefault,
    /// <summary>The thread only announces; replies in it are notes and the operator is told where to answer.</summary>
    AlertsOnly,
}

public static class ThreadModes
{
    /// <summary>The spelling used in configuration, in <c>/inbox routes</c> and in thread roots.</summary>
    public static string Name(this ThreadMode mode) => mode switch
    {
        ThreadMode.TwoWay => "two-way",
        ThreadMode.NotesByDefault => "notes-by-default",
        ThreadMode.AlertsOnly => "alerts-only",
        _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, null),
    };

    /// <summary>Reads "two-way", "notes-by-default" or "alerts-only" (any case; "TwoWay" style too).</summary>
    public static bool TryParse(string? text, out ThreadMode mode)
    {
        var key = (text ?? "").Trim().Replace("-", "").Replace("_", "").ToLowerInvariant();
        (var known, mode) = key switch
        {
            "twoway" => (true, ThreadMode.TwoWay),
            "notesbydefault" => (true, ThreadMode.NotesByDefault),
            "alertsonly" => (true, ThreadMode.AlertsOnly),
            _ => (false, ThreadMode.TwoWay),
        };
        return known;
    }
}
