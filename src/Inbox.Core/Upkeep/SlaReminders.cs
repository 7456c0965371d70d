using Inbox.Core.Views;

namespace Inbox.Core.Upkeep;

/// <summary>Finds customers waiting longer than each threshold and reminds their conversation's thread, once per threshold and wait.</summary>
public sealed class SlaReminders(IInboxQueries queries, ConversationUpkeep upkeep, UpkeepOptions options, TimeProvider time)
{
    private const int Batch = 500;

    /// <summary>Sends the reminders due now; returns how many went out.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var thresholds = options.ReminderThresholds;
        if (thresholds.Count == 0) return 0;
        var now = time.GetUtcNow();
        var sent = 0;
        // Longest threshold first: a wait past several thresholds (Inbox was down) gets the highest one only; each query
        // returns only conversations that still need that reminder, so ones already reminded never crowd out the rest.
        for (var stage = thresholds.Count; stage >= 1; stage--)
        {
            foreach (var conversation in await queries.GetWaitingSinceAsync(now - thresholds[stage - 1], stage, Batch, cancellationToken))
                if ((await upkeep.RemindAsync(conversation.Id, stage, thresholds[stage - 1], cancellationToken)).Succeeded) sent++;
        }
        return sent;
    }
}
