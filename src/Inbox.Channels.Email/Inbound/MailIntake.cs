using Inbox.Core;
using Inbox.Core.Commands;
using Inbox.Core.Model;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Inbox.Channels.Email.Inbound;

/// <summary>Turns one customer mail into a customer message: into the conversation it answers, or a new one.</summary>
public sealed class MailIntake(
    CustomerMessages customers,
    MailThreadLookup threads,
    MailAttachments attachments,
    InboxOptions inbox,
    IOptions<EmailOptions> options,
    ILogger<MailIntake> logger)
{
    /// <summary>Stores the mail; a mail that cannot be a customer message is logged and reported as skipped, never thrown.</summary>
    /// <remarks>Storage failures do throw: the mail is then read again by the next poll.</remarks>
    public async Task<MailOutcome> TakeAsync(MimeMessage mail, uint uid, CancellationToken cancellationToken)
    {
        IncomingMail? incoming;
        string reason;
        try
        {
            incoming = IncomingMail.Read(mail, out reason);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            // A mail nothing can make sense of must not hold up the mails behind it.
            logger.LogWarning(error, "Email: skipped mail UID {Uid}: it could not be read", uid);
            return MailOutcome.Skipped;
        }
        if (incoming is null)
        {
            logger.LogWarning("Email: skipped mail UID {Uid}: {Reason}", uid, reason);
            return MailOutcome.Skipped;
        }
        var mailbox = options.Value.FromMailbox.Address;
        if (string.Equals(incoming.Address, mailbox, StringComparison.OrdinalIgnoreCase))
        {
            logger.LogInformation("Email: skipped mail UID {Uid}: it comes from the support mailbox itself", uid);
            return MailOutcome.Skipped;
        }

        var identity = new ContactIdentity(ChannelKind.Email, incoming.Address.ToLowerInvariant());
        var thread = await threads.FindAsync(identity, incoming, cancellationToken);
        if (thread.IsRepeat)
        {
            logger.LogInformation("Email: mail UID {Uid} ({ExternalId}) is already stored", uid, incoming.ExternalId);
            return MailOutcome.Repeat;
        }

        var (stored, notKept) = await attachments.SaveAsync(incoming.Attachments, cancellationToken);
        var message = new IncomingMessage(
            identity,
            TextOf(incoming, notKept, stored.Count > 0),
            ConversationId: thread.ConversationId,
            StartNewConversation: thread.ConversationId is null,
            Profile: new ContactProfile(Name: incoming.Name, Email: incoming.Address),
            Attachments: stored,
            ExternalId: incoming.ExternalId,
            Site: mailbox,
            Subject: incoming.Subject);
        var result = await customers.ReceiveAsync(message, cancellationToken);
        if (!result.Succeeded && result.Error.Kind == InboxErrorKind.NotFound && thread.ConversationId is not null)
            // The conversation is not this contact's after all (or is gone): the mail starts a new one instead.
            result = await customers.ReceiveAsync(message with { ConversationId = null, StartNewConversation = true }, cancellationToken);
        if (!result.Succeeded)
        {
            logger.LogWarning("Email: skipped mail UID {Uid} ({ExternalId}): {Reason}", uid, incoming.ExternalId, result.Error.Message);
            return MailOutcome.Skipped;
        }
        if (result.Value.IsDuplicate)
        {
            logger.LogInformation("Email: mail UID {Uid} ({ExternalId}) is already stored", uid, incoming.ExternalId);
            return MailOutcome.Repeat;
        }
        logger.LogInformation("Email: mail UID {Uid} ({ExternalId}) stored in conversation #{ConversationId}{Started}",
            uid, incoming.ExternalId, result.Value.Conversation.Id, result.Value.StartedConversation ? " (new)" : "");
        return MailOutcome.Stored;
    }

    /// <summary>The message text: the mail's text, notes about attachments not kept, cut to the inbox's length limit.</summary>
    private string TextOf(IncomingMail mail, IReadOnlyList<string> notKept, bool hasAttachments)
    {
        var parts = new List<string>();
        if (mail.Text.Length > 0) parts.Add(mail.Text);
        else if (!hasAttachments) parts.Add(mail.Subject ?? "(empty mail)");
        parts.AddRange(notKept);
        var text = string.Join("\n\n", parts);
        var max = inbox.MaxMessageLength;
        if (text.Length <= max) return text;
        var cut = char.IsHighSurrogate(text[max - 2]) ? max - 2 : max - 1;
        return text[..cut].TrimEnd() + "…";
    }
}

/// <summary>What became of one mail.</summary>
public enum MailOutcome
{
    Stored,
    Repeat,
    Skipped,
}
