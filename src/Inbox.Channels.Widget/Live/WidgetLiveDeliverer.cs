using System.Text.Json;
using Inbox.Core.Outbox;

namespace Inbox.Channels.Widget.Live;

/// <summary>Delivers widget pushes by nudging the visitor's open streams; repeats are harmless (streams read by message id).</summary>
public sealed class WidgetLiveDeliverer(WidgetLiveHub hub) : IOutboxDeliverer
{
    public string Destination => WidgetOutboxRouter.Destination;

    public Task<DeliveryResult> DeliverAsync(OutboxDelivery delivery, CancellationToken cancellationToken)
    {
        var push = JsonSerializer.Deserialize<WidgetPush>(delivery.Payload, WidgetPush.Json);
        if (push is null) return Task.FromResult<DeliveryResult>(new DeliveryResult.Rejected("Empty widget push payload."));
        hub.Publish(push.VisitorKey, new WidgetNotification(push.Kind, push.ConversationId, push.MessageId));
        return Task.FromResult(DeliveryResult.Done());
    }
}
