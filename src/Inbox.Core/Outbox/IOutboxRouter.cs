using Inbox.Core.Events;

namespace Inbox.Core.Outbox;

/// <summary>Turns inbox events into outbox messages for one destination (a channel or a bridge).</summary>
public interface IOutboxRouter
{
    void Route(InboxEvent inboxEvent, ICollection<OutboxMessage> outbox);
}
