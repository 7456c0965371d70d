using System.Collections.Concurrent;
using Inbox.Core.Events;
using Inbox.Core.Model;
using Inbox.Core.Outbox;

namespace Inbox.Storage.Tests;

/// <summary>A test destination: routes every customer message to the outbox and records what the dispatcher hands over.</summary>
/// <remarks>Like a real receiver it keeps one effect per idempotency key, and counts every call so tests can see redeliveries.</remarks>
public sealed class RecordingDestination : IOutboxRouter, IOutboxDeliverer
{
    public const string Name = "test";

    private readonly ConcurrentQueue<OutboxDelivery> _calls = new();
    private readonly ConcurrentDictionary<string, string> _effects = new();

    /// <summary>Decides each attempt's outcome; by default every attempt succeeds.</summary>
    public Func<OutboxDelivery, CancellationToken, Task<DeliveryResult>> Behaviour { get; set; } =
        (d, _) => Task.FromResult<DeliveryResult>(new DeliveryResult.Delivered($"ext-{d.IdempotencyKey}"));

    public string Destination => Name;

    /// <summary>Whether the outbox gives up on this destination after its attempts (see <see cref="IOutboxDeliverer.GivesUp"/>).</summary>
    public bool GivesUp { get; init; } = true;
    public IReadOnlyList<OutboxDelivery> Calls => _calls.ToList();
    /// <summary>Payloads that took effect, sorted.</summary>
    public IReadOnlyCollection<string> Effects => _effects.Values.Order(StringComparer.Ordinal).ToList();
    public int EffectCount => _effects.Count;

    public void Route(InboxEvent inboxEvent, ICollection<OutboxMessage> outbox)
    {
        if (inboxEvent is MessageAdded { Message.Direction: MessageDirection.FromCustomer } added)
            outbox.Add(new OutboxMessage(Name, OutboxMessage.ConversationPartition(added.Conversation.Id),
                $"test:{added.Message.Id}", added.Message.Text, added.Message.Id));
    }

    public async Task<DeliveryResult> DeliverAsync(OutboxDelivery delivery, CancellationToken cancellationToken)
    {
        _calls.Enqueue(delivery);
        var result = await Behaviour(delivery, cancellationToken);
        if (result is DeliveryResult.Delivered) _effects.TryAdd(delivery.IdempotencyKey, delivery.Payload);
        return result;
    }

    /// <summary>Records an effect without reporting success: what a receiver sees when the sender dies right after sending.</summary>
    public void TakeEffect(OutboxDelivery delivery) => _effects.TryAdd(delivery.IdempotencyKey, delivery.Payload);
}
