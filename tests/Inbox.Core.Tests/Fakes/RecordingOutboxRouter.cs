using Inbox.Core.Events;
using Inbox.Core.Outbox;

namespace Inbox.Core.Tests.Fakes;

/// <summary>An outbox router that remembers every event it saw and asks for one delivery per event to its destination.</summary>
public sealed class RecordingOutboxRouter(string destination = "recording") : IOutboxRouter
{
    private readonly List<RoutedEvent> _routed = [];
    private int _sequence;

    public string Destination { get; } = destination;

    /// <summary>Events in the order they were routed, with what they said about silence at that moment.</summary>
    public IReadOnlyList<RoutedEvent> Routed => _routed;

    public IReadOnlyList<InboxEvent> Events => _routed.Select(r => r.Event).ToList();

    public IEnumerable<T> EventsOf<T>() where T : InboxEvent => Events.OfType<T>();

    /// <summary>Whether the event was silenced when it was routed (events hold live entities, so later reads may differ).</summary>
    public bool WasSilenced(InboxEvent inboxEvent) => _routed.Single(r => ReferenceEquals(r.Event, inboxEvent)).IsSilenced;

    public void Route(InboxEvent inboxEvent, ICollection<OutboxMessage> outbox)
    {
        _routed.Add(new RoutedEvent(inboxEvent, inboxEvent.IsSilenced));
        _sequence++;
        outbox.Add(new OutboxMessage(
            Destination,
            OutboxMessage.ConversationPartition(inboxEvent.Conversation.Id),
            $"{Destination}:{_sequence}",
            inboxEvent.GetType().Name,
            (inboxEvent as MessageAdded)?.Message.Id));
    }

    /// <summary>Forgets the events seen so far, so a test can look at what one command caused.</summary>
    public void Clear() => _routed.Clear();
}

/// <summary>One event as a router received it.</summary>
public sealed record RoutedEvent(InboxEvent Event, bool IsSilenced);
