namespace Inbox.Storage.Outbox;

/// <summary>How the outbox dispatcher delivers, bound from the "Outbox" section.</summary>
public sealed class OutboxOptions
{
    public const string Section = "Outbox";

    /// <summary>False keeps the dispatcher from starting (maintenance, tests of crash recovery).</summary>
    public bool DispatcherEnabled { get; set; } = true;
    /// <summary>How often the dispatcher looks for due retries when nothing wakes it.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);
    /// <summary>Most rows read per round.</summary>
    public int BatchSize { get; set; } = 200;
    /// <summary>Most deliveries in flight at once (each to a different conversation).</summary>
    public int Parallelism { get; set; } = 8;
    /// <summary>Attempts before a message is parked as dead.</summary>
    public int MaxAttempts { get; set; } = 12;
    /// <summary>Attempts before a message that keeps being throttled (429) is parked as dead; throttling is temporary, so this is far above <see cref="MaxAttempts"/>.</summary>
    public int MaxThrottledAttempts { get; set; } = 200;
    /// <summary>First retry delay; it doubles per attempt, with jitter, up to <see cref="MaxDelay"/>.</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(1);
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromMinutes(5);
    /// <summary>Longest a single delivery may take before it counts as a failed attempt.</summary>
    public TimeSpan DeliveryTimeout { get; set; } = TimeSpan.FromSeconds(30);

    public IEnumerable<string> Validate()
    {
        if (PollInterval <= TimeSpan.Zero) yield return $"{Section}:PollInterval must be positive.";
        if (BatchSize is < 1 or > 10_000) yield return $"{Section}:BatchSize must be between 1 and 10000.";
        if (Parallelism is < 1 or > 256) yield return $"{Section}:Parallelism must be between 1 and 256.";
        if (MaxAttempts < 1) yield return $"{Section}:MaxAttempts must be at least 1.";
        if (MaxThrottledAttempts < MaxAttempts) yield return $"{Section}:MaxThrottledAttempts must not be below MaxAttempts.";
        if (BaseDelay <= TimeSpan.Zero) yield return $"{Section}:BaseDelay must be positive.";
        if (MaxDelay < BaseDelay) yield return $"{Section}:MaxDelay must not be shorter than BaseDelay.";
        if (DeliveryTimeout <= TimeSpan.Zero) yield return $"{Section}:DeliveryTimeout must be positive.";
    }
}
