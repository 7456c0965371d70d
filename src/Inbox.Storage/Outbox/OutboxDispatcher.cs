using Inbox.Core.Model;
using Inbox.Core.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Inbox.Storage.Outbox;

/// <summary>Delivers committed outbox rows: oldest first, one at a time per partition, retried with backoff.</summary>
/// <remarks>
/// A row is marked delivered only after its deliverer said so; a crash in between means one more
/// delivery with the same idempotency key, which deliverers are required to absorb.
/// On PostgreSQL several hosts run a dispatcher against one outbox: each claims the heads it takes in a short
/// transaction (<c>FOR UPDATE SKIP LOCKED</c>), counting the attempt and pushing the row's next attempt past the
/// time its delivery may take, and commits that before anything goes out. The other hosts skip a row while it is
/// being claimed and find it not due after, so no row is delivered by two hosts; a host that dies mid-delivery
/// leaves the row to whoever comes once the claim has lapsed, told by the attempt count that one may have got through.
/// </remarks>
public sealed class OutboxDispatcher : BackgroundService
{
    private readonly IDbContextFactory<InboxDbContext> _contexts;
    private readonly Dictionary<string, IOutboxDeliverer> _deliverers;
    private readonly OutboxSignal _signal;
    private readonly OutboxOptions _options;
    private readonly BackoffPolicy _backoff;
    private readonly TimeProvider _time;
    private readonly ILogger<OutboxDispatcher> _logger;
    // Outcomes of deliveries made while the database went away: recorded first once it answers again.
    private IReadOnlyList<(OutboxRecord Row, DeliveryResult Result)>? _unrecorded;

    public OutboxDispatcher(
        IDbContextFactory<InboxDbContext> contexts,
        IEnumerable<IOutboxDeliverer> deliverers,
        OutboxSignal signal,
        IOptions<OutboxOptions> options,
        TimeProvider time,
        ILogger<OutboxDispatcher> logger)
    {
        _contexts = contexts;
        _deliverers = deliverers.ToDictionary(d => d.Destination, StringComparer.Ordinal);
        _signal = signal;
        _options = options.Value;
        _backoff = new BackoffPolicy(_options, new Random());
        _time = time;
        _logger = logger;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!_options.DispatcherEnabled)
        {
            _logger.LogWarning("Outbox dispatcher is disabled (Outbox:DispatcherEnabled=false); nothing will be delivered");
            return;
        }
        var failedRounds = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            int handled;
            try
            {
                handled = await DispatchOnceAsync(stoppingToken);
                if (failedRounds > 0) _logger.LogInformation("Outbox rounds work again after {FailedRounds} failed", failedRounds);
                failedRounds = 0;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception error)
            {
                // Logged in full once; while the database stays away every round fails the same way.
                if (failedRounds++ == 0) _logger.LogError(error, "Outbox round failed; trying again with growing pauses until one works");
                else _logger.LogDebug(error, "Outbox round {FailedRounds} in a row failed", failedRounds);
                handled = 0;
            }
            if (handled == 0)
            {
                // A new commit wakes the dispatcher at once: the database is back then.
                try { await _signal.WaitAsync(RoundPause(failedRounds), stoppingToken); }
                catch (OperationCanceledException) { return; }
            }
        }
    }

    /// <summary>The wait before the next round: the poll interval, doubled for each round in a row that failed, up to <see cref="MaxRoundPause"/>.</summary>
    public TimeSpan RoundPause(int failedRounds)
    {
        if (failedRounds <= 0) return _options.PollInterval;
        var pause = _options.PollInterval * Math.Pow(2, Math.Min(failedRounds - 1, 16));
        return pause < MaxRoundPause ? pause : TimeSpan.FromTicks(Math.Max(MaxRoundPause.Ticks, _options.PollInterval.Ticks));
    }

    /// <summary>The longest pause between failed rounds: a database that is back is used within this long (at once when a write wakes the dispatcher).</summary>
    public static readonly TimeSpan MaxRoundPause = TimeSpan.FromSeconds(5);

    /// <summary>Delivers every row that is due and at the head of its partition; returns how many it tried.</summary>
    public async Task<int> DispatchOnceAsync(CancellationToken cancellationToken)
    {
        if (_unrecorded is { } earlier)
        {
            // These were delivered (or tried) already; recording them now spares the destinations a second delivery.
            // Only rows still as the claim left them are recorded: after a long outage another host may have claimed a
            // row again and recorded its own outcome, which stands. Any other failure here is logged and the rest left to
            // the claims' lapse (deliverers absorb a repeat), so it never holds up dispatching.
            _unrecorded = null;
            try
            {
                await RecordAsync(earlier, onlyIfStillClaimed: true, cancellationToken);
            }
            catch (Exception error) when (Resilience.DatabaseOutage.IsUnavailable(error))
            {
                _unrecorded = earlier;
                throw;
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                _logger.LogError(error, "Could not record {Count} deliveries made while the database was away; they are tried again once their claims lapse", earlier.Count);
            }
        }
        List<OutboxRecord> due;
        await using (var db = await _contexts.CreateDbContextAsync(cancellationToken))
        {
            if (db.Database.IsNpgsql())
                due = await ClaimDueHeadsAsync(db, cancellationToken);
            else
            {
                due = await LoadDueHeadsAsync(db, cancellationToken);
                if (due.Count > 0) await MarkAttemptsStartedAsync(db, due, cancellationToken);
            }
        }
        if (due.Count == 0) return 0;

        var outcomes = new (OutboxRecord Row, DeliveryResult Result)[due.Count];
        // A stop cuts off the deliveries still running (they are tried again after the restart, with the same keys), but
        // not the loop: a delivery that has ended is recorded below.
        await Parallel.ForEachAsync(
            Enumerable.Range(0, due.Count),
            new ParallelOptions { MaxDegreeOfParallelism = _options.Parallelism },
            async (i, _) => outcomes[i] = (due[i], await DeliverAsync(due[i], cancellationToken)));

        try
        {
            // Not cancelled by the host stopping: these deliveries were made, and a row left unrecorded would be delivered
            // again after the restart (a deploy would repeat every delivery in flight). The write has its own timeout.
            await RecordAsync(outcomes, onlyIfStillClaimed: false, CancellationToken.None);
        }
        catch (Exception error) when (Resilience.DatabaseOutage.IsUnavailable(error))
        {
            // Kept instead of left to the claim's lapse, after which each row would be delivered again.
            _unrecorded = outcomes;
            throw;
        }
        return due.Count;
    }

    /// <summary>How long a claimed row is left alone by other hosts: enough for its delivery to end, attempt timeout included.</summary>
    public TimeSpan ClaimDuration => _options.DeliveryTimeout * 2;

    private async Task<List<OutboxRecord>> LoadDueHeadsAsync(InboxDbContext db, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        return await db.Outbox.AsNoTracking()
            .Where(o => o.State == OutboxState.Pending && o.NextAttemptAt <= now)
            .Where(o => !db.Outbox.Any(p => p.State == OutboxState.Pending && p.PartitionKey == o.PartitionKey && p.Id < o.Id))
            .OrderBy(o => o.Id)
            .Take(_options.BatchSize)
            .ToListAsync(cancellationToken);
    }

    // Counted before the calls go out: after a crash mid-delivery the next attempt knows an earlier one
    // may have reached the destination, and a deliverer that can look (Slack) checks before sending again.
    private static async Task MarkAttemptsStartedAsync(InboxDbContext db, List<OutboxRecord> due, CancellationToken cancellationToken)
    {
        var ids = due.Select(r => r.Id).ToList();
        await db.Outbox.Where(o => ids.Contains(o.Id)).ExecuteUpdateAsync(set => set.SetProperty(o => o.Attempts, o => o.Attempts + 1), cancellationToken);
    }

    // PostgreSQL: the same heads, claimed. At most Parallelism rows, so each starts at once and ends (DeliveryTimeout)
    // well inside its claim; rows another host is claiming right now are skipped, and once it has committed its claim
    // they are no longer due. The heads' rule (no earlier pending row in the partition) keeps a partition on one host.
    private async Task<List<OutboxRecord>> ClaimDueHeadsAsync(InboxDbContext db, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        var until = now + ClaimDuration;
        var limit = Math.Min(_options.BatchSize, _options.Parallelism);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var claimed = await db.Outbox.FromSql($"""
            SELECT * FROM "Outbox" AS o
            WHERE o."State" = {(int)OutboxState.Pending} AND o."NextAttemptAt" <= {now.UtcTicks}
              AND NOT EXISTS (SELECT 1 FROM "Outbox" AS p
                              WHERE p."State" = {(int)OutboxState.Pending} AND p."PartitionKey" = o."PartitionKey" AND p."Id" < o."Id")
            ORDER BY o."Id"
            LIMIT {limit}
            FOR UPDATE SKIP LOCKED
            """).AsNoTracking().ToListAsync(cancellationToken);
        if (claimed.Count > 0)
        {
            var ids = claimed.Select(r => r.Id).ToList();
            await db.Outbox.Where(o => ids.Contains(o.Id)).ExecuteUpdateAsync(set => set
                .SetProperty(o => o.Attempts, o => o.Attempts + 1)
                .SetProperty(o => o.NextAttemptAt, until), cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        return claimed;
    }

    private async Task<DeliveryResult> DeliverAsync(OutboxRecord row, CancellationToken cancellationToken)
    {
        if (!_deliverers.TryGetValue(row.Destination, out var deliverer))
            return new DeliveryResult.Rejected($"No deliverer for destination '{row.Destination}' is configured.");
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.DeliveryTimeout);
        try
        {
            var delivery = new OutboxDelivery(row.Id, row.Destination, row.PartitionKey, row.IdempotencyKey, row.Payload, row.MessageId, row.Attempts + 1, row.ThreadOf);
            return await deliverer.DeliverAsync(delivery, timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new DeliveryResult.Retry($"Timed out after {_options.DeliveryTimeout}.");
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            return new DeliveryResult.Retry($"{error.GetType().Name}: {error.Message}");
        }
    }

    private async Task RecordAsync(IReadOnlyList<(OutboxRecord Row, DeliveryResult Result)> outcomes, bool onlyIfStillClaimed, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        await using var db = await _contexts.CreateDbContextAsync(cancellationToken);
        // Checked and written in one transaction, the rows locked (PostgreSQL) or the database (SQLite) from the check on,
        // so no other host can take a row up again in between.
        await using var transaction = onlyIfStillClaimed ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        var stillClaimed = onlyIfStillClaimed ? await StillClaimedAsync(db, outcomes, cancellationToken) : null;
        foreach (var (claimed, result) in outcomes)
        {
            if (stillClaimed is not null && !stillClaimed.Contains(claimed.Id))
            {
                _logger.LogInformation("Outbox {OutboxId} was taken up again while the database was away; its later outcome stands", claimed.Id);
                continue;
            }
            // A copy: if the database fails before SaveChanges returns, the same outcomes are recorded again unchanged.
            var row = claimed.Copy();
            db.Outbox.Attach(row);
            row.Attempts++;
            switch (result)
            {
                case DeliveryResult.Delivered delivered:
                    row.State = OutboxState.Delivered;
                    row.DeliveredAt = now;
                    row.LastError = null;
                    if (delivered.ExternalId is not null && row.MessageId is { } messageId
                        && !await db.MessageDeliveries.AnyAsync(d => d.MessageId == messageId && d.Destination == row.Destination, cancellationToken))
                        db.MessageDeliveries.Add(new MessageDelivery(messageId, row.Destination, delivered.ExternalId, now));
                    if (delivered.ExternalId is not null && row.ThreadOf is { } conversationId)
                    {
                        // A root names the thread; a later root with another id is a move to another channel, which replaces it.
                        var thread = await db.ConversationThreads.FirstOrDefaultAsync(t => t.ConversationId == conversationId && t.Destination == row.Destination, cancellationToken);
                        if (thread is null) db.ConversationThreads.Add(new ConversationThread(conversationId, row.Destination, delivered.ExternalId, now));
                        else thread.MoveTo(delivered.ExternalId, now);
                    }
                    _logger.LogDebug("Delivered outbox {OutboxId} to {Destination}", row.Id, row.Destination);
                    break;
                case DeliveryResult.Retry retry when !GivesUp(row.Destination)
                    || (retry.Throttled ? row.Attempts < _options.MaxThrottledAttempts : row.Attempts - row.Throttled < _options.MaxAttempts):
                    if (retry.Throttled) row.Throttled++;
                    row.NextAttemptAt = now + _backoff.DelayAfter(row.Attempts, retry.After);
                    row.LastError = Truncate(retry.Reason);
                    _logger.LogWarning("Delivery of outbox {OutboxId} to {Destination} failed (attempt {Attempt}): {Reason}; next try at {NextAttemptAt}",
                        row.Id, row.Destination, row.Attempts, retry.Reason, row.NextAttemptAt);
                    break;
                default:
                    row.State = OutboxState.Dead;
                    row.LastError = Truncate(result switch
                    {
                        DeliveryResult.Rejected rejected => rejected.Reason,
                        DeliveryResult.Retry retry => $"Gave up after {row.Attempts} attempts: {retry.Reason}",
                        _ => "Unknown outcome.",
                    });
                    _logger.LogError("Outbox {OutboxId} to {Destination} is dead: {Reason}", row.Id, row.Destination, row.LastError);
                    break;
            }
        }
        await db.SaveChangesAsync(cancellationToken);
        if (transaction is not null) await transaction.CommitAsync(cancellationToken);
    }

    // The claim added one attempt to the row as it was read; a row another host claimed since has more, or is no longer pending.
    private static async Task<HashSet<long>> StillClaimedAsync(InboxDbContext db, IReadOnlyList<(OutboxRecord Row, DeliveryResult Result)> outcomes, CancellationToken cancellationToken)
    {
        var ids = outcomes.Select(o => o.Row.Id).ToArray();
        var rows = db.Database.IsNpgsql()
            ? db.Outbox.FromSql($"""SELECT * FROM "Outbox" WHERE "Id" = ANY({ids}) FOR UPDATE""")
            : db.Outbox.Where(o => ids.Contains(o.Id));
        var current = await rows.AsNoTracking()
            .Select(o => new { o.Id, o.State, o.Attempts }).ToDictionaryAsync(o => o.Id, cancellationToken);
        return outcomes.Where(o => current.TryGetValue(o.Row.Id, out var row) && row.State == OutboxState.Pending && row.Attempts == o.Row.Attempts + 1)
            .Select(o => o.Row.Id).ToHashSet();
    }

    private bool GivesUp(string destination) => !_deliverers.TryGetValue(destination, out var deliverer) || deliverer.GivesUp;

    private static string Truncate(string text) => text.Length <= 2000 ? text : text[..2000];
}
