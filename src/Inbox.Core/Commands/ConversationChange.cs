using Inbox.Core.Model;

namespace Inbox.Core.Commands;

/// <summary>The state after an operator command, with a one-line summary bridges can show.</summary>
public sealed record ConversationChange(Conversation Conversation, Contact Contact, string Summary, Message? Message = null)
{
    /// <summary>The same request again (a repeated Slack event, Teams activity or form): nothing new was written, so bridges add nothing either.</summary>
    public bool IsRepeat { get; init; }
}
