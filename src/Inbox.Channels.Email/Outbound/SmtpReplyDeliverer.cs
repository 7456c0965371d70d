using Inbox.Channels.Email.Mail;
using Inbox.Core.Model;
using Inbox.Core.Outbox;
using Inbox.Core.Views;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Inbox.Channels.Email.Outbound;

/// <summary>Sends operators' replies to email customers over SMTP, threaded under the customer's mails, and keeps a copy in the Sent folder.</summary>
/// <remarks>
/// Every attempt sends the same mail with the same Message-ID. An attempt after one that may have got through
/// (<see cref="OutboxDelivery.Attempt"/> above 1) first looks for that Message-ID in the Sent folder and does not send again
/// when it is there. What remains: a host stopped between the server's "250 OK" and the Sent copy, or a failed copy, means
/// the retry sends the mail a second time (same Message-ID, which most mail programs show once).
/// </remarks>
public sealed class SmtpReplyDeliverer(
    MailConnector connector,
    SentMailCopies sent,
    IInboxQueries queries,
    IOptions<EmailOptions> options,
    TimeProvider time,
    ILogger<SmtpReplyDeliverer> logger) : IOutboxDeliverer
{
    public string Destination => EmailChannel.Destination;

    public async Task<DeliveryResult> DeliverAsync(OutboxDelivery delivery, CancellationToken cancellationToken)
    {
        if (ReplyPush.FromJson(delivery.Payload) is not { } push) return new DeliveryResult.Rejected("Unreadable email payload.");
        var conversation = await queries.FindConversationAsync(push.ConversationId, cancellationToken);
        var reply = await queries.FindMessageAsync(push.MessageId, cancellationToken);
        if (conversation is null || reply is null)
            return new DeliveryResult.Rejected($"Message {push.MessageId} of conversation #{push.ConversationId} no longer exists.");
        if (reply.DeletedAt is not null || reply.WithdrawnAt is not null)
        {
            logger.LogInformation("Email: reply {MessageId} in #{ConversationId} was withdrawn before it was sent; not sending it", reply.Id, conversation.Id);
            return DeliveryResult.Done();
        }
        var contact = await queries.FindContactAsync(conversation.ContactId, cancellationToken);
        if (contact is null || AddressOf(contact) is not { } address)
            return new DeliveryResult.Rejected($"The customer of #{conversation.Id} has no email address.");
        var customer = new MailboxAddress(contact.Name, address);

        var supportMailbox = options.Value.FromMailbox;
        var history = await queries.GetMessagesAsync(conversation.Id, includeInternal: false, cancellationToken);
        var threading = ReplyThreading.For(reply, history, supportMailbox.Domain);
        var mail = ReplyComposer.Compose(reply, conversation, customer, supportMailbox, threading);

        if (delivery.Attempt > 1 && sent.IsEnabled)
        {
            try
            {
                if (await sent.ContainsAsync(threading.MessageId, cancellationToken))
                {
                    logger.LogInformation("Email: reply {MessageId} in #{ConversationId} was already sent (found in the Sent folder)", reply.Id, conversation.Id);
                    return DeliveryResult.Done(threading.MessageId);
                }
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                return new DeliveryResult.Retry($"Could not look for an earlier send in the Sent folder: {error.GetType().Name}: {error.Message}");
            }
        }

        try
        {
            using var smtp = await connector.OpenSmtpAsync(cancellationToken);
            // Once the mail is being handed over, the delivery's own deadline no longer cuts it off: giving up between the
            // server taking the mail and its "250 OK" would send it twice. The send has its own, longer budget.
            using var sendBudget = new CancellationTokenSource(options.Value.Timeout * 2, time);
            await smtp.SendAsync(mail, sendBudget.Token);
            await DisconnectQuietlyAsync(smtp);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            var outcome = SmtpOutcome.Of(error);
            logger.LogWarning("Email: reply {MessageId} in #{ConversationId} not sent: {Reason}", reply.Id, conversation.Id, SmtpOutcome.ReasonOf(outcome));
            return outcome;
        }
        logger.LogInformation("Email: reply {MessageId} in #{ConversationId} sent as {MailMessageId}", reply.Id, conversation.Id, threading.MessageId);

        if (sent.IsEnabled) await KeepCopyAsync(mail, reply.Id);
        return DeliveryResult.Done(threading.MessageId);
    }

    // The mail is out: the copy gets its own time budget instead of the delivery's, so a delivery timeout
    // right after the send does not leave the Sent folder without it (which would mean a resend).
    private async Task KeepCopyAsync(MimeMessage mail, long messageId)
    {
        using var budget = new CancellationTokenSource(options.Value.Timeout * 2, time);
        try
        {
            await sent.AppendAsync(mail, budget.Token);
        }
        catch (Exception error)
        {
            logger.LogWarning(error, "Email: reply {MessageId} was sent but its copy could not be put in the Sent folder", messageId);
        }
    }

    /// <summary>The address the customer writes from (as they wrote it when known), which is where replies go.</summary>
    private static string? AddressOf(Contact contact)
    {
        var identity = contact.ExternalIdOn(ChannelKind.Email);
        var address = contact.Email is { } written && (identity is null || string.Equals(written, identity, StringComparison.OrdinalIgnoreCase))
            ? written
            : identity;
        return address is not null && MailboxAddress.TryParse(address, out var parsed) ? parsed.Address : null;
    }

    private static async Task DisconnectQuietlyAsync(MailKit.Net.Smtp.SmtpClient smtp)
    {
        try { await smtp.DisconnectAsync(quit: true, CancellationToken.None); }
        catch (Exception) { /* The mail was accepted; a lost QUIT changes nothing. */ }
    }
}
