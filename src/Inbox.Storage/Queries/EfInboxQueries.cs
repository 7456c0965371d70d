using Inbox.Core;
using Inbox.Core.Model;
using Inbox.Core.Views;
using Inbox.Storage.Writing;
using Microsoft.EntityFrameworkCore;

namespace Inbox.Storage.Queries;

/// <summary>The read side over EF Core; every query runs untracked on its own context.</summary>
internal sealed class EfInboxQueries(
    IDbContextFactory<InboxDbContext> contexts, GroupCommitStore store, SearchWalkOptions searchWalk, InboxOptions options, TimeProvider time) : IInboxQueries
{
    public async Task<ViewPage> GetViewAsync(ViewQuery query, CancellationToken cancellationToken)
    {
        var pageSize = Math.Clamp(query.PageSize, 1, ViewQuery.MaxPageSize);
        ViewCursor? after = null;
        if (query.After is not null)
        {
            if (!ViewCursor.TryDecode(query.After, out var decoded)) throw new InvalidCursorException(query.After);
            after = decoded;
        }
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);

        // Each segment of the view hands out its newest rows in index order; the page is the newest of those.
        var keys = new List<(DateTimeOffset LastActivityAt, long Id)>();
        foreach (var segment in ViewFilters.SegmentsOf(query.View))
        {
            var inSegment = db.Conversations.AsNoTracking().In(query.View, segment, query.OperatorId).Matching(query.Filter).Bounded(segment, query.Filter);
            if (after is { } a)
                // The first conjunct is a range the index can seek to; the second breaks ties of equal activity by id.
                inSegment = inSegment.Where(c => c.LastActivityAt <= a.LastActivityAt && (c.LastActivityAt < a.LastActivityAt || c.Id < a.Id));
            var newest = await inSegment.OrderByDescending(c => c.LastActivityAt).ThenByDescending(c => c.Id).Take(pageSize + 1)
                .Select(c => new { c.LastActivityAt, c.Id }).ToListAsync(cancellationToken);
            keys.AddRange(newest.Select(k => (k.LastActivityAt, k.Id)));
        }
        var ids = keys.OrderByDescending(k => k.LastActivityAt).ThenByDescending(k => k.Id).Take(pageSize + 1).Select(k => k.Id).ToList();
        var found = ids.Count == 0 ? [] : await Summaries(db, db.Conversations.AsNoTracking().Where(c => ids.Contains(c.Id))).ToListAsync(cancellationToken);
        var rows = found.OrderBy(r => ids.IndexOf(r.Conversation.Id)).ToList();

        var (total, summary) = await CountAsync(db, query, cancellationToken);
        var hasMore = rows.Count > pageSize;
        var items = rows.Take(pageSize).Select(ToSummary).ToList();
        var next = hasMore ? new ViewCursor(items[^1].LastActivityAt, items[^1].Id).Encode() : null;
        return new ViewPage(query.View, items, total, next, summary);
    }

    // An unfiltered view's count (and the Closed figures) come from the counters; You is counted on the assignee's index
    // (an operator's open conversations); a filtered Closed view from its figures' index; other filtered views row by row.
    private static async Task<(int Total, ClosedSummary? Summary)> CountAsync(InboxDbContext db, ViewQuery query, CancellationToken cancellationToken)
    {
        var unfiltered = query.Filter is null || query.Filter == new ConversationFilter();
        if (unfiltered && query.View != InboxView.You)
        {
            var counts = await ConversationCounts.ReadAsync(db, cancellationToken);
            return (counts.Of(query.View), query.View == InboxView.Closed ? counts.ClosedSummary() : null);
        }
        if (query.View == InboxView.Closed)
        {
            var figures = await ClosedFigures.ReadAsync(db, query.Filter!, cancellationToken);
            return (figures.Count, figures);
        }
        var total = 0;
        foreach (var segment in ViewFilters.SegmentsOf(query.View))
            total += await db.Conversations.AsNoTracking().In(query.View, segment, query.OperatorId).Matching(query.Filter).CountAsync(cancellationToken);
        return (total, null);
    }

    public async Task<ViewCounts> GetCountsAsync(Guid? operatorId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var counts = await ConversationCounts.ReadAsync(db, cancellationToken);
        var you = operatorId is null ? 0 : await db.Conversations.AsNoTracking()
            .In(InboxView.You, ViewFilters.SegmentsOf(InboxView.You)[0], operatorId).CountAsync(cancellationToken);
        return new ViewCounts(you, counts.Of(InboxView.Open), counts.Of(InboxView.All), counts.Of(InboxView.Closed), counts.Of(InboxView.Spam));
    }

    public async Task<Conversation?> FindConversationAsync(long conversationId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Conversations.AsNoTracking().FirstOrDefaultAsync(c => c.Id == conversationId, cancellationToken);
    }

    public async Task<Message?> FindMessageAsync(long messageId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Messages.AsNoTracking().Include(m => m.Deliveries).FirstOrDefaultAsync(m => m.Id == messageId, cancellationToken);
    }

    public async Task<ConversationThread?> FindThreadAsync(long conversationId, string destination, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.ConversationThreads.AsNoTracking()
            .FirstOrDefaultAsync(t => t.ConversationId == conversationId && t.Destination == destination, cancellationToken);
    }

    public async Task<IReadOnlyDictionary<long, ConversationThread>> FindThreadsAsync(IReadOnlyCollection<long> conversationIds, string destination, CancellationToken cancellationToken)
    {
        if (conversationIds.Count == 0) return new Dictionary<long, ConversationThread>();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var ids = conversationIds.Distinct().ToList();
        return await db.ConversationThreads.AsNoTracking()
            .Where(t => t.Destination == destination && ids.Contains(t.ConversationId))
            .ToDictionaryAsync(t => t.ConversationId, cancellationToken);
    }

    public async Task<ConversationThread?> FindThreadByExternalIdAsync(string destination, string externalId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.ConversationThreads.AsNoTracking()
            .FirstOrDefaultAsync(t => t.Destination == destination && t.ExternalId == externalId, cancellationToken);
    }

    public async Task<ConversationThread?> FindMovedThreadAsync(string destination, string formerExternalId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.ConversationThreads.AsNoTracking()
            .FirstOrDefaultAsync(t => t.Destination == destination && t.MovedFromExternalId == formerExternalId, cancellationToken);
    }

    public async Task<Message?> FindMessageByDeliveryAsync(string destination, string externalId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var id = await db.MessageDeliveries.AsNoTracking()
            .Where(d => d.Destination == destination && d.ExternalId == externalId)
            .Select(d => (long?)d.MessageId).FirstOrDefaultAsync(cancellationToken);
        return id is null ? null : await db.Messages.AsNoTracking().FirstOrDefaultAsync(m => m.Id == id, cancellationToken);
    }

    public async Task<Contact?> FindContactAsync(Guid contactId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Contacts.AsNoTracking().FirstOrDefaultAsync(c => c.Id == contactId, cancellationToken);
    }

    public async Task<Operator?> FindOperatorAsync(Guid operatorId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Operators.AsNoTracking().FirstOrDefaultAsync(o => o.Id == operatorId, cancellationToken);
    }

    public async Task<ConversationDetails?> GetDetailsAsync(long conversationId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var conversation = await db.Conversations.AsNoTracking().FirstOrDefaultAsync(c => c.Id == conversationId, cancellationToken);
        if (conversation is null) return null;
        var contact = await db.Contacts.AsNoTracking().FirstAsync(c => c.Id == conversation.ContactId, cancellationToken);
        var operatorIds = conversation.Participants.Append(conversation.AssigneeId ?? Guid.Empty).ToList();
        var operators = await db.Operators.AsNoTracking().Where(o => operatorIds.Contains(o.Id)).ToListAsync(cancellationToken);
        var notes = await db.Messages.AsNoTracking()
            .Where(m => m.ConversationId == conversationId && m.Direction == MessageDirection.Note)
            .OrderBy(m => m.Id).ToListAsync(cancellationToken);
        var past = await GetPastConversationsAsync(contact.Id, conversationId, cancellationToken);
        return new ConversationDetails(
            conversation,
            contact,
            operators.FirstOrDefault(o => o.Id == conversation.AssigneeId),
            operators.Where(o => conversation.Participants.Contains(o.Id)).ToList(),
            notes,
            past,
            conversation.IsActiveAt(time.GetUtcNow(), options.InactiveAfter));
    }

    public async Task<IReadOnlyList<Message>> GetMessagesAsync(long conversationId, bool includeInternal, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var messages = db.Messages.AsNoTracking().Include(m => m.Deliveries).Where(m => m.ConversationId == conversationId);
        if (!includeInternal) messages = messages.Where(m => !m.IsInternal);
        return await messages.OrderBy(m => m.Id).ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<PastConversation>> GetPastConversationsAsync(Guid contactId, long? exceptConversationId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.Conversations.AsNoTracking()
            .Where(c => c.ContactId == contactId && c.Id != (exceptConversationId ?? 0))
            .OrderByDescending(c => c.StartedAt).ThenByDescending(c => c.Id)
            .Select(c => new { c.Id, c.Channel, c.Status, c.StartedAt, c.EndedAt, c.DurationSeconds })
            .Take(50)
            .ToListAsync(cancellationToken);
        return rows.Select(r => new PastConversation(r.Id, r.Channel, r.Status, r.StartedAt, r.EndedAt,
            r.EndedAt is null ? null : TimeSpan.FromSeconds(r.DurationSeconds ?? 0))).ToList();
    }

    public async Task<IReadOnlyList<ConversationSummary>> SearchAsync(string words, int limit, CancellationToken cancellationToken)
    {
        var typed = words.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Take(8).ToList();
        var parts = typed.Select(ConversationSearch.Parts).ToList();
        if (typed.Count == 0 || parts.Any(p => p.Count == 0)) return [];
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (await ConversationSearch.MessagesAwaitIndexingAsync(db, cancellationToken)) await store.CatchUpSearchAsync(cancellationToken);
        limit = Math.Clamp(limit, 1, 50);
        var postgres = db.Database.IsNpgsql();
        // Words of letters and digits matching many conversations: walked newest first (SQLite), else the exact query below.
        if (!postgres && !typed.Any(ConversationSearch.Literal)
            && await NewestFirstSearch.FindAsync(db, parts, limit, searchWalk, cancellationToken) is { } newest)
        {
            var found = newest.Count == 0 ? [] : await Summaries(db, db.Conversations.AsNoTracking().Where(c => newest.Contains(c.Id))).ToListAsync(cancellationToken);
            return found.OrderBy(r => newest.IndexOf(r.Conversation.Id)).Select(ToSummary).ToList();
        }
        // The full-text indexes find the candidates; a word with more than letters and digits is also checked as typed.
        var candidates = ConversationSearch.Matches(db, parts);
        var matches = db.Conversations.AsNoTracking().Where(c => candidates.Contains(c.Id));
        // Search ignores case: SQLite's LIKE does that already (for ASCII), PostgreSQL's needs ILIKE.
        foreach (var word in typed.Where(ConversationSearch.Literal))
        {
            var pattern = $"%{word.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_")}%";
            matches = postgres
                ? matches.Where(c =>
                    db.Contacts.Any(p => p.Id == c.ContactId && (EF.Functions.ILike(p.Name!, pattern, "\\") || EF.Functions.ILike(p.Email!, pattern, "\\")))
                    || db.Messages.Any(m => m.ConversationId == c.Id && EF.Functions.ILike(m.Text, pattern, "\\")))
                : matches.Where(c =>
                    db.Contacts.Any(p => p.Id == c.ContactId && (EF.Functions.Like(p.Name!, pattern, "\\") || EF.Functions.Like(p.Email!, pattern, "\\")))
                    || db.Messages.Any(m => m.ConversationId == c.Id && EF.Functions.Like(m.Text, pattern, "\\")));
        }
        var rows = await Summaries(db, matches.OrderByDescending(c => c.LastActivityAt).ThenByDescending(c => c.Id).Take(limit))
            .ToListAsync(cancellationToken);
        return rows.Select(ToSummary).ToList();
    }

    public async Task<IReadOnlyList<Operator>> GetOperatorsAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Operators.AsNoTracking().OrderBy(o => o.DisplayName).ToListAsync(cancellationToken);
    }

    public async Task<Operator?> FindOperatorByEmailAsync(string email, CancellationToken cancellationToken)
    {
        var normalized = Operator.NormalizeEmail(email);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Operators.AsNoTracking().FirstOrDefaultAsync(o => o.Email == normalized, cancellationToken);
    }

    public async Task<Contact?> FindContactAsync(ContactIdentity identity, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var id = await db.ContactIdOf(identity, cancellationToken);
        return id is null ? null : await db.Contacts.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id.Value, cancellationToken);
    }

    public async Task<IReadOnlyList<ConversationSummary>> GetContactConversationsAsync(Guid contactId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await Summaries(db, db.Conversations.AsNoTracking().Where(c => c.ContactId == contactId)
            .OrderByDescending(c => c.LastActivityAt).ThenByDescending(c => c.Id).Take(200)).ToListAsync(cancellationToken);
        return rows.Select(ToSummary).ToList();
    }

    public async Task<long> GetLatestCustomerVisibleMessageIdAsync(Guid contactId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        // A reply still in its undo window comes later, with everything after it: resume just before the first one.
        var firstHeld = await CustomerVisible(db, contactId).Where(m => m.HeldUntil != null && m.WithdrawnAt == null).MinAsync(m => (long?)m.Id, cancellationToken);
        if (firstHeld is { } held) return held - 1;
        return await CustomerVisible(db, contactId).MaxAsync(m => (long?)m.Id, cancellationToken) ?? 0;
    }

    public async Task<IReadOnlyList<Message>> GetCustomerVisibleMessagesAfterAsync(Guid contactId, long afterMessageId, int limit, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await CustomerVisible(db, contactId)
            .Where(m => m.Id > afterMessageId)
            .OrderBy(m => m.Id)
            .Take(limit)
            .ToListAsync(cancellationToken);
    }

    private static IQueryable<Message> CustomerVisible(InboxDbContext db, Guid contactId) =>
        db.Messages.AsNoTracking()
            .Where(m => db.Conversations.Where(c => c.ContactId == contactId && c.Channel == ChannelKind.Widget).Select(c => c.Id).Contains(m.ConversationId))
            .Where(m => !m.IsInternal);

    private static IQueryable<SummaryRow> Summaries(InboxDbContext db, IQueryable<Conversation> conversations) =>
        from c in conversations
        join contact in db.Contacts on c.ContactId equals contact.Id
        join assignee in db.Operators on c.AssigneeId equals assignee.Id into assignees
        from assignee in assignees.DefaultIfEmpty()
        select new SummaryRow(c, contact.Name, contact.Email, assignee == null ? null : assignee.DisplayName);

    private ConversationSummary ToSummary(SummaryRow row)
    {
        var c = row.Conversation;
        var contactName = Contact.DisplayNameOf(c.ContactId, row.ContactName, row.ContactEmail);
        return new ConversationSummary(c.Id, c.Channel, c.Status, c.IsActiveAt(time.GetUtcNow(), options.InactiveAfter),
            c.ContactId, contactName, c.AssigneeId, row.AssigneeName, c.Tags, c.StartedAt, c.EndedAt, c.LastActivityAt,
            c.AwaitingReply, c.Preview);
    }

    private sealed record SummaryRow(Conversation Conversation, string? ContactName, string? ContactEmail, string? AssigneeName);

    public async Task<IReadOnlyList<long>> GetUnassignedOpenAsync(int limit, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Conversations.AsNoTracking()
            .Where(c => c.Status == ConversationStatus.Open && !c.IsContactBlocked && c.AssigneeId == null)
            .OrderBy(c => c.Id).Select(c => c.Id).Take(limit).ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyDictionary<Guid, int>> GetOpenAssignmentCountsAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Conversations.AsNoTracking()
            .Where(c => c.Status == ConversationStatus.Open && c.AssigneeId != null)
            .GroupBy(c => c.AssigneeId!.Value)
            .Select(g => new { Operator = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Operator, g => g.Count, cancellationToken);
    }

    public async Task<IReadOnlyList<Conversation>> GetWaitingSinceAsync(DateTimeOffset waitingSince, int remindersBelow, int limit, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Conversations.AsNoTracking()
            .Where(c => c.Status == ConversationStatus.Open && !c.IsContactBlocked && c.AwaitingReply && c.WaitingSince != null && c.WaitingSince <= waitingSince
                && c.RemindersSent < remindersBelow)
            .OrderBy(c => c.WaitingSince).Take(limit).ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<long>> GetIdleOpenAsync(DateTimeOffset lastActivityBefore, int limit, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Conversations.AsNoTracking()
            .Where(c => c.Status == ConversationStatus.Open && !c.AwaitingReply && c.LastActivityAt < lastActivityBefore)
            .OrderBy(c => c.LastActivityAt).Select(c => c.Id).Take(limit).ToListAsync(cancellationToken);
    }
}
