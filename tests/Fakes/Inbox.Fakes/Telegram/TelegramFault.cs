namespace Inbox.Fakes.Telegram;

/// <summary>A failure the fake answers with instead of doing the call (see <see cref="FakeTelegram.FailNext"/>).</summary>
public abstract record TelegramFault
{
    private protected TelegramFault() { }

    /// <summary>HTTP 429 with <c>{"ok":false,"error_code":429,"description":"Too Many Requests: retry after N","parameters":{"retry_after":N}}</c>.</summary>
    public static TelegramFault TooManyRequests(int retryAfterSeconds) => new TooManyRequestsFault(retryAfterSeconds);

    /// <summary>HTTP 500 with Telegram's JSON error envelope.</summary>
    public static TelegramFault ServerError { get; } = new ErrorFault(500, "Internal Server Error");

    /// <summary>HTTP 502 with a plain-text body, as a failing proxy in front of Telegram would send.</summary>
    public static TelegramFault BadGateway { get; } = new BadGatewayFault();

    /// <summary>HTTP 403 "Forbidden: bot was blocked by the user".</summary>
    public static TelegramFault BotBlocked { get; } = new ErrorFault(403, "Forbidden: bot was blocked by the user");

    /// <summary>Any Bot API error: HTTP <paramref name="code"/> with <c>error_code</c> and <c>description</c>.</summary>
    public static TelegramFault Error(int code, string description) => new ErrorFault(code, description);

    /// <summary>Waits <paramref name="delay"/> before handling the call; a client that gave up by then gets nothing.</summary>
    public static TelegramFault Timeout(TimeSpan delay) => new TimeoutFault(delay);
}

internal sealed record TooManyRequestsFault(int RetryAfterSeconds) : TelegramFault;

internal sealed record ErrorFault(int Code, string Description) : TelegramFault;

internal sealed record BadGatewayFault : TelegramFault;

internal sealed record TimeoutFault(TimeSpan Delay) : TelegramFault;
