using Inbox.Core.Views;

namespace Inbox.Core.Upkeep;

/// <summary>Closes open conversations without activity for <see cref="UpkeepOptions.AutoCloseAfter"/>, each with a line the customer sees.</summary>
/// <remarks>A conversation whose customer still waits for a reply is never closed for being quiet: that wait is the SLA reminders' business.</remarks>
public sealed class IdleConversationCloser(IInboxQueries queries, ConversationUpkeep upkeep, UpkeepOptions options, TimeProvider time)
{
    private const int Batch = 500;

    /// <summary>Closes what is idle now; returns how many were closed.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        if (options.AutoCloseAfter <= TimeSpan.Zero) return 0;
        var idleSince = time.GetUtcNow() - options.AutoCloseAfter;
        var closed = 0;
        foreach (var id in await queries.GetIdleOpenAsync(idleSince, Batch, cancellationToken))
            if ((await upkeep.CloseIdleAsync(id, idleSince, options.AutoCloseAfter, cancellationToken)).Succeeded) closed++;
        return closed;
    }
}
