namespace Inbox.Fakes.Slack;

/// <summary>
/// chat.postMessage's per-channel limit as a token bucket: <c>burst</c> posts at once, refilled at
/// <c>perSecond</c>; Slack documents about one post per second per channel with short bursts allowed.
/// </summary>
internal sealed class ChannelPostLimiter(int perSecond, int burst, TimeProvider time)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Bucket> _buckets = new(StringComparer.Ordinal);

    /// <summary>Takes one post from the channel's bucket; when it is empty, says how long until one is back.</summary>
    public bool TryTake(string channel, out TimeSpan retryAfter)
    {
        var now = time.GetUtcNow();
        lock (_gate)
        {
            if (!_buckets.TryGetValue(channel, out var bucket)) _buckets[channel] = bucket = new Bucket(burst, now);
            var refilled = Math.Min(burst, bucket.Tokens + (now - bucket.At).TotalSeconds * perSecond);
            if (refilled >= 1)
            {
                _buckets[channel] = new Bucket(refilled - 1, now);
                retryAfter = TimeSpan.Zero;
                return true;
            }

            _buckets[channel] = new Bucket(refilled, now);
            retryAfter = TimeSpan.FromSeconds((1 - refilled) / perSecond);
            return false;
        }
    }

    private readonly record struct Bucket(double Tokens, DateTimeOffset At);
}
