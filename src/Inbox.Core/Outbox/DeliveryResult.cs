namespace Inbox.Core.Outbox;

/// <summary>What a deliverer reports back to the dispatcher.</summary>
public abstract record DeliveryResult
{
    private DeliveryResult() { }

    /// <summary>Done; <paramref name="ExternalId"/> is what the destination called it (Slack ts, ...).</summary>
    public sealed record Delivered(string? ExternalId = null) : DeliveryResult;

    /// <summary>A transient failure: try again later (after <paramref name="After"/> when the destination said so).</summary>
    /// <param name="Throttled">The destination asked to slow down (HTTP 429): nothing failed, so the attempt does not bring the message nearer to being given up.</param>
    public sealed record Retry(string Reason, TimeSpan? After = null, bool Throttled = false) : DeliveryResult;

    /// <summary>A permanent failure: retrying cannot help; the message is parked as dead.</summary>
    public sealed record Rejected(string Reason) : DeliveryResult;

    public static DeliveryResult Done(string? externalId = null) => new Delivered(externalId);
}
