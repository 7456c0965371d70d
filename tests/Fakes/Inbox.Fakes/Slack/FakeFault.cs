namespace Inbox.Fakes.Slack;

/// <summary>A failure the fake answers with instead of doing the call (see <see cref="FakeSlack.FailNext"/>).</summary>
public abstract record FakeFault
{
    private protected FakeFault() { }

    /// <summary>HTTP 429, <c>Retry-After</c> in whole seconds (rounded up), body <c>{"ok":false,"error":"ratelimited"}</c>.</summary>
    public static FakeFault RateLimited(TimeSpan retryAfter) => new RateLimitedFault(retryAfter);

    /// <summary>HTTP 500 with a plain-text body, as a broken edge would send.</summary>
    public static FakeFault ServerError { get; } = new ServerErrorFault();

    /// <summary>Waits <paramref name="delay"/> (on the fake's clock) before handling the call; if the client has given up by then, nothing happens.</summary>
    public static FakeFault Timeout(TimeSpan delay) => new TimeoutFault(delay);

    /// <summary>Does the call, then answers HTTP 502 as a failing proxy would: the work is done but the caller never learns it.</summary>
    public static FakeFault AnswerLost { get; } = new AnswerLostFault();

    /// <summary>HTTP 200 with <c>{"ok":false,"error":slackError}</c>, e.g. <c>channel_not_found</c> or <c>internal_error</c>.</summary>
    public static FakeFault Error(string slackError) => new SlackErrorFault(slackError);
}

internal sealed record RateLimitedFault(TimeSpan RetryAfter) : FakeFault;

internal sealed record ServerErrorFault : FakeFault;

internal sealed record TimeoutFault(TimeSpan Delay) : FakeFault;

internal sealed record SlackErrorFault(string SlackError) : FakeFault;

internal sealed record AnswerLostFault : FakeFault;
