using Inbox.Core.Events;
using Inbox.Core.Model;
using Inbox.Core.Outbox;
using Inbox.Core.Storage;

namespace Inbox.Core.Commands;

/// <summary>Lines Inbox writes into a conversation's history about what happened to it, routed like any other message.</summary>
internal static class SystemLines
{
    /// <summary>Adds <paramref name="text"/> to the conversation's history and routes it (threads, and the customer unless internal).</summary>
    public static Message Add(
        IInboxUnitOfWork uow, OutboxRouting routing, Conversation conversation, Contact contact, string text, DateTimeOffset now,
        bool isInternal, Guid? authorId = null, string? authorName = null)
    {
        var line = new Message(uow.NextMessageId(), conversation.Id, MessageDirection.System, text, now, authorId, authorName, isInternal: isInternal);
        uow.Add(line);
        routing.Publish(uow, new MessageAdded(conversation, contact, line, now));
        return line;
    }
}
