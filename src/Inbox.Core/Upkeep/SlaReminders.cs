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
        foreach (var conversation in await queries.GetWaitingSinceAsync(now - thresholds[0], Batch, cancellationToken))
        {
            var waited = now - conversation.WaitingSince!.Value;
            // The highest threshold passed; thresholds skipped while Inbox was down are not sent one by one.
            var stage = thresholds.Count(t => waited >= t);
            if (stage <= conversation.RemindersSent) continue;
            var result = await upkeep.RemindAsync(conversation.Id, stage, thresholds[stage - 1], cancellationToken);
            if (result.Succeeded) sent++;
        }
        return sent;
    }
}
