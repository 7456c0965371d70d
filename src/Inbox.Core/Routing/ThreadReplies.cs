namespace Inbox.Core.Routing;

/// <summary>What an operator's message in a conversation's Slack or Teams thread becomes under its route's thread mode.</summary>
/// <param name="IsNote">True: stored as an internal note the customer never sees; false: a reply that goes to the customer.</param>
/// <param name="Text">The text without the prefix that decided it.</param>
/// <param name="TellWhereToAnswer">The thread only announces (alerts-only): the author should be told, privately where the surface allows, how to answer.</param>
public sealed record ThreadReply(bool IsNote, string Text, bool TellWhereToAnswer = false);

/// <summary>Applies a route's thread mode (and the bridge's note prefixes) to a message written in a thread.</summary>
public static class ThreadReplies
{
    public static ThreadReply Read(Route route, IEnumerable<string> notePrefixes, string text)
    {
        var note = notePrefixes.OrderByDescending(p => p.Length).FirstOrDefault(p => text.StartsWith(p, StringComparison.OrdinalIgnoreCase));
        var send = text.StartsWith(route.SendPrefix, StringComparison.OrdinalIgnoreCase);
        string Without(string prefix) => text[prefix.Length..].Trim();
        return route.Mode switch
        {
            ThreadMode.NotesByDefault when send => new ThreadReply(false, Without(route.SendPrefix)),
            ThreadMode.NotesByDefault => new ThreadReply(true, note is null ? text.Trim() : Without(note)),
            ThreadMode.AlertsOnly => new ThreadReply(true, note is not null ? Without(note) : send ? Without(route.SendPrefix) : text.Trim(), TellWhereToAnswer: true),
            _ => note is not null ? new ThreadReply(true, Without(note)) : new ThreadReply(false, text),
        };
    }

    /// <summary>One line for the thread root: the route and what a reply in the thread does.</summary>
    public static string Explain(Route route) => route.Mode switch
    {
        ThreadMode.NotesByDefault => $"replies here are internal notes; start with {route.SendPrefix} or use Reply… to answer the customer",
        ThreadMode.AlertsOnly => "alerts only: replies here are internal notes; use Reply… to answer the customer",
        _ => "replies here go to the customer; start with the note prefix for an internal note",
    };
}
