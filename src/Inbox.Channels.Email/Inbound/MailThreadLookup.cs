using Inbox.Channels.Email.Mail;
using Inbox.Core.Model;
using Inbox.Core.Views;

namespace Inbox.Channels.Email.Inbound;

/// <summary>Finds the conversation a mail answers: one of ours its In-Reply-To or References name (our reply, or the customer's
/// own earlier mail), and only if that conversation is the same contact's email conversation.</summary>
public sealed class MailThreadLookup(IInboxQueries queries)
{
    /// <summary>The contact's conversation the mail belongs to (null: start a new one), and whether the mail is already stored.</summary>
    public async Task<MailThread> FindAsync(ContactIdentity identity, IncomingMail mail, CancellationToken cancellationToken)
    {
        var contact = await queries.FindContactAsync(identity, cancellationToken);
        if (contact is null) return new MailThread(null, false);

        var known = await KnownMailsAsync(contact.Id, cancellationToken);
        var isRepeat = known.ContainsKey(mail.ExternalId);
        foreach (var reference in mail.References)
        {
            if (known.TryGetValue(MailMessageIds.ExternalIdOf(reference), out var ofCustomer))
                return new MailThread(ofCustomer, isRepeat);
            if (await OurReplyAsync(contact.Id, reference, cancellationToken) is { } ofReply)
                return new MailThread(ofReply, isRepeat);
        }
        return new MailThread(null, isRepeat);
    }

    /// <summary>The conversation of our reply with this Message-ID: recorded at delivery, or read from the id we gave it
    /// (covers a reply whose delivery was not recorded yet); null unless it is this contact's email conversation.</summary>
    private async Task<long?> OurReplyAsync(Guid contactId, string messageId, CancellationToken ct)
    {
        var reply = await queries.FindMessageByDeliveryAsync(EmailChannel.Destination, messageId, ct);
        if (reply is null && MailMessageIds.TryParseReply(messageId, out var messageNumber, out var conversationNumber))
        {
            var candidate = await queries.FindMessageAsync(messageNumber, ct);
            if (candidate is { Direction: MessageDirection.FromOperator } && candidate.ConversationId == conversationNumber) reply = candidate;
        }
        if (reply is null) return null;
        var conversation = await queries.FindConversationAsync(reply.ConversationId, ct);
        return conversation is { Channel: ChannelKind.Email } && conversation.ContactId == contactId ? conversation.Id : null;
    }

    /// <summary>The external ids of the contact's stored mails, with their conversations.</summary>
    private async Task<Dictionary<string, long>> KnownMailsAsync(Guid contactId, CancellationToken ct)
    {
        var known = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var conversation in await queries.GetContactConversationsAsync(contactId, ct))
        {
            if (conversation.Channel != ChannelKind.Email) continue;
            foreach (var message in await queries.GetMessagesAsync(conversation.Id, includeInternal: false, ct))
                if (message is { Direction: MessageDirection.FromCustomer, ExternalId: { } id } && id.StartsWith(MailMessageIds.ExternalIdPrefix, StringComparison.Ordinal))
                    known.TryAdd(id, conversation.Id);
        }
        return known;
    }
}

/// <summary>Where a mail belongs: an existing conversation or a new one, and whether it is a repeat of a stored mail.</summary>
public sealed record MailThread(long? ConversationId, bool IsRepeat);
