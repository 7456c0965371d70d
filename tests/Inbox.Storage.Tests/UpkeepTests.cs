using Inbox.Core.Model;
using Inbox.Core.Upkeep;
using Microsoft.Extensions.DependencyInjection;

namespace Inbox.Storage.Tests;

/// <summary>The scheduled upkeep against a real store, time moved by a fake clock.</summary>
public abstract class UpkeepTests(string provider) : StoreTests(provider)
{
    public sealed class Sqlite() : UpkeepTests(StorageOptions.Sqlite);

    public sealed class Postgres() : UpkeepTests(StorageOptions.Postgres);

    private Task<TestInbox> StartAsync(UpkeepOptions options, RecordingDestination? destination = null) =>
        OpenAsync(configure: services =>
        {
            services.AddSingleton(options);
            services.AddSingleton<ConversationUpkeep>();
            services.AddSingleton<SlaReminders>();
            services.AddSingleton<IdleConversationCloser>();
            services.AddSingleton<Outbox.OutboxSweeper>();
            if (destination is not null) TestInbox.With(destination)(services);
        });

    private static async Task<IReadOnlyList<Message>> MessagesAsync(TestInbox inbox, long id) =>
        await inbox.Queries.GetMessagesAsync(id, includeInternal: true, CancellationToken.None);

    [Fact]
    public async Task A_waiting_customer_gets_one_reminder_per_threshold_naming_the_assignee()
    {
        await using var inbox = await StartAsync(new UpkeepOptions { SlaReminders = "00:15:00,01:00:00" });
        var dana = await inbox.OperatorAsync("Dana Scully", "dana@example.test");
        var id = (await inbox.ReceiveAsync("v1", "help?")).Conversation.Id;
        await inbox.Operators.AssignAsync(id, dana.Id, dana.Id);
        var reminders = inbox.Get<SlaReminders>();

        inbox.Time.Advance(TimeSpan.FromMinutes(14));
        Assert.Equal(0, await reminders.RunAsync(CancellationToken.None));
        inbox.Time.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(1, await reminders.RunAsync(CancellationToken.None));
        Assert.Equal(0, await reminders.RunAsync(CancellationToken.None)); // once per threshold
        inbox.Time.Advance(TimeSpan.FromMinutes(45));
        Assert.Equal(1, await reminders.RunAsync(CancellationToken.None));
        inbox.Time.Advance(TimeSpan.FromHours(5));
        Assert.Equal(0, await reminders.RunAsync(CancellationToken.None));

        var lines = (await MessagesAsync(inbox, id)).Where(m => m.Text.StartsWith("⏰", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, lines.Count);
        Assert.All(lines, l => Assert.True(l.IsInternal));
        Assert.Contains("15 minutes", lines[0].Text);
        Assert.Contains("@Dana Scully", lines[0].Text);
        Assert.Contains("1 hour", lines[1].Text);
    }

    [Fact]
    public async Task A_reply_ends_the_wait_and_a_new_customer_message_starts_a_new_one()
    {
        await using var inbox = await StartAsync(new UpkeepOptions { SlaReminders = "00:10:00" });
        var dana = await inbox.OperatorAsync("Dana", "dana@example.test");
        var id = (await inbox.ReceiveAsync("v1", "first")).Conversation.Id;
        var reminders = inbox.Get<SlaReminders>();

        inbox.Time.Advance(TimeSpan.FromMinutes(11));
        Assert.Equal(1, await reminders.RunAsync(CancellationToken.None));
        await inbox.Operators.ReplyAsync(id, dana.Id, "here");
        inbox.Time.Advance(TimeSpan.FromMinutes(30));
        Assert.Equal(0, await reminders.RunAsync(CancellationToken.None));

        await inbox.ReceiveAsync("v1", "second", id);
        inbox.Time.Advance(TimeSpan.FromMinutes(5));
        await inbox.ReceiveAsync("v1", "still there?", id); // the wait started at "second"
        inbox.Time.Advance(TimeSpan.FromMinutes(6));
        Assert.Equal(1, await reminders.RunAsync(CancellationToken.None));
        Assert.Contains("nobody is assigned", (await MessagesAsync(inbox, id)).Last().Text);
    }

    [Fact]
    public async Task Idle_conversations_are_closed_with_a_line_the_customer_sees_and_busy_or_waiting_ones_are_left_open()
    {
        await using var inbox = await StartAsync(new UpkeepOptions { AutoCloseAfter = TimeSpan.FromHours(48) });
        var dana = await inbox.OperatorAsync("Dana", "dana@example.test");
        var idle = (await inbox.ReceiveAsync("v1", "hello")).Conversation.Id;
        await inbox.Operators.ReplyAsync(idle, dana.Id, "Anything else?");
        var waiting = (await inbox.ReceiveAsync("v3", "still no answer")).Conversation.Id;
        inbox.Time.Advance(TimeSpan.FromHours(40));
        var busy = (await inbox.ReceiveAsync("v2", "hello")).Conversation.Id;
        await inbox.Operators.ReplyAsync(busy, dana.Id, "Hi!");
        inbox.Time.Advance(TimeSpan.FromHours(9));

        Assert.Equal(1, await inbox.Get<IdleConversationCloser>().RunAsync(CancellationToken.None));

        Assert.Equal(ConversationStatus.Closed, (await inbox.Queries.FindConversationAsync(idle, CancellationToken.None))!.Status);
        Assert.Equal(ConversationStatus.Open, (await inbox.Queries.FindConversationAsync(busy, CancellationToken.None))!.Status);
        // The customer waits for us: quiet, but not finished.
        Assert.Equal(ConversationStatus.Open, (await inbox.Queries.FindConversationAsync(waiting, CancellationToken.None))!.Status);
        var line = (await MessagesAsync(inbox, idle)).Last();
        Assert.False(line.IsInternal);
        Assert.Contains("closed after 2 days without activity", line.Text);
    }

    [Fact]
    public async Task Auto_close_set_to_zero_closes_nothing()
    {
        await using var inbox = await StartAsync(new UpkeepOptions { AutoCloseAfter = TimeSpan.Zero });
        await inbox.ReceiveAsync("v1", "hello");
        inbox.Time.Advance(TimeSpan.FromDays(30));
        Assert.Equal(0, await inbox.Get<IdleConversationCloser>().RunAsync(CancellationToken.None));
    }

    [Fact]
    public async Task The_outbox_sweep_removes_only_rows_delivered_long_ago()
    {
        var destination = new RecordingDestination();
        await using var inbox = await StartAsync(new UpkeepOptions(), destination);
        await inbox.ReceiveAsync("v1", "old");
        await inbox.DrainOutboxAsync();
        inbox.Time.Advance(TimeSpan.FromDays(8));
        destination.Behaviour = (_, _) => Task.FromResult<Core.Outbox.DeliveryResult>(new Core.Outbox.DeliveryResult.Retry("down"));
        await inbox.ReceiveAsync("v1", "new");
        await inbox.DrainOutboxAsync(maxRounds: 1);

        Assert.Equal(1, await inbox.Get<Outbox.OutboxSweeper>().SweepAsync(TimeSpan.FromDays(7), CancellationToken.None));
        await using var db = await inbox.Get<Microsoft.EntityFrameworkCore.IDbContextFactory<InboxDbContext>>().CreateDbContextAsync();
        Assert.Single(db.Outbox);
    }
}
