using Inbox.Core.Model;

namespace Inbox.Core.Commands;

/// <summary>A customer's message as a channel adapter received it.</summary>
/// <param name="From">Who wrote it, as the channel knows them.</param>
/// <param name="ConversationId">The conversation it belongs to when the channel knows (widget chat, email thread).</param>
/// <param name="StartNewConversation">Always start a new conversation (the widget's "new chat").</param>
/// <param name="ExternalId">The channel's unique id for this message, so a repeat is stored once; scoped by the adapter.</param>
/// <param name="Site">Widget site or mailbox it arrived through.</param>
/// <param name="Subject">The topic of a new conversation (an email's subject).</param>
public sealed record IncomingMessage(
    ContactIdentity From,
    string Text,
    long? ConversationId = null,
    bool StartNewConversation = false,
    ContactProfile? Profile = null,
    IReadOnlyList<Attachment>? Attachments = null,
    string? ExternalId = null,
    string? Site = null,
    string? Subject = null);

/// <summary>The stored result of <see cref="IncomingMessage"/>.</summary>
public sealed record ReceivedMessage(Conversation Conversation, Contact Contact, Message Message, bool IsDuplicate, bool StartedConversation);
