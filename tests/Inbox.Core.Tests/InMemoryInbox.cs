using Inbox.Core.Commands;
using Inbox.Core.Model;
using Inbox.Core.Outbox;
using Inbox.Core.Tests.Fakes;
using Microsoft.Extensions.Time.Testing;

namespace Inbox.Core.Tests;

/// <summary>The core services wired over <see cref="InMemoryInboxStore"/>, a fake clock and a recording router.</summary>
public sealed class InMemoryInbox
{
    public static readonly DateTimeOffset Start = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);

    /// <param name="moreRouters">Routers that see every event after <see cref="Router"/>.</param>
    /// <param name="replies">How replies leave; by default at once (no undo window), as most tests expect.</param>
    /// <param name="routing">Routing rules (whose name customers see); by default only the default route.</param>
    public InMemoryInbox(InboxOptions? options = null, IEnumerable<IOutboxRouter>? moreRouters = null, Spam.SpamOptions? spam = null,
        ReplyOptions? replies = null, Routing.RoutingOptions? routing = null)
    {
        Options = options ?? new InboxOptions();
        Routing = new OutboxRouting([Router, .. moreRouters ?? []]);
        var routes = new Routing.RouteBook(routing ?? new Routing.RoutingOptions());
        Customers = new CustomerMessages(Store, Routing, Options, Time, spam is null ? null : new Spam.SpamRules(spam), routes);
        Operators = new OperatorCommands(Store, Routing, Options, Time, routes, replies ?? new ReplyOptions { UndoWindow = TimeSpan.Zero });
        HeldReplies = new HeldReplies(Store, Routing, Time);
        Directory = new OperatorDirectory(Store);
    }

    public FakeTimeProvider Time { get; } = new(Start);
    public InMemoryInboxStore Store { get; } = new();
    public RecordingOutboxRouter Router { get; } = new();
    public InboxOptions Options { get; }
    public OutboxRouting Routing { get; }
    public CustomerMessages Customers { get; }
    public OperatorCommands Operators { get; }
    public HeldReplies HeldReplies { get; }
    public OperatorDirectory Directory { get; }

    public static ContactIdentity Visitor(string key) => new(ChannelKind.Widget, key);

    /// <summary>A widget visitor writes; the message must be accepted.</summary>
    public Task<ReceivedMessage> ReceiveAsync(string visitorKey, string text, long? conversationId = null, string? externalId = null) =>
        ReceiveAsync(new IncomingMessage(Visitor(visitorKey), text, conversationId, ExternalId: externalId));

    public async Task<ReceivedMessage> ReceiveAsync(IncomingMessage incoming)
    {
        var result = await Customers.ReceiveAsync(incoming, CancellationToken.None);
        Assert.True(result.Succeeded, result.Error?.Message);
        return result.Value;
    }

    public async Task<Operator> OperatorAsync(string displayName, string email)
    {
        var result = await Directory.EnsureAsync(email, displayName, CancellationToken.None);
        Assert.True(result.Succeeded, result.Error?.Message);
        return result.Value;
    }

    /// <summary>Lets time pass on the inbox clock.</summary>
    public void Wait(TimeSpan span) => Time.Advance(span);

    /// <summary>Does what the outbox dispatcher does with releases that are due now: hands them to the releaser once each.</summary>
    /// <returns>How many were delivered.</returns>
    public async Task<int> DeliverDueReleasesAsync()
    {
        var releaser = new HeldReplyReleaser(HeldReplies);
        var delivered = 0;
        foreach (var row in Store.Outbox.Where(o => o.Destination == HeldReplies.Destination && (o.NotBefore ?? Start) <= Time.GetUtcNow()).ToList())
        {
            if (!_releasesDelivered.Add(row.IdempotencyKey)) continue;
            var delivery = new OutboxDelivery(0, row.Destination, row.PartitionKey, row.IdempotencyKey, row.Payload, row.MessageId, 1);
            Assert.IsType<DeliveryResult.Delivered>(await releaser.DeliverAsync(delivery, CancellationToken.None));
            delivered++;
        }
        return delivered;
    }

    private readonly HashSet<string> _releasesDelivered = [];
}

/// <summary>Assertions on command results that read like what the operator or visitor is told.</summary>
public static class ResultAssert
{
    public static T Succeeds<T>(InboxResult<T> result)
    {
        Assert.True(result.Succeeded, result.Error?.Message);
        return result.Value;
    }

    public static InboxError Refused<T>(InboxResult<T> result, InboxErrorKind kind)
    {
        Assert.False(result.Succeeded, "The command was expected to be refused.");
        Assert.Equal(kind, result.Error.Kind);
        return result.Error;
    }
}
