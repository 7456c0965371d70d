using System.Globalization;
using Inbox.Core.Outbox;

namespace Inbox.Channels.Telegram.Outbound;

/// <summary>Keeps sends near Telegram's published pace (about one message per second per chat, with short bursts; 30 per second per bot), so they wait instead of being refused.</summary>
public sealed class TelegramPacing(TimeProvider time)
{
    private const string Bot = "bot";

    private readonly RatePacer _perChat = new(time, TimeSpan.FromSeconds(1), burst: 3);
    private readonly RatePacer _perBot = new(time, TimeSpan.FromSeconds(1.0 / 30), burst: 30);

    public async Task WaitTurnAsync(long chatId, CancellationToken cancellationToken)
    {
        await _perChat.WaitTurnAsync(chatId.ToString(CultureInfo.InvariantCulture), cancellationToken);
        await _perBot.WaitTurnAsync(Bot, cancellationToken);
    }
}
