using System.Globalization;
using Inbox.Core.Outbox;

namespace Inbox.Channels.Telegram.Outbound;

/// <summary>Keeps sends near Telegram's published pace (about one message per second per chat, with short bursts; 30 per second per bot), so they wait instead of being refused.</summary>
public sealed class TelegramPacing(TimeProvider time)
{
    private const string Bot = "bot";

    private readonly RatePacer _perChat = new(time, TimeSpan.FromSeconds(1), burst: 3);
    private readonly RatePacer _perBot = new(time, TimeSpan.FromSeconds(1.0 / 30), burst: 30);
    private long _pausedUntilTicks;

    /// <summary>Telegram said "retry after": its flood limit is the bot's, so every chat waits, not just the one refused.</summary>
    public void PauseFor(TimeSpan retryAfter)
    {
        var until = (time.GetUtcNow() + retryAfter).UtcTicks;
        long seen;
        while ((seen = Interlocked.Read(ref _pausedUntilTicks)) < until && Interlocked.CompareExchange(ref _pausedUntilTicks, until, seen) != seen) { }
    }

    public async Task WaitTurnAsync(long chatId, CancellationToken cancellationToken)
    {
        var pause = new DateTimeOffset(Interlocked.Read(ref _pausedUntilTicks), TimeSpan.Zero) - time.GetUtcNow();
        if (pause > TimeSpan.Zero) await Task.Delay(pause, time, cancellationToken);
        await _perChat.WaitTurnAsync(chatId.ToString(CultureInfo.InvariantCulture), cancellationToken);
        await _perBot.WaitTurnAsync(Bot, cancellationToken);
    }
}
