namespace Inbox.Core.Commands.Text;

/// <summary>The verbs operators type in Slack and Teams.</summary>
public enum CommandVerb
{
    Help,
    You,
    Open,
    All,
    Closed,
    /// <summary>"spam" alone lists the Spam view; "spam #123" marks a conversation (see <see cref="MarkSpam"/>).</summary>
    Spam,
    MarkSpam,
    Assign,
    Transfer,
    Join,
    Close,
    Reopen,
    Block,
    Unblock,
    Note,
    Tag,
    Untag,
    Details,
    History,
    Search,
    /// <summary>"status" shows the operator's own status; "status away" (or online, offline), optionally with a capacity, sets it.</summary>
    Status,
    /// <summary>"move #123 #channel" (Slack) or "move #123" in the channel that should take it (Teams): the thread moves there.</summary>
    Move,
    /// <summary>"routes" lists the routing rules in order.</summary>
    Routes,
}
