using System.Buffers;
using System.Data.Common;
using System.Globalization;
using Inbox.Core.Model;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Inbox.Storage.Queries;

/// <summary>How <see cref="NewestFirstSearch"/> decides between walking and the exact query.</summary>
/// <param name="DenseHits">Index hits of every word (names and emails plus messages) from which the walk is tried; fewer are cheap to sort exactly.</param>
/// <param name="MostWalked">Conversations the walk looks at before it leaves the rest to the exact query.</param>
internal sealed record SearchWalkOptions(int DenseHits = 2_000, int MostWalked = 4_000);

/// <summary>SQLite: the newest conversations that match every word, for words that match many of them.</summary>
/// <remarks>
/// Looking every match up for its last activity costs time in proportion to the matches (25,000 for a common surname,
/// 80,000 messages for "order"), though only the newest ten are shown. Here each word's index hits are read once, as
/// sets of conversation ids (names and emails) and message ids, and conversations are then taken newest first from
/// the view segments' index — (Status, IsContactBlocked, LastActivityAt, Id), each segment in order, merged — and
/// checked against the sets until ten match: for a common word that takes a few dozen or hundred conversations. When
/// the words have few hits, or the walk passes <see cref="SearchWalkOptions.MostWalked"/> conversations without
/// filling the page, the caller runs the exact query instead, so the answer is always the same as the exact one.
/// </remarks>
internal static class NewestFirstSearch
{
    private const int Chunk = 64;
    private const int SegmentPage = 256;

    /// <summary>The ids of the newest <paramref name="limit"/> matching conversations, newest first; null when the exact query should answer.</summary>
    public static async Task<List<long>?> FindAsync(
        InboxDbContext db, IReadOnlyList<IReadOnlyList<string>> words, int limit, SearchWalkOptions options, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        // One read transaction: every read of the walk sees the same database, so a conversation that moves to another
        // segment meanwhile (marked spam, its visitor blocked) is neither met twice nor missed. Deferred: a reader never
        // takes the write lock.
        await using var snapshot = ((SqliteConnection)db.Database.GetDbConnection()).BeginTransaction(deferred: true);
        var visitorHits = new Hits[words.Count];
        var messageHits = new Hits[words.Count];
        try
        {
            for (var i = 0; i < words.Count; i++)
            {
                var expression = string.Join(" AND ", words[i].Select(p => $"\"{p}\"*")); // letters and digits only (ConversationSearch.Parts)
                visitorHits[i] = await Hits.ReadAsync(snapshot, "VisitorSearch", expression, cancellationToken);
                messageHits[i] = await Hits.ReadAsync(snapshot, "MessageSearch", expression, cancellationToken);
                if (visitorHits[i].Count + messageHits[i].Count < options.DenseHits) return null;
            }

            var newest = await NewestFirst.OpenAsync(snapshot, cancellationToken);
            var found = new List<long>(limit);
            var walked = 0;
            while (found.Count < limit)
            {
                if (walked >= options.MostWalked) return null;
                var chunk = await newest.NextAsync(Chunk, cancellationToken);
                if (chunk.Count == 0) break; // every conversation looked at: the matches found are all there are
                walked += chunk.Count;
                var messagesOf = messageHits.Any(h => h.Count > 0) ? await MessagesOfAsync(snapshot, chunk, cancellationToken) : null;
                foreach (var id in chunk)
                {
                    var matchesAll = true;
                    for (var i = 0; i < words.Count && matchesAll; i++)
                        matchesAll = visitorHits[i].Contains(id) || (messagesOf?.GetValueOrDefault(id)?.Exists(messageHits[i].Contains) ?? false);
                    if (matchesAll && found.Count < limit) found.Add(id);
                }
            }
            return found;
        }
        finally
        {
            foreach (var hits in visitorHits.Concat(messageHits)) hits?.Dispose();
        }
    }

    private static DbCommand Command(DbTransaction snapshot)
    {
        var command = snapshot.Connection!.CreateCommand();
        command.Transaction = snapshot;
        return command;
    }

    /// <summary>One word's hits in one full-text table: rowids in ascending order, in an array borrowed from the shared pool.</summary>
    /// <remarks>A common word has tens of thousands of hits at every search; pooled arrays spare the collector those allocations.</remarks>
    private sealed class Hits : IDisposable
    {
        private long[] _ids = ArrayPool<long>.Shared.Rent(1_024);

        public int Count { get; private set; }

        public bool Contains(long id) => Array.BinarySearch(_ids, 0, Count, id) >= 0;

        public static async Task<Hits> ReadAsync(DbTransaction snapshot, string table, string match, CancellationToken cancellationToken)
        {
            var hits = new Hits();
            await using var command = Command(snapshot);
            command.CommandText = $"""SELECT rowid FROM "{table}" WHERE "{table}" MATCH $q ORDER BY rowid""";
            var parameter = command.CreateParameter();
            parameter.ParameterName = "$q";
            parameter.Value = match;
            command.Parameters.Add(parameter);
            await using var rows = await command.ExecuteReaderAsync(cancellationToken);
            // Tens of thousands of rows: read without a task per row (SQLite's reads complete at once anyway).
            while (rows.Read()) hits.Add(rows.GetInt64(0));
            return hits;
        }

        private void Add(long id)
        {
            if (Count == _ids.Length)
            {
                var larger = ArrayPool<long>.Shared.Rent(_ids.Length * 2);
                Array.Copy(_ids, larger, Count);
                ArrayPool<long>.Shared.Return(_ids);
                _ids = larger;
            }
            _ids[Count++] = id;
        }

        public void Dispose()
        {
            ArrayPool<long>.Shared.Return(_ids);
            _ids = [];
            Count = 0;
        }
    }

    private static async Task<Dictionary<long, List<long>>> MessagesOfAsync(DbTransaction snapshot, IReadOnlyList<long> conversations, CancellationToken cancellationToken)
    {
        await using var command = Command(snapshot);
        // Ids are numbers, written as such; the covering index (ConversationId, Id) answers without the table.
        command.CommandText = $"""SELECT "ConversationId", "Id" FROM "Messages" WHERE "ConversationId" IN ({string.Join(",", conversations.Select(id => id.ToString(CultureInfo.InvariantCulture)))})""";
        var messages = new Dictionary<long, List<long>>();
        await using var rows = await command.ExecuteReaderAsync(cancellationToken);
        while (await rows.ReadAsync(cancellationToken))
        {
            var conversation = rows.GetInt64(0);
            if (!messages.TryGetValue(conversation, out var ids)) messages[conversation] = ids = [];
            ids.Add(rows.GetInt64(1));
        }
        return messages;
    }

    /// <summary>Every conversation, newest activity first (ties: higher id first), merged from the segments of the views' index.</summary>
    private sealed class NewestFirst
    {
        private readonly PriorityQueue<Segment, (long At, long Id)> _heads =
            new(Comparer<(long At, long Id)>.Create((a, b) => b.CompareTo(a)));

        public static async Task<NewestFirst> OpenAsync(DbTransaction snapshot, CancellationToken cancellationToken)
        {
            var merged = new NewestFirst();
            foreach (var status in Enum.GetValues<ConversationStatus>())
                foreach (var blocked in new[] { false, true })
                {
                    var segment = new Segment(snapshot, status, blocked);
                    if (await segment.FillAsync(cancellationToken)) merged._heads.Enqueue(segment, segment.Head);
                }
            return merged;
        }

        public async Task<List<long>> NextAsync(int count, CancellationToken cancellationToken)
        {
            var ids = new List<long>(count);
            while (ids.Count < count && _heads.TryDequeue(out var segment, out var head))
            {
                ids.Add(head.Id);
                if (await segment.AdvanceAsync(cancellationToken)) _heads.Enqueue(segment, segment.Head);
            }
            return ids;
        }
    }

    /// <summary>One (status, blocked) segment of the index, read a page at a time from where the last page ended.</summary>
    private sealed class Segment(DbTransaction snapshot, ConversationStatus status, bool blocked)
    {
        private readonly Queue<(long At, long Id)> _page = new();
        private (long At, long Id)? _last;
        private bool _exhausted;

        public (long At, long Id) Head => _page.Peek();

        public async Task<bool> AdvanceAsync(CancellationToken cancellationToken)
        {
            _page.Dequeue();
            return _page.Count > 0 || await FillAsync(cancellationToken);
        }

        public async Task<bool> FillAsync(CancellationToken cancellationToken)
        {
            if (_exhausted) return false;
            await using var command = Command(snapshot);
            // The first conjunct is a range the index seeks to; the second breaks ties of equal activity by id (as the views page).
            var after = _last is null ? "" : """AND "LastActivityAt" <= $at AND ("LastActivityAt" < $at OR "Id" < $id)""";
            command.CommandText = $"""
                SELECT "LastActivityAt", "Id" FROM "Conversations" WHERE "Status" = $status AND "IsContactBlocked" = $blocked {after}
                ORDER BY "LastActivityAt" DESC, "Id" DESC LIMIT {SegmentPage}
                """;
            Add(command, "$status", (int)status);
            Add(command, "$blocked", blocked ? 1 : 0);
            if (_last is { } last)
            {
                Add(command, "$at", last.At);
                Add(command, "$id", last.Id);
            }
            await using var rows = await command.ExecuteReaderAsync(cancellationToken);
            while (await rows.ReadAsync(cancellationToken)) _page.Enqueue((rows.GetInt64(0), rows.GetInt64(1)));
            if (_page.Count < SegmentPage) _exhausted = true;
            if (_page.Count == 0) return false;
            _last = _page.Last();
            return true;
        }

        private static void Add(DbCommand command, string name, object value)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }
    }
}
