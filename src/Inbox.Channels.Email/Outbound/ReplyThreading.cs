using Inbox.Channels.Email.Mail;
using Inbox.Core.Model;

namespace Inbox.Channels.Email.Outbound;

/// <summary>The threading headers of a reply: its own Message-ID, the customer mail it answers, and the thread's chain.</summary>
/// <param name="MessageId">Deterministic (<see cref="MailMessageIds.ForReply"/>), so every attempt sends the same mail.</param>
/// <param name="InReplyTo">The customer's latest Message-ID before the reply; null when no customer mail had one.</param>
/// <param name="References">The thread's Message-IDs in order, customer mails and our replies; the first and the latest kept when long.</param>
public sealed record ReplyThreading(string MessageId, string? InReplyTo, IReadOnlyList<string> References)
{
    public const int MaxReferences = 20;

    /// <param name="reply">The operator's reply being sent.</param>
    /// <param name="history">The conversation's customer-visible messages in order (the reply itself may be among them).</param>
    /// <param name="domain">The domain of the support mailbox, for our own Message-IDs.</param>
    public static ReplyThreading For(Message reply, IReadOnlyList<Message> history, string domain)
    {
        var chain = new List<string>();
        string? latestCustomer = null;
        foreach (var message in history.Where(m => m.Id < reply.Id).OrderBy(m => m.Id))
        {
            switch (message.Direction)
            {
                case MessageDirection.FromCustomer when MailMessageIds.MessageIdOf(message.ExternalId) is { } customerMail:
                    chain.Add(customerMail);
                    latestCustomer = customerMail;
                    break;
                case MessageDirection.FromOperator when !message.IsInternal:
                    var delivered = message.Deliveries.FirstOrDefault(d => d.Destination == EmailChannel.Destination)?.ExternalId;
                    // A reply withdrawn before it went out was never sent; one still on its way will have the id it is given here.
                    if (delivered is null && (message.DeletedAt is not null || message.WithdrawnAt is not null || message.IsHeld)) break;
                    chain.Add(delivered ?? MailMessageIds.ForReply(message.Id, message.ConversationId, domain));
                    break;
            }
        }
        var references = chain.Distinct(StringComparer.Ordinal).ToList();
        if (references.Count > MaxReferences)
            references = [references[0], .. references.TakeLast(MaxReferences - 1)];
        return new ReplyThreading(MailMessageIds.ForReply(reply.Id, reply.ConversationId, domain), latestCustomer, references);
    }
}
