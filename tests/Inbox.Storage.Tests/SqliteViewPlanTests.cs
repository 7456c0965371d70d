using System.Globalization;
using Inbox.Core.Model;
using Inbox.Core.Views;
using Inbox.Storage.Queries;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Inbox.Storage.Tests;

/// <summary>
/// SQLite's plans for the views' queries, as EXPLAIN QUERY PLAN reports them: a page reads its segment of the index in
/// order (no sort of the whole segment), and the counts read the counter table, not the conversations.
/// </summary>
/// <remarks>SQLite only: PostgreSQL's planner picks by table statistics, so a small test table says nothing about a large one.</remarks>
public sealed class SqliteViewPlanTests : IAsyncLifetime
{
    private TestStore _store = null!;
    private TestInbox _inbox = null!;

    public async Task InitializeAsync()
    {
        _store = await TestStore.CreateAsync(StorageOptions.Sqlite);
        _inbox = await TestInbox.StartAsync(_store);
        await _inbox.ReceiveAsync("v1", "hello");
    }

    public async Task DisposeAsync()
    {
        await _inbox.DisposeAsync();
        await _store.DisposeAsync();
    }

    [Theory]
    [InlineData(InboxView.Open)]
    [InlineData(InboxView.All)]
    [InlineData(InboxView.Closed)]
    [InlineData(InboxView.Spam)]
    public async Task Each_segment_of_a_view_is_read_in_index_order_without_sorting(InboxView view)
    {
        await using var db = await _inbox.Get<IDbContextFactory<InboxDbContext>>().CreateDbContextAsync();
        foreach (var segment in ViewFilters.SegmentsOf(view))
        {
            var page = db.Conversations.In(view, segment, null).OrderByDescending(c => c.LastActivityAt).ThenByDescending(c => c.Id).Take(11)
                .Select(c => new { c.LastActivityAt, c.Id });
            var plan = await PlanAsync(db, page.ToQueryString());
            Assert.Contains("IX_Conversations_Status_IsContactBlocked_LastActivityAt_Id (Status=? AND IsContactBlocked=?)", plan);
            Assert.DoesNotContain("TEMP B-TREE", plan);
        }
    }

    [Fact]
    public async Task The_closed_view_ended_since_a_date_reads_only_the_index_range_after_it()
    {
        await using var db = await _inbox.Get<IDbContextFactory<InboxDbContext>>().CreateDbContextAsync();
        var segment = new ViewSegment(ConversationStatus.Closed, false);
        var filter = new ConversationFilter(Since: DateTimeOffset.UnixEpoch, Tag: "vip");
        var page = db.Conversations.In(InboxView.Closed, segment, null).Matching(filter).Bounded(segment, filter)
            .OrderByDescending(c => c.LastActivityAt).ThenByDescending(c => c.Id).Take(11).Select(c => c.Id);

        var plan = await PlanAsync(db, page.ToQueryString());

        Assert.Contains("(Status=? AND IsContactBlocked=? AND LastActivityAt>?)", plan);
        Assert.DoesNotContain("TEMP B-TREE", plan);
    }

    [Theory]
    [InlineData(null, "IX_Conversations_ClosedFigures", false)]
    [InlineData("vip", "IX_Conversations_ClosedFigures_Tagged", false)]
    [InlineData("café", "IX_Conversations_ClosedFigures_Tagged", true)] // JSON may escape it, so only json_each can tell
    public async Task Filtered_closed_figures_read_only_their_index_and_with_a_tag_only_the_tagged_conversations(string? tag, string index, bool needsJsonTest)
    {
        await using var db = await _inbox.Get<IDbContextFactory<InboxDbContext>>().CreateDbContextAsync();
        var filter = new ConversationFilter(Since: DateTimeOffset.UnixEpoch, Tag: tag);

        var plan = await PlanAsync(db, ClosedFigures.Query(db, filter).ToQueryString());

        Assert.Contains($"COVERING INDEX {index} (Status=? AND IsContactBlocked=? AND EndedAt>?)", plan);
        Assert.Equal(needsJsonTest, plan.Contains("VIRTUAL TABLE", StringComparison.Ordinal)); // json_each, under its alias
    }

    // ToQueryString writes SQLite's parameters as ".param set @name value" lines before the statement.
    private static async Task<string> PlanAsync(InboxDbContext db, string query)
    {
        var lines = query.Split('\n');
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        foreach (var line in lines.Where(l => l.StartsWith(".param set ", StringComparison.Ordinal)))
        {
            var parts = line.TrimEnd('\r').Split(' ', 4);
            var text = parts[3];
            object value = text.StartsWith('\'') ? text.Trim('\'') : long.Parse(text, CultureInfo.InvariantCulture);
            command.Parameters.AddWithValue(parts[2], value);
        }
        command.CommandText = "EXPLAIN QUERY PLAN " + string.Join('\n', lines.Where(l => !l.StartsWith(".param", StringComparison.Ordinal)));
        var plan = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) plan.Add(reader.GetString(3));
        return string.Join('\n', plan);
    }
}
