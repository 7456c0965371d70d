using System.Globalization;
using Inbox.Core.Outbox;

namespace Inbox.Core.Commands;

/// <summary>Delivers the outbox rows of held replies: each one, due when its undo window ends, releases its reply.</summary>
public sealed class HeldReplyReleaser(HeldReplies replies) : IOutboxDeliverer
{
    public string Destination => HeldReplies.Destination;

    /// <summary>A reply is never left held: a dead release row would keep it from the customer and stall their widget's live stream.</summary>
    public bool GivesUp => false;

    public async Task<DeliveryResult> DeliverAsync(OutboxDelivery delivery, CancellationToken cancellationToken)
    {
        if (!long.TryParse(delivery.Payload, NumberStyles.None, CultureInfo.InvariantCulture, out var messageId))
            return new DeliveryResult.Rejected("Unreadable release payload.");
        var left = await replies.ReleaseAsync(messageId, cancellationToken);
        return left is { } wait ? new DeliveryResult.Retry("The undo window has not ended yet.", wait, Throttled: true) : DeliveryResult.Done();
    }
}
