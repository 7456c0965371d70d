using Inbox.Channels.Email.Text;
using Inbox.Core.Model;
using MimeKit;

namespace Inbox.Channels.Email.Outbound;

/// <summary>Writes an operator's reply as a plain-text mail: from the name the customer sees (operator or alias) at the support address, to the customer,
/// "Re: " and the conversation's subject, with the threading headers, dated when the reply was written.</summary>
public static class ReplyComposer
{
    public static MimeMessage Compose(
        Message reply, Conversation conversation, MailboxAddress customer, MailboxAddress supportMailbox, ReplyThreading threading)
    {
        var mail = new MimeMessage
        {
            MessageId = threading.MessageId,
            Subject = SubjectLine.ForReply(conversation.Subject),
            Date = reply.CreatedAt,
            Body = new TextPart(MimeKit.Text.TextFormat.Plain) { Text = reply.Text },
        };
        // The name the conversation's route shows customers (the operator's or the team alias), at the support address.
        var sender = reply.SenderName ?? reply.AuthorName;
        mail.From.Add(new MailboxAddress(string.IsNullOrWhiteSpace(sender) ? supportMailbox.Name : sender, supportMailbox.Address));
        mail.To.Add(customer);
        if (threading.InReplyTo is not null) mail.InReplyTo = threading.InReplyTo;
        foreach (var reference in threading.References) mail.References.Add(reference);
        return mail;
    }
}
