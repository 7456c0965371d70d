using Inbox.Channels.Email.Outbound;
using Inbox.Core.Model;

namespace Inbox.Channels.Email.Tests.Outbound;

public sealed class ReplyThreadingTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 3, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_reply_gets_a_deterministic_message_id_in_the_support_domain()
    {
        var reply = Operator(12);

        var first = ReplyThreading.For(reply, [Customer(10, "a1@mail.test"), reply], "acme.test");
        var again = ReplyThreading.For(reply, [Customer(10, "a1@mail.test"), reply], "acme.test");

        Assert.Equal("inbox.12.7@acme.test", first.MessageId);
        Assert.Equal((first.MessageId, first.InReplyTo), (again.MessageId, again.InReplyTo));
        Assert.Equal(first.References, again.References);
    }

    [Fact]
    public void In_reply_to_is_the_customers_latest_mail_before_the_reply_and_references_are_the_whole_chain()
    {
        var reply = Operator(15);
        var history = new[]
        {
            Customer(10, "first@mail.test"), Operator(11), Customer(12, "second@mail.test"), reply, Customer(16, "later@mail.test"),
        };

        var threading = ReplyThreading.For(reply, history, "acme.test");

        Assert.Equal("second@mail.test", threading.InReplyTo);
        Assert.Equal(["first@mail.test", "inbox.11.7@acme.test", "second@mail.test"], threading.References);
    }

    [Fact]
    public void Customer_messages_without_a_real_message_id_are_left_out()
    {
        var reply = Operator(12);

        var threading = ReplyThreading.For(reply, [new Message(10, 7, MessageDirection.FromCustomer, "hi", At, externalId: "email:sha256:abc"), reply], "acme.test");

        Assert.Null(threading.InReplyTo);
        Assert.Empty(threading.References);
    }

    [Fact]
    public void A_long_chain_keeps_the_first_and_the_latest_references()
    {
        var history = Enumerable.Range(1, 30).Select(i => Customer(i, $"m{i}@mail.test")).ToList();
        var reply = Operator(100);

        var threading = ReplyThreading.For(reply, [.. history, reply], "acme.test");

        Assert.Equal(ReplyThreading.MaxReferences, threading.References.Count);
        Assert.Equal("m1@mail.test", threading.References[0]);
        Assert.Equal("m12@mail.test", threading.References[1]);
        Assert.Equal("m30@mail.test", threading.References[^1]);
        Assert.Equal("m30@mail.test", threading.InReplyTo);
    }

    private static Message Customer(long id, string messageId) =>
        new(id, 7, MessageDirection.FromCustomer, "text", At, externalId: "email:" + messageId);

    private static Message Operator(long id) =>
        new(id, 7, MessageDirection.FromOperator, "reply", At, Guid.NewGuid(), "Dana Scully");
}
