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
    public InMemoryInbox(InboxOptions? options = null, IEnumerable<IOutboxRouter>? moreRouters = null, Spam.SpamOptions? spam = null)
    {
        Options = options ?? new InboxOptions();
        Routing = new OutboxRouting([Router, .. moreRouters ?? []]);
        Customers = new CustomerMessages(Store, Routing, Options, Time, spam is null ? null : new Spam.SpamRules(spam));
        Operators = new OperatorCommands(Store, Routing, Options, Time);
        Directory = new OperatorDirectory(Store);
    }

    public FakeTimeProvider Time { get; } = new(Start);
    public InMemoryInboxStore Store { get; } = new();
    public RecordingOutboxRouter Router { get; } = new();
    public InboxOptions Options { get; }
    public OutboxRouting Routing { get; }
    public CustomerMessages Customers { get; }
    public OperatorCommands Operators { get; }
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
