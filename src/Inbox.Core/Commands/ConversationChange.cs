using Inbox.Core.Model;

namespace Inbox.Core.Commands;

/// <summary>The state after an operator command, with a one-line summary bridges can show.</summary>
public sealed record ConversationChange(Conversation Conversation, Contact Contact, string Summary, Message? Message = null);
