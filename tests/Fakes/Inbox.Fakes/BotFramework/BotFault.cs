namespace Inbox.Fakes.BotFramework;

/// <summary>A failure the fake answers with instead of doing the call (see <see cref="FakeBotFramework.FailNext"/>).</summary>
public abstract record BotFault
{
    private protected BotFault() { }

    /// <summary>HTTP 429; <c>Retry-After</c> in whole seconds (rounded up, never 0) when <paramref name="retryAfter"/> is given, no header otherwise.</summary>
    public static BotFault TooManyRequests(TimeSpan? retryAfter) => new TooManyRequestsFault(retryAfter);

    /// <summary>HTTP 412 with an ErrorResponse; Microsoft's rate-limit guidance lists it among the statuses to retry.</summary>
    public static BotFault PreconditionFailed { get; } = new StatusFault(412);

    /// <summary>HTTP 502 with a plain-text body, as a failing edge would send.</summary>
    public static BotFault BadGateway { get; } = new StatusFault(502);

    /// <summary>HTTP 504 with a plain-text body.</summary>
    public static BotFault GatewayTimeout { get; } = new StatusFault(504);

    /// <summary>Waits <paramref name="delay"/> (on the fake's clock) before handling the call; if the client has given up by then, nothing happens.</summary>
    public static BotFault Timeout(TimeSpan delay) => new TimeoutFault(delay);

    /// <summary>Does the call, then answers HTTP 502: the work is done but the caller never learns it.</summary>
    public static BotFault AnswerLost { get; } = new AnswerLostFault();
}

internal sealed record TooManyRequestsFault(TimeSpan? RetryAfter) : BotFault;

internal sealed record StatusFault(int Status) : BotFault;

internal sealed record TimeoutFault(TimeSpan Delay) : BotFault;

internal sealed record AnswerLostFault : BotFault;
