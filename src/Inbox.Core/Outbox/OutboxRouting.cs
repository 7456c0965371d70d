using Inbox.Core.Events;
using Inbox.Core.Storage;

namespace Inbox.Core.Outbox;

/// <summary>Hands each event to every registered router and enqueues what they produce in the same unit of work.</summary>
public sealed class OutboxRouting(IEnumerable<IOutboxRouter> routers)
{
    private readonly IOutboxRouter[] _routers = routers.ToArray();

    public void Publish(IInboxUnitOfWork unitOfWork, InboxEvent inboxEvent)
    {
        var produced = new List<OutboxMessage>();
        foreach (var router in _routers)
            router.Route(inboxEvent, produced);
        foreach (var message in produced)
            unitOfWork.Enqueue(message);
    }
}
