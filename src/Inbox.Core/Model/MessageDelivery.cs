namespace Inbox.Core.Model;

/// <summary>Where a message was delivered and the id the destination gave it (Slack ts, Teams activity id, ...).</summary>
public sealed class MessageDelivery
{
    private MessageDelivery() { Destination = ""; ExternalId = ""; }

    public MessageDelivery(long messageId, string destination, string externalId, DateTimeOffset deliveredAt)
    {
        MessageId = messageId;
        Destination = destination;
        ExternalId = externalId;
        DeliveredAt = deliveredAt;
    }

    public long MessageId { get; private set; }
    public string Destination { get; private set; }
    public string ExternalId { get; private set; }
    public DateTimeOffset DeliveredAt { get; private set; }
}
