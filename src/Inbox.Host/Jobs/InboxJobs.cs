using Inbox.Core.Distribution;
using Inbox.Core.Upkeep;
using Inbox.Storage.Outbox;
using Inbox.Storage.Queries;
using Quartz;

namespace Inbox.Host.Jobs;

/// <summary>Reminds threads about customers waiting longer than each SLA threshold.</summary>
[DisallowConcurrentExecution]
public sealed class SlaReminderJob(SlaReminders reminders, ILogger<SlaReminderJob> logger) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var sent = await reminders.RunAsync(cancellationToken);
        if (sent > 0) logger.LogInformation("Sent {Count} SLA reminders", sent);
    }
}

/// <summary>Closes conversations that have been idle for the configured time.</summary>
[DisallowConcurrentExecution]
public sealed class AutoCloseJob(IdleConversationCloser closer, ILogger<AutoCloseJob> logger) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var closed = await closer.RunAsync(cancellationToken);
        if (closed > 0) logger.LogInformation("Closed {Count} idle conversations", closed);
    }
}

/// <summary>Removes long-delivered outbox rows and wakes the dispatcher; on PostgreSQL also folds the counter rows of ended sessions.</summary>
[DisallowConcurrentExecution]
public sealed class OutboxSweepJob(OutboxSweeper sweeper, CounterShardFolder counters, UpkeepOptions options, ILogger<OutboxSweepJob> logger) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var removed = await sweeper.SweepAsync(options.KeepDeliveredOutboxFor, cancellationToken);
        if (removed > 0) logger.LogInformation("Removed {Count} delivered outbox rows", removed);
        var folded = await counters.FoldEndedAsync(cancellationToken);
        if (folded > 0) logger.LogInformation("Folded {Count} view counter rows of ended database sessions", folded);
    }
}

/// <summary>Offers waiting conversations to operators again (changes trigger passes; this catches anything missed).</summary>
[DisallowConcurrentExecution]
public sealed class DistributionJob(Distributor distributor) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default) =>
        await distributor.AssignWaitingAsync(cancellationToken);
}
