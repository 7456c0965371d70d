using Inbox.Core.Model;
using Inbox.Core.Views;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Inbox.Storage.Tests;

/// <summary>The counts and Closed figures the database keeps (triggers) against counting every row, and paging across a view's segments.</summary>
public abstract class ViewCountTests(string provider) : StoreTests(provider)
{
    public sealed class Sqlite() : ViewCountTests(StorageOptions.Sqlite);

    public sealed class Postgres() : ViewCountTests(StorageOptions.Postgres)
    {
        [Fact]
        public async Task Migrating_counts_the_conversations_again_so_counts_left_off_by_an_earlier_deploy_come_right()
        {
            await using var inbox = await OpenAsync();
            var dana = await inbox.OperatorAsync("Dana", "dana@acme.test");
            for (var i = 0; i < 5; i++) await inbox.ReceiveAsync($"visitor-{i}", "hello");
            await using (var db = await inbox.Get<IDbContextFactory<InboxDbContext>>().CreateDbContextAsync())
            {
                // Back to before the recount, with counts that drifted (another host wrote while ViewCountsAndSearch ran).
                await db.Database.GetService<Microsoft.EntityFrameworkCore.Migrations.IMigrator>().MigrateAsync("20261126181252_MovedByHand");
                await db.Database.ExecuteSqlRawAsync("""
                    INSERT INTO "ConversationCounts" VALUES (4242, 0, false, true, 3, 0, 0, 0, 0);
                    UPDATE "ConversationCounts" SET "Conversations" = "Conversations" - 1 WHERE "Shard" <> 4242;
                    """);
            }

            await inbox.Get<DatabaseMigrator>().MigrateAsync(CancellationToken.None);

            await AssertCountsAsync(inbox, dana.Id, "after the recount");
        }

        [Fact]
        public async Task Counter_rows_of_ended_sessions_are_folded_into_one_set_and_every_count_stays_the_same()
        {
            await using var inbox = await OpenAsync();
            var dana = await inbox.OperatorAsync("Dana", "dana@acme.test");
            for (var i = 0; i < 5; i++) await inbox.ReceiveAsync($"visitor-{i}", "hello");
            await using var db = await inbox.Get<IDbContextFactory<InboxDbContext>>().CreateDbContextAsync();
            // Rows a session that has ended left: a counted change split over a pid no process has.
            await db.Database.ExecuteSqlRawAsync("""
                INSERT INTO "ConversationCounts" VALUES (2147480001, 1, false, true, 2, 0, 0, 0, 0), (2147480002, 1, false, true, -2, 0, 0, 0, 0);
                """);
            var before = await inbox.Queries.GetCountsAsync(dana.Id, CancellationToken.None);

            var folded = await inbox.Get<Queries.CounterShardFolder>().FoldEndedAsync(CancellationToken.None);

            Assert.True(folded >= 2, $"folded {folded}");
            Assert.Equal(0, await db.Database.SqlQueryRaw<int>("""
                SELECT COUNT(*)::int AS "Value" FROM "ConversationCounts" WHERE "Shard" <> 0 AND "Shard" NOT IN (SELECT pid FROM pg_stat_activity)
                """).SingleAsync());
            Assert.Equal(before, await inbox.Queries.GetCountsAsync(dana.Id, CancellationToken.None));
            await AssertCountsAsync(inbox, dana.Id, "after folding");
        }
    }

    [Fact]
    public async Task Kept_counts_and_closed_figures_equal_counting_every_row_after_every_kind_of_change()
    {
        await using var inbox = await OpenAsync();
        var dana = await inbox.OperatorAsync("Dana", "dana@acme.test");
        var lee = await inbox.OperatorAsync("Lee", "lee@acme.test");
        var ids = new List<long>();
        for (var i = 0; i < 12; i++)
        {
            ids.Add((await inbox.ReceiveAsync($"visitor-{i % 9}", $"question {i}", startNew: true)).Conversation.Id);
            inbox.Time.Advance(TimeSpan.FromSeconds(30 + i));
        }
        await AssertCountsAsync(inbox, dana.Id, "after the first messages");

        for (var i = 0; i < ids.Count; i++)
        {
            var id = ids[i];
            var who = i % 2 == 0 ? dana : lee;
            if (i % 3 != 2) await inbox.Operators.ReplyAsync(id, who.Id, "on it");
            if (i % 4 != 3) await inbox.Operators.AssignAsync(id, who.Id, who.Id);
            if (i % 5 == 0) await inbox.Operators.TagAsync(id, "vip", who.Id);
            inbox.Time.Advance(TimeSpan.FromMinutes(i + 1));
        }
        await AssertCountsAsync(inbox, dana.Id, "after replies and assignments");

        foreach (var id in ids.Take(8)) await inbox.Operators.CloseAsync(id, dana.Id);
        await inbox.Operators.ReopenAsync(ids[1], dana.Id);
        inbox.Time.Advance(TimeSpan.FromMinutes(3));
        await inbox.Operators.CloseAsync(ids[1], lee.Id); // closed twice: its duration changes
        await inbox.Operators.MarkSpamAsync(ids[2], dana.Id);
        await inbox.Operators.MarkSpamAsync(ids[9], dana.Id);
        await inbox.Operators.BlockAsync(ids[3], dana.Id); // a closed conversation's visitor
        await inbox.Operators.BlockAsync(ids[10], dana.Id); // an open one's
        await AssertCountsAsync(inbox, dana.Id, "after closing, reopening, spam and blocking");

        await inbox.Operators.UnblockAsync(ids[3], dana.Id);
        await inbox.ReceiveAsync("visitor-2", "still there?"); // a visitor writes again
        await AssertCountsAsync(inbox, dana.Id, "after unblocking and a new message");
    }

    [Fact]
    public async Task Paging_the_all_and_spam_views_merges_their_segments_newest_first_with_equal_times()
    {
        await using var inbox = await OpenAsync();
        var dana = await inbox.OperatorAsync("Dana", "dana@acme.test");
        var ids = new List<long>();
        for (var i = 0; i < 10; i++)
        {
            ids.Add((await inbox.ReceiveAsync($"v{i}", $"hello {i}")).Conversation.Id);
            if (i % 3 == 2) inbox.Time.Advance(TimeSpan.FromMinutes(1)); // groups of equal activity times
        }
        // Closing and spam happen at one instant, so closed and open rows tie across segments too.
        foreach (var i in new[] { 0, 4, 7 }) await inbox.Operators.CloseAsync(ids[i], dana.Id);
        await inbox.Operators.MarkSpamAsync(ids[5], dana.Id);
        await inbox.Operators.BlockAsync(ids[8], dana.Id);
        await inbox.Operators.BlockAsync(ids[4], dana.Id);

        foreach (var view in new[] { InboxView.All, InboxView.Spam })
        {
            var expected = await ExpectedOrderAsync(inbox, view);
            var seen = new List<long>();
            string? after = null;
            do
            {
                var page = await inbox.Queries.GetViewAsync(new ViewQuery(view, dana.Id, After: after, PageSize: 2), CancellationToken.None);
                Assert.Equal(expected.Count, page.TotalCount);
                seen.AddRange(page.Items.Select(c => c.Id));
                after = page.NextCursor;
            } while (after is not null);
            Assert.Equal(expected, seen);
        }
    }

    [Fact]
    public async Task Filtered_closed_figures_equal_counting_the_matching_rows()
    {
        await using var inbox = await OpenAsync();
        var dana = await inbox.OperatorAsync("Dana", "dana@acme.test");
        var lee = await inbox.OperatorAsync("Lee", "lee@acme.test");
        var start = inbox.Time.GetUtcNow();
        for (var i = 0; i < 9; i++)
        {
            var id = (await inbox.ReceiveAsync($"v{i}", $"hello {i}")).Conversation.Id;
            inbox.Time.Advance(TimeSpan.FromMinutes(5 + i));
            var who = i % 3 == 0 ? lee : dana;
            if (i % 4 != 0) await inbox.Operators.ReplyAsync(id, who.Id, "answer");
            await inbox.Operators.AssignAsync(id, who.Id, who.Id);
            if (i % 2 == 0) await inbox.Operators.TagAsync(id, "vip", who.Id);
            if (i == 6) await inbox.Operators.TagAsync(id, "billing", who.Id);
            // Tags that hold "vip" as part of them, or need escaping in JSON: the tag filters must tell them apart.
            if (i is 2 or 3) await inbox.Operators.TagAsync(id, "vip.gold", who.Id);
            if (i is 5) await inbox.Operators.TagAsync(id, "café", who.Id);
            inbox.Time.Advance(TimeSpan.FromHours(i));
            await inbox.Operators.CloseAsync(id, who.Id);
            if (i == 4) await inbox.Operators.BlockAsync(id, who.Id); // a blocked visitor's conversation is in Spam, not Closed
        }

        var filters = new[]
        {
            new ConversationFilter(Tag: "vip"),
            new ConversationFilter(Since: start.AddHours(6), Tag: "vip"),
            new ConversationFilter(Since: start.AddHours(3), Until: start.AddHours(20)),
            new ConversationFilter(AssigneeId: lee.Id),
            new ConversationFilter(Channel: ChannelKind.Widget, Tag: "billing"),
            new ConversationFilter(Channel: ChannelKind.Email),
            new ConversationFilter(Tag: "vip.gold"),
            new ConversationFilter(Tag: "gold"),
            new ConversationFilter(Tag: "café"),
        };
        foreach (var filter in filters)
        {
            var page = await inbox.Queries.GetViewAsync(new ViewQuery(InboxView.Closed, Filter: filter, PageSize: 100), CancellationToken.None);
            var expected = await CountedClosedAsync(inbox, filter);
            Assert.Equal(expected, page.Summary);
            Assert.Equal(expected.Count, page.TotalCount);
            Assert.Equal(expected.Count, page.Items.Count);
        }
    }

    private static async Task AssertCountsAsync(TestInbox inbox, Guid operatorId, string when)
    {
        await using var db = await inbox.Get<IDbContextFactory<InboxDbContext>>().CreateDbContextAsync();
        var all = db.Conversations.AsNoTracking();
        var counted = new ViewCounts(
            await all.CountAsync(c => c.AssigneeId == operatorId && c.Status == ConversationStatus.Open && !c.IsContactBlocked),
            await all.CountAsync(c => c.Status == ConversationStatus.Open && c.AwaitingReply && !c.IsContactBlocked),
            await all.CountAsync(c => c.Status != ConversationStatus.Spam && !c.IsContactBlocked),
            await all.CountAsync(c => c.Status == ConversationStatus.Closed && !c.IsContactBlocked),
            await all.CountAsync(c => c.Status == ConversationStatus.Spam || c.IsContactBlocked));
        Assert.True(counted == await inbox.Queries.GetCountsAsync(operatorId, CancellationToken.None), $"counts {when}");

        var closed = await inbox.Queries.GetViewAsync(new ViewQuery(InboxView.Closed), CancellationToken.None);
        Assert.True(await CountedClosedAsync(inbox, null) == closed.Summary, $"Closed figures {when}: {closed.Summary}");
        foreach (var view in Enum.GetValues<InboxView>())
        {
            var page = await inbox.Queries.GetViewAsync(new ViewQuery(view, operatorId), CancellationToken.None);
            var expected = view switch
            {
                InboxView.You => counted.You, InboxView.Open => counted.Open, InboxView.All => counted.All,
                InboxView.Closed => counted.Closed, _ => counted.Spam,
            };
            Assert.True(expected == page.TotalCount, $"{view} total {when}: {page.TotalCount}, counted {expected}");
        }
    }

    private static async Task<ClosedSummary> CountedClosedAsync(TestInbox inbox, ConversationFilter? filter)
    {
        await using var db = await inbox.Get<IDbContextFactory<InboxDbContext>>().CreateDbContextAsync();
        var rows = (await db.Conversations.AsNoTracking()
            .Where(c => c.Status == ConversationStatus.Closed && !c.IsContactBlocked).ToListAsync())
            .Where(c => filter?.Since is not { } since || c.EndedAt >= since)
            .Where(c => filter?.Until is not { } until || c.EndedAt < until)
            .Where(c => filter?.Tag is not { } tag || c.Tags.Contains(tag))
            .Where(c => filter?.AssigneeId is not { } assignee || c.AssigneeId == assignee)
            .Where(c => filter?.Channel is not { } channel || c.Channel == channel)
            .ToList();
        static TimeSpan? Average(IEnumerable<long?> seconds) =>
            seconds.Where(s => s is not null).Select(s => (double)s!.Value).DefaultIfEmpty(double.NaN).Average() is var a && double.IsNaN(a)
                ? null : TimeSpan.FromSeconds(a);
        return new ClosedSummary(rows.Count, Average(rows.Select(c => c.DurationSeconds)), Average(rows.Select(c => c.FirstResponseSeconds)));
    }

    private static async Task<List<long>> ExpectedOrderAsync(TestInbox inbox, InboxView view)
    {
        await using var db = await inbox.Get<IDbContextFactory<InboxDbContext>>().CreateDbContextAsync();
        var rows = await db.Conversations.AsNoTracking().ToListAsync();
        return rows.Where(c => view == InboxView.All ? c.Status != ConversationStatus.Spam && !c.IsContactBlocked : c.Status == ConversationStatus.Spam || c.IsContactBlocked)
            .OrderByDescending(c => c.LastActivityAt).ThenByDescending(c => c.Id).Select(c => c.Id).ToList();
    }
}
