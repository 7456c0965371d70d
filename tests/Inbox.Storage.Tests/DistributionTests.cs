using Inbox.Core.Distribution;
using Inbox.Core.Model;
using Microsoft.Extensions.DependencyInjection;

namespace Inbox.Storage.Tests;

/// <summary>Auto-assignment against a real store: who takes what, capacity, and waiting until someone frees up.</summary>
public abstract class DistributionTests(string provider) : StoreTests(provider)
{
    public sealed class Sqlite() : DistributionTests(StorageOptions.Sqlite);

    public sealed class Postgres() : DistributionTests(StorageOptions.Postgres);

    private Task<TestInbox> StartAsync(DistributionMode mode, int capacity = 5) =>
        OpenAsync(configure: services =>
        {
            services.AddSingleton(new DistributionOptions { Mode = mode, DefaultCapacity = capacity });
            services.AddSingleton<Distributor>();
            services.AddSingleton<Core.Outbox.IOutboxRouter, DistributionRouter>();
            services.AddSingleton<Core.Outbox.IOutboxDeliverer, DistributionDeliverer>();
        });

    private static async Task<Operator> OnlineAsync(TestInbox inbox, string name, int? capacity = null)
    {
        var op = await inbox.OperatorAsync(name, $"{name.ToLowerInvariant()}@example.test");
        return (await inbox.Directory.SetStatusAsync(op.Id, OperatorStatus.Online, capacity, CancellationToken.None)).Value!;
    }

    private static async Task<Guid?> AssigneeOf(TestInbox inbox, long id) => (await inbox.Queries.FindConversationAsync(id, CancellationToken.None))!.AssigneeId;

    [Fact]
    public async Task Round_robin_hands_new_conversations_to_online_operators_in_turn_and_skips_the_offline()
    {
        await using var inbox = await StartAsync(DistributionMode.RoundRobin);
        var ana = await OnlineAsync(inbox, "Ana");
        var ben = await OnlineAsync(inbox, "Ben");
        await inbox.OperatorAsync("Cid", "cid@example.test"); // offline by default

        var ids = new List<long>();
        for (var i = 0; i < 4; i++)
        {
            ids.Add((await inbox.ReceiveAsync($"visitor-{i}", "hello")).Conversation.Id);
            await inbox.DrainOutboxAsync();
            inbox.Time.Advance(TimeSpan.FromSeconds(1));
        }

        var assignees = new List<Guid?>();
        foreach (var id in ids) assignees.Add(await AssigneeOf(inbox, id));
        // Who goes first among two who never had one is a tie (broken by id); after that they alternate.
        Assert.Equal(new HashSet<Guid?> { ana.Id, ben.Id }, assignees.Take(2).ToHashSet());
        Assert.Equal(assignees.Take(2), assignees.Skip(2));
    }

    [Fact]
    public async Task Least_busy_goes_to_whoever_holds_fewest_open_conversations()
    {
        await using var inbox = await StartAsync(DistributionMode.LeastBusy);
        var ana = await OnlineAsync(inbox, "Ana");
        var first = (await inbox.ReceiveAsync("v1", "one")).Conversation.Id;
        await inbox.DrainOutboxAsync();
        Assert.Equal(ana.Id, await AssigneeOf(inbox, first));

        var ben = await OnlineAsync(inbox, "Ben");
        var second = (await inbox.ReceiveAsync("v2", "two")).Conversation.Id;
        await inbox.DrainOutboxAsync();
        Assert.Equal(ben.Id, await AssigneeOf(inbox, second));
    }

    [Fact]
    public async Task A_conversation_nobody_can_take_waits_in_open_and_is_assigned_when_someone_frees_up()
    {
        await using var inbox = await StartAsync(DistributionMode.RoundRobin, capacity: 1);
        var ana = await OnlineAsync(inbox, "Ana");
        var first = (await inbox.ReceiveAsync("v1", "one")).Conversation.Id;
        await inbox.DrainOutboxAsync();
        var second = (await inbox.ReceiveAsync("v2", "two")).Conversation.Id;
        await inbox.DrainOutboxAsync();

        Assert.Equal(ana.Id, await AssigneeOf(inbox, first));
        Assert.Null(await AssigneeOf(inbox, second));

        await inbox.Operators.CloseAsync(first, ana.Id);
        await inbox.DrainOutboxAsync();
        Assert.Equal(ana.Id, await AssigneeOf(inbox, second));
    }

    [Fact]
    public async Task Coming_online_or_taking_more_picks_up_what_waits()
    {
        await using var inbox = await StartAsync(DistributionMode.LeastBusy, capacity: 1);
        var waiting = (await inbox.ReceiveAsync("v1", "anyone?")).Conversation.Id;
        await inbox.DrainOutboxAsync();
        Assert.Null(await AssigneeOf(inbox, waiting));

        var ana = await OnlineAsync(inbox, "Ana");
        await inbox.Get<Distributor>().AssignWaitingAsync(CancellationToken.None);
        Assert.Equal(ana.Id, await AssigneeOf(inbox, waiting));

        var more = (await inbox.ReceiveAsync("v2", "me too")).Conversation.Id;
        await inbox.DrainOutboxAsync();
        Assert.Null(await AssigneeOf(inbox, more));
        await inbox.Directory.SetStatusAsync(ana.Id, OperatorStatus.Online, 2, CancellationToken.None);
        await inbox.Get<Distributor>().AssignWaitingAsync(CancellationToken.None);
        Assert.Equal(ana.Id, await AssigneeOf(inbox, more));
    }

    [Fact]
    public async Task Manual_transfer_keeps_working_and_frees_the_previous_assignee()
    {
        await using var inbox = await StartAsync(DistributionMode.RoundRobin, capacity: 1);
        var ana = await OnlineAsync(inbox, "Ana");
        var lead = await inbox.OperatorAsync("Lead", "lead@example.test");
        var first = (await inbox.ReceiveAsync("v1", "one")).Conversation.Id;
        await inbox.DrainOutboxAsync();
        var second = (await inbox.ReceiveAsync("v2", "two")).Conversation.Id;
        await inbox.DrainOutboxAsync();

        Assert.True((await inbox.Operators.TransferAsync(first, lead.Id, lead.Id)).Succeeded);
        await inbox.DrainOutboxAsync();

        Assert.Equal(lead.Id, await AssigneeOf(inbox, first));
        Assert.Equal(ana.Id, await AssigneeOf(inbox, second));
    }

    [Fact]
    public async Task With_distribution_off_nothing_is_assigned()
    {
        await using var inbox = await StartAsync(DistributionMode.Off);
        await OnlineAsync(inbox, "Ana");
        var id = (await inbox.ReceiveAsync("v1", "one")).Conversation.Id;
        await inbox.DrainOutboxAsync();
        Assert.Null(await AssigneeOf(inbox, id));
    }
}
