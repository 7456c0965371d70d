using System.Net.Sockets;
using Inbox.Channels.Email.Outbound;
using Inbox.Core.Outbox;
using MailKit.Net.Smtp;

namespace Inbox.Channels.Email.Tests.Outbound;

public sealed class SmtpOutcomeTests
{
    [Theory]
    [InlineData(SmtpStatusCode.MailboxBusy)]
    [InlineData(SmtpStatusCode.ServiceNotAvailable)]
    [InlineData(SmtpStatusCode.InsufficientStorage)]
    public void A_4xx_answer_is_tried_again(SmtpStatusCode status)
    {
        var outcome = SmtpOutcome.Of(new SmtpCommandException(SmtpErrorCode.MessageNotAccepted, status, "try later"));

        Assert.IsType<DeliveryResult.Retry>(outcome);
    }

    [Theory]
    [InlineData(SmtpStatusCode.MailboxUnavailable)]
    [InlineData(SmtpStatusCode.TransactionFailed)]
    [InlineData(SmtpStatusCode.AuthenticationRequired)]
    public void A_5xx_answer_is_a_permanent_refusal(SmtpStatusCode status)
    {
        var outcome = SmtpOutcome.Of(new SmtpCommandException(SmtpErrorCode.RecipientNotAccepted, status, "no such user"));

        var rejected = Assert.IsType<DeliveryResult.Rejected>(outcome);
        Assert.Contains(((int)status).ToString(), rejected.Reason);
    }

    [Fact]
    public void Connection_failures_and_protocol_trouble_are_tried_again()
    {
        Assert.IsType<DeliveryResult.Retry>(SmtpOutcome.Of(new SocketException((int)SocketError.ConnectionRefused)));
        Assert.IsType<DeliveryResult.Retry>(SmtpOutcome.Of(new IOException("connection reset")));
        Assert.IsType<DeliveryResult.Retry>(SmtpOutcome.Of(new SmtpProtocolException("unexpected end of stream")));
    }
}
