using System.Collections.Concurrent;
using Inbox.Core.Commands;
using Inbox.Core.Events;
using Inbox.Core.Model;
using Inbox.Core.Outbox;
using Inbox.Storage.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Inbox.Storage.Tests;

/// <summary>Replies held for their undo window, on the real store and dispatcher: delivered once after it, or never when undone.</summary>
public abstract class HeldReplyTests(string provider) : StoreTests(provider)
{
    public sealed class Sqlite() : HeldReplyTests(StorageOptions.Sqlite);

    public sealed class Postgres() : HeldReplyTests(StorageOptions.Postgres);

    private static readonly TimeSpan Window = TimeSpan.FromSeconds(5);

    private static Action<IServiceCollection> Held(CustomerReplies customer) => services =>
    {
        services.AddSingleton(new ReplyOptions { UndoWindow = Window });
        services.AddSingleton<HeldReplies>();
        services.AddSingleton<IOutboxDeliverer, HeldReplyReleaser>();
        services.AddSingleton<IOutboxRouter>(customer);
        services.AddSingleton<IOutboxDeliverer>(customer);
    };

    private static async Task<(Operator Dana, long ConversationId, Message Reply)> HeldReplyAsync(TestInbox inbox)
    {
        var dana = await inbox.OperatorAsync("Dana Scully", "dana@acme.test");
        var conversation = (await inbox.ReceiveAsync("visitor-a", "Hello")).Conversation.Id;
        var change = await inbox.Operators.ReplyAsync(conversation, dana.Id, "Hi, how can I help?", externalId: "slack:C1:1.1");
        Assert.True(change.Succeeded, change.Error?.Message);
        return (dana, conversation, change.Value.Message!);
    }

    [Fact]
    public async Task A_held_reply_waits_in_the_outbox_and_is_delivered_once_after_its_window()
    {
        var customer = new CustomerReplies();
        await using var inbox = await OpenAsync(configure: Held(customer));
        var (_, conversation, reply) = await HeldReplyAsync(inbox);

        await inbox.DrainOutboxAsync();
        inbox.Time.Advance(Window - TimeSpan.FromMilliseconds(1));
        await inbox.DrainOutboxAsync();
        Assert.Empty(customer.Delivered);
        var stored = await inbox.Queries.FindMessageAsync(reply.Id, CancellationToken.None);
        Assert.Equal(reply.HeldUntil, stored!.HeldUntil);
        Assert.False(stored.IsVisibleToCustomer);

        inbox.Time.Advance(TimeSpan.FromMilliseconds(1));
        await inbox.DrainOutboxAsync();
        inbox.Time.Advance(TimeSpan.FromMinutes(1));
        await inbox.DrainOutboxAsync();

        Assert.Equal(["Hi, how can I help?"], customer.Delivered);
        stored = await inbox.Queries.FindMessageAsync(reply.Id, CancellationToken.None);
        Assert.True(stored!.IsVisibleToCustomer);
        Assert.Equal("Dana Scully", stored.SenderName);
        Assert.False((await inbox.Queries.FindConversationAsync(conversation, CancellationToken.None))!.AwaitingReply);
    }

    [Fact]
    public async Task A_held_reply_reopens_a_closed_conversation_at_once_but_tells_only_operators_so_an_undone_one_announces_nothing()
    {
        var customer = new CustomerReplies();
        await using var inbox = await OpenAsync(configure: Held(customer));
        var dana = await inbox.OperatorAsync("Dana Scully", "dana@acme.test");
        var sent = (await inbox.ReceiveAsync("visitor-a", "Hello")).Conversation.Id;
        var undone = (await inbox.ReceiveAsync("visitor-b", "Hi")).Conversation.Id;
        await inbox.Operators.CloseAsync(sent, dana.Id);
        await inbox.Operators.CloseAsync(undone, dana.Id);

        await inbox.Operators.ReplyAsync(sent, dana.Id, "One more thing");
        var withdrawn = (await inbox.Operators.ReplyAsync(undone, dana.Id, "Oops, wrong chat")).Value!.Message!;
        // Open at once: the customer's answer inside the window joins this conversation instead of starting another.
        Assert.Equal(ConversationStatus.Open, (await inbox.Queries.FindConversationAsync(sent, CancellationToken.None))!.Status);
        Assert.Equal(sent, (await inbox.ReceiveAsync("visitor-a", "Which thing?")).Conversation.Id);
        await inbox.Get<HeldReplies>().UndoAsync(withdrawn.Id, dana.Id, CancellationToken.None);
        inbox.Time.Advance(Window);
        await inbox.DrainOutboxAsync();

        Assert.Equal(["One more thing"], customer.Delivered);
        foreach (var id in new[] { sent, undone })
        {
            var line = Assert.Single(await inbox.Queries.GetMessagesAsync(id, includeInternal: true, CancellationToken.None),
                m => m.Text == "Dana Scully replied; the conversation is open again.");
            Assert.True(line.IsInternal, "the customer is not told of a reply before it reaches them");
        }
    }

    [Fact]
    public async Task An_undone_reply_is_kept_as_withdrawn_and_never_delivered()
    {
        var customer = new CustomerReplies();
        await using var inbox = await OpenAsync(configure: Held(customer));
        var (dana, conversation, reply) = await HeldReplyAsync(inbox);

        var undone = await inbox.Get<HeldReplies>().UndoAsync(reply.Id, dana.Id, CancellationToken.None);
        inbox.Time.Advance(Window * 2);
        await inbox.DrainOutboxAsync();

        Assert.True(undone.Succeeded, undone.Error?.Message);
        Assert.Empty(customer.Delivered);
        var history = await inbox.Queries.GetMessagesAsync(conversation, includeInternal: true, CancellationToken.None);
        var kept = Assert.Single(history, m => m.Id == reply.Id);
        Assert.NotNull(kept.WithdrawnAt);
        Assert.Equal("Hi, how can I help?", kept.Text);
        await using var db = await inbox.Get<IDbContextFactory<InboxDbContext>>().CreateDbContextAsync();
        Assert.Empty(await db.Outbox.Where(o => o.State == OutboxState.Pending).ToListAsync());
    }

    [Fact]
    public async Task A_reply_held_when_the_host_stopped_is_delivered_once_after_a_restart()
    {
        var customer = new CustomerReplies();
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero));
        long replyId;
        await using (var before = await OpenAsync(configure: Held(customer), time: time))
            replyId = (await HeldReplyAsync(before)).Reply.Id;

        time.Advance(Window);
        await using var after = await OpenAsync(configure: Held(customer), time: time);
        await after.DrainOutboxAsync();
        await after.DrainOutboxAsync();

        Assert.Equal(["Hi, how can I help?"], customer.Delivered);
        Assert.True((await after.Queries.FindMessageAsync(replyId, CancellationToken.None))!.IsVisibleToCustomer);
    }

    [Fact]
    public async Task The_widget_stream_resumes_before_a_held_reply()
    {
        await using var inbox = await OpenAsync(configure: Held(new CustomerReplies()));
        var (_, conversation, reply) = await HeldReplyAsync(inbox);
        await inbox.ReceiveAsync("visitor-a", "Are you there?", conversation);
        var contact = (await inbox.Queries.FindConversationAsync(conversation, CancellationToken.None))!.ContactId;

        Assert.Equal(reply.Id - 1, await inbox.Queries.GetLatestCustomerVisibleMessageIdAsync(contact, CancellationToken.None));

        inbox.Time.Advance(Window);
        await inbox.DrainOutboxAsync();
        Assert.Equal(reply.Id + 1, await inbox.Queries.GetLatestCustomerVisibleMessageIdAsync(contact, CancellationToken.None));
    }

    /// <summary>Stands in for a customer channel: sends every reply the customer may see.</summary>
    private sealed class CustomerReplies : IOutboxRouter, IOutboxDeliverer
    {
        private readonly ConcurrentQueue<string> _delivered = new();

        public string Destination => "customer";
        public IReadOnlyList<string> Delivered => _delivered.ToList();

        public void Route(InboxEvent inboxEvent, ICollection<OutboxMessage> outbox)
        {
            if (inboxEvent is MessageAdded { Message: { Direction: MessageDirection.FromOperator, IsVisibleToCustomer: true } message })
                outbox.Add(new OutboxMessage(Destination, OutboxMessage.ConversationPartition(Destination, message.ConversationId),
                    $"customer:{message.Id}", message.Text, message.Id));
        }

        public Task<DeliveryResult> DeliverAsync(OutboxDelivery delivery, CancellationToken cancellationToken)
        {
            _delivered.Enqueue(delivery.Payload);
            return Task.FromResult(DeliveryResult.Done());
        }
    }
}
