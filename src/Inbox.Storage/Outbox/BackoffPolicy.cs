namespace Inbox.Storage.Outbox;

/// <summary>Exponential backoff with jitter; a destination's own Retry-After wins when it is longer.</summary>
public sealed class BackoffPolicy(OutboxOptions options, Random random)
{
    public TimeSpan DelayAfter(int attempt, TimeSpan? retryAfter)
    {
        var exponent = Math.Min(attempt - 1, 30);
        var ceiling = Math.Min(options.BaseDelay.TotalMilliseconds * Math.Pow(2, exponent), options.MaxDelay.TotalMilliseconds);
        // "Equal jitter": half fixed, half random, so retries of many rows spread out but never collapse to zero.
        var delay = TimeSpan.FromMilliseconds(ceiling / 2 + random.NextDouble() * ceiling / 2);
        return retryAfter is { } asked && asked > delay ? asked : delay;
    }
}
