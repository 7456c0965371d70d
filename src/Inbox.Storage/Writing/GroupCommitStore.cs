using System.Threading.Channels;
using Inbox.Core.Model;
using Inbox.Core.Storage;
using Inbox.Storage.Outbox;
using Inbox.Storage.Resilience;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Inbox.Storage.Writing;

/// <summary>The single writer: concurrent callers' work is queued and committed together in one transaction.</summary>
/// <remarks>
/// One commit (and one fsync) serves a whole batch, which is what makes durable ingest fast on SQLite.
/// If a batch fails, each of its items is retried in a transaction of its own, so one bad item
/// costs the others nothing but time and the failing caller gets its own exception. On PostgreSQL, where other
/// hosts write the same database, an item that lost a race to one of them (a unique key they just took, a
/// deadlock) is run again a few times: the next run sees their commit and comes out as a repeat or a plain change.
/// </remarks>
internal sealed class GroupCommitStore : IInboxStore, IWriteStatistics, IAsyncDisposable
{
    private readonly Channel<WorkItem> _queue = Channel.CreateUnbounded<WorkItem>(new UnboundedChannelOptions { SingleReader = true });
    private readonly IDbContextFactory<InboxDbContext> _contexts;
    private readonly OutboxSignal _outboxSignal;
    private readonly TimeProvider _time;
    private readonly ILogger<GroupCommitStore> _logger;
    private readonly int _maxBatch;
    private readonly int _cacheSize;
    private readonly bool _postgres;
    private const int MaxConflictAttempts = 5;
    private WriterSession? _session;
    private static readonly TimeSpan SearchFeedPause = TimeSpan.FromMinutes(1);
    private DateTimeOffset? _searchFeedFailedAt;
    private RowShapes? _shapes;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Lazy<Task> _loop;
    private long _commits;
    private long _committedWrites;

    public GroupCommitStore(
        IDbContextFactory<InboxDbContext> contexts,
        OutboxSignal outboxSignal,
        IOptions<StorageOptions> options,
        TimeProvider time,
        ILogger<GroupCommitStore> logger)
    {
        _contexts = contexts;
        _outboxSignal = outboxSignal;
        _time = time;
        _logger = logger;
        _maxBatch = options.Value.MaxWriteBatch;
        _cacheSize = options.Value.EffectiveWriterCacheSize;
        _postgres = options.Value.IsPostgres;
        _loop = new Lazy<Task>(() => Task.Run(RunAsync));
    }

    /// <summary>Transactions committed so far; with concurrent writers it stays well below <see cref="CommittedWrites"/>.</summary>
    public long Commits => Interlocked.Read(ref _commits);

    /// <summary>Writes committed so far.</summary>
    public long CommittedWrites => Interlocked.Read(ref _committedWrites);

    public async Task<T> WriteAsync<T>(Func<IInboxUnitOfWork, CancellationToken, ValueTask<T>> work, CancellationToken cancellationToken)
    {
        var item = new WorkItem(async (uow, ct) => await work(uow, ct), cancellationToken);
        if (!_queue.Writer.TryWrite(item))
            throw new ObjectDisposedException(nameof(GroupCommitStore), "The store is shutting down.");
        _ = _loop.Value;
        return (T)(await item.Completion.Task.WaitAsync(cancellationToken))!;
    }

    /// <summary>Brings SQLite's message search index up to every message committed so far; a search calls it first.</summary>
    /// <remarks>
    /// It runs as writes of its own, so it waits for the batch in flight and is fed in order with every write. Each
    /// feeds at most <see cref="MessageSearchFeed.MostPerBatch"/> messages and says whether the index has caught up;
    /// a large backlog is fed over several batches, so other writes are not held up behind all of it.
    /// </remarks>
    public async Task CatchUpSearchAsync(CancellationToken cancellationToken)
    {
        if (_postgres) return;
        while (true)
        {
            var item = new WorkItem(static (_, _) => ValueTask.FromResult<object?>(null), cancellationToken) { CatchUpSearch = true };
            if (!_queue.Writer.TryWrite(item))
                throw new ObjectDisposedException(nameof(GroupCommitStore), "The store is shutting down.");
            _ = _loop.Value;
            // false: more to feed; anything else (caught up, or a feed that failed and was logged) ends the wait.
            if (await item.Completion.Task.WaitAsync(cancellationToken) is not false) return;
        }
    }

    private async Task RunAsync()
    {
        IdAllocator? counted = null; // SQLite's; PostgreSQL draws from sequences in each batch
        var batch = new List<WorkItem>(_maxBatch);
        while (await _queue.Reader.WaitToReadAsync(CancellationToken.None))
        {
            batch.Clear();
            while (batch.Count < _maxBatch && _queue.Reader.TryRead(out var item))
                if (!item.Cancellation.IsCancellationRequested) batch.Add(item);
                else item.Completion.TrySetCanceled(item.Cancellation);
            if (batch.Count == 0) continue;

            try
            {
                if (!_postgres) counted ??= await LoadIdsAsync();
                var results = await CommitAsync(batch, counted);
                for (var i = 0; i < batch.Count; i++) batch[i].Completion.TrySetResult(results[i]);
            }
            catch (Exception lost) when (_postgres && DatabaseOutage.IsConnectionLoss(lost) && lost is not CommitOutcomeUnknownException)
            {
                await CommitAfterConnectionLossAsync(batch, lost);
            }
            catch (Exception batchError) when ((batch.Count > 1 || WriteConflicts.IsConcurrentWrite(batchError)) && (_postgres || counted is not null)
                && batchError is not CommitOutcomeUnknownException) // running it again could store it twice
            {
                if (WriteConflicts.IsConcurrentWrite(batchError))
                    _logger.LogDebug(batchError, "A write batch of {Count} met another host's writes; running its items one by one", batch.Count);
                else
                    _logger.LogWarning(batchError, "A write batch of {Count} failed; retrying its items one by one", batch.Count);
                foreach (var item in batch) await CommitAloneAsync(item, counted);
            }
            catch (Exception error)
            {
                foreach (var item in batch) item.Completion.TrySetException(error);
            }
        }
    }

    // The connection broke before COMMIT was sent, so nothing of the batch was committed. Its pooled siblings were
    // dropped with it (PostgresConnectionLoss), so the batch runs once more on a fresh connection: a server that
    // restarted since the pool filled costs no caller an error. A server still down fails the batch fast, once.
    private async Task CommitAfterConnectionLossAsync(List<WorkItem> batch, Exception lost)
    {
        _logger.LogDebug("A write batch of {Count} lost its database connection ({Reason}); running it once more on a new one", batch.Count, lost.GetBaseException().Message);
        try
        {
            var results = await CommitAsync(batch, null);
            for (var i = 0; i < batch.Count; i++) batch[i].Completion.TrySetResult(results[i]);
        }
        catch (Exception error) when (batch.Count > 1 && !DatabaseOutage.IsConnectionLoss(error))
        {
            foreach (var item in batch) await CommitAloneAsync(item, null);
        }
        catch (Exception error)
        {
            foreach (var item in batch) item.Completion.TrySetException(error);
        }
    }

    private async Task CommitAloneAsync(WorkItem item, IdAllocator? counted)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                item.Completion.TrySetResult((await CommitAsync([item], counted))[0]);
                return;
            }
            catch (Exception error) when (attempt < MaxConflictAttempts && WriteConflicts.IsConcurrentWrite(error))
            {
                _logger.LogDebug(error, "A write met another host's concurrent write; running it again (attempt {Attempt})", attempt + 1);
            }
            catch (Exception error)
            {
                item.Completion.TrySetException(error);
                return;
            }
        }
    }

    private async Task<IdAllocator> LoadIdsAsync()
    {
        await using var db = await _contexts.CreateDbContextAsync(_stopping.Token);
        return await IdAllocator.LoadAsync(db, _stopping.Token);
    }

    private async Task<object?[]> CommitAsync(IReadOnlyList<WorkItem> items, IdAllocator? counted)
    {
        var session = _session ??= await WriterSession.OpenAsync(_contexts, _shapes, _cacheSize, CancellationToken.None);
        _shapes = session.Shapes;
        _session = null; // taken back only after a clean commit
        try
        {
            var db = session.Db;
            await using var transaction = await db.Database.BeginTransactionAsync(CancellationToken.None);
            IIdAllocator ids = counted is not null ? counted : new SequenceIdAllocator(db);
            var uow = new EfUnitOfWork(session, ids, _time, exactRepeats: items.Count == 1, _postgres ? new ContactRowLocks(db, shared: items.Count > 1) : null);
            var results = new object?[items.Count];
            for (var i = 0; i < items.Count; i++)
                results[i] = await items[i].Work(uow, CancellationToken.None);
            var scannedContacts = new List<Contact>();
            foreach (var entity in uow.Touched)
            {
                // Contacts: only those whose values moved (SavedContacts); the rest of what EF tracks, always.
                if (entity is Contact contact)
                {
                    if (!session.SavedContacts.MayHaveChanged(contact)) continue;
                    scannedContacts.Add(contact);
                }
                db.Entry(entity).DetectChanges();
            }
            // What EF tracks first (new contacts and operators, which conversations refer to), then the conversations
            // (new ones before the messages that refer to them), then the new rows, deliveries after their messages.
            if (db.ChangeTracker.HasChanges()) await db.SaveChangesAsync(CancellationToken.None);
            await session.Conversations.WriteAsync(session.HotRows, uow.TouchedConversations, CancellationToken.None);
            await session.HotRows.InsertAsync(session.Shapes.Messages, uow.AddedMessages, CancellationToken.None);
            await session.HotRows.InsertAsync(session.Shapes.Deliveries, uow.AddedDeliveries, CancellationToken.None);
            await session.HotRows.InsertAsync(session.Shapes.Outbox, uow.AddedOutbox, CancellationToken.None);
            if (session.Search is { } search) await FeedSearchAsync(search, db, transaction, uow.AddedMessages, items, results);
            try
            {
                await transaction.CommitAsync(CancellationToken.None);
            }
            catch (Exception lost) when (DatabaseOutage.IsConnectionLoss(lost))
            {
                throw new CommitOutcomeUnknownException(lost);
            }

            Interlocked.Increment(ref _commits);
            Interlocked.Add(ref _committedWrites, items.Count);
            if (uow.AddedOutbox.Count > 0) _outboxSignal.Notify();
            foreach (var contact in scannedContacts) session.SavedContacts.Saved(contact);
            session.AfterCommit(uow.FoundMessages);
            if (session.CanBeReused) (_session, session) = (session, null);
            return results;
        }
        finally
        {
            if (session is not null) await session.DisposeAsync();
        }
    }

    // Search is a convenience beside the stored messages: a failure to feed it rolls back only the feeding, logged, and
    // the batch commits. The feed's own position is moved only by a feeding that succeeded.
    // A catch-up item's result says whether the index has caught up (see CatchUpSearchAsync).
    private async Task FeedSearchAsync(MessageSearchFeed search, InboxDbContext db, IDbContextTransaction transaction, IReadOnlyList<Message> added, IReadOnlyList<WorkItem> items, object?[] results)
    {
        foreach (var message in added) search.Wrote(message.Id);
        var asked = items.Any(i => i.CatchUpSearch);
        if (!search.Due(asked, idle: !_queue.Reader.TryPeek(out _))) return;
        // After a failure the writer leaves the index alone for a while (a search still asks), instead of failing again
        // at every batch.
        if (!asked && _searchFeedFailedAt is { } failed && _time.GetUtcNow() - failed < SearchFeedPause) return;
        const string savepoint = "search_feed";
        await transaction.CreateSavepointAsync(savepoint, CancellationToken.None);
        try
        {
            var fedThrough = await search.FeedAsync(db, all: asked, CancellationToken.None);
            await transaction.ReleaseSavepointAsync(savepoint, CancellationToken.None);
            search.Fed(fedThrough);
            _searchFeedFailedAt = null;
            for (var i = 0; i < items.Count; i++)
                if (items[i].CatchUpSearch) results[i] = search.CaughtUp;
        }
        catch (Exception error) when (!DatabaseOutage.IsConnectionLoss(error))
        {
            _logger.LogError(error, "Feeding the message search index failed; the messages stay stored and are fed with a later batch");
            _searchFeedFailedAt = _time.GetUtcNow();
            await transaction.RollbackToSavepointAsync(savepoint, CancellationToken.None);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        if (_loop.IsValueCreated)
        {
            try { await _loop.Value; }
            catch (Exception error) { _logger.LogError(error, "The write loop ended with an error"); }
        }
        if (_session is not null) await _session.DisposeAsync();
        _stopping.Dispose();
    }

    private sealed record WorkItem(Func<IInboxUnitOfWork, CancellationToken, ValueTask<object?>> Work, CancellationToken Cancellation)
    {
        /// <summary>Asks the batch to bring the message search index up to date (<see cref="CatchUpSearchAsync"/>).</summary>
        public bool CatchUpSearch { get; init; }

        public TaskCompletionSource<object?> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
