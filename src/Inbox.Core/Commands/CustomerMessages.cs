using Inbox.Core.Events;
using Inbox.Core.Model;
using Inbox.Core.Outbox;
using Inbox.Core.Storage;

namespace Inbox.Core.Commands;

/// <summary>What channel adapters call when a customer writes or tells us about themselves.</summary>
public sealed class CustomerMessages(IInboxStore store, OutboxRouting routing, InboxOptions options, TimeProvider time, Spam.SpamRules? spam = null, Routing.RouteBook? routes = null)
{
    /// <summary>Stores a customer's message: finds or creates the contact and conversation, drops repeats.</summary>
    public Task<InboxResult<ReceivedMessage>> ReceiveAsync(IncomingMessage incoming, CancellationToken cancellationToken) =>
        store.WriteAsync((uow, ct) => ReceiveAsync(uow, incoming, ct), cancellationToken);

    /// <summary>Records name, email, phone and other facts; creates the contact if this is their first word.</summary>
    public Task<InboxResult<Contact>> UpdateProfileAsync(ContactIdentity identity, ContactProfile profile, CancellationToken cancellationToken) =>
        store.WriteAsync<InboxResult<Contact>>(async (uow, ct) =>
        {
            var contact = await uow.FindContactAsync(identity, ct);
            if (contact is null)
            {
                contact = new Contact(uow.NewId(), identity, time.GetUtcNow());
                uow.Add(contact);
            }
            contact.Update(profile);
            return contact;
        }, cancellationToken);

    private async ValueTask<InboxResult<ReceivedMessage>> ReceiveAsync(IInboxUnitOfWork uow, IncomingMessage incoming, CancellationToken ct)
    {
        if (MessageText.Check(incoming.Text, incoming.Attachments, options.MaxMessageLength) is { } invalid)
            return invalid;

        var contact = await uow.FindContactAsync(incoming.From, ct);
        if (incoming.ExternalId is not null && await uow.FindMessageByExternalIdAsync(incoming.ExternalId, ct) is { } repeat)
        {
            // Another writer (a second host) may have stored this visitor and the message together after the first look.
            contact ??= await uow.FindContactAsync(incoming.From, ct);
            var earlier = await uow.FindConversationAsync(repeat.ConversationId, ct);
            if (contact is not null && earlier is not null && earlier.ContactId == contact.Id)
                return new ReceivedMessage(earlier, contact, repeat, IsDuplicate: true, StartedConversation: false);
            return InboxError.Conflict("This message id was already used.");
        }

        var now = time.GetUtcNow();
        Conversation? conversation = null;
        if (incoming.ConversationId is { } id)
        {
            conversation = await uow.FindConversationAsync(id, ct);
            // The same answer for "missing" and "someone else's": a visitor learns nothing about other chats.
            if (conversation is null || contact is null || conversation.ContactId != contact.Id || conversation.Channel != incoming.From.Channel)
                return InboxError.NotFound($"Conversation #{id} was not found.");
        }

        if (contact is null)
        {
            contact = new Contact(uow.NewId(), incoming.From, now);
            uow.Add(contact);
        }
        if (incoming.Profile is not null)
            contact.Update(incoming.Profile);

        // A blocked visitor keeps writing into their spam conversation instead of filling Spam with new ones.
        if (conversation is null && !incoming.StartNewConversation)
            conversation = await uow.FindLatestConversationAsync(contact.Id, incoming.From.Channel, ConversationStatus.Open, ct)
                ?? (contact.IsBlocked ? await uow.FindLatestConversationAsync(contact.Id, incoming.From.Channel, ConversationStatus.Spam, ct) : null);

        var started = conversation is null;
        if (conversation is null)
        {
            conversation = new Conversation(uow.NextConversationId(), contact.Id, incoming.From.Channel, incoming.Site, now, incoming.Subject);
            if (routes is not null)
                conversation.RouteTo(routes.Match(conversation, contact).Name);
            if (contact.IsBlocked)
            {
                conversation.SetContactBlocked(true);
                conversation.MarkSpam(now);
            }
            uow.Add(conversation);
            if (!contact.IsBlocked && spam is not null && await SpamReasonAsync(uow, contact, conversation.Id, incoming.Text ?? "", now, ct) is { } reason)
            {
                // Marked before anyone is told, so it notifies nobody; operators find it in Spam and can reopen it.
                conversation.MarkSpam(now);
                uow.Add(new Message(uow.NextMessageId(), conversation.Id, MessageDirection.System,
                    $"Marked as spam automatically: {reason}. Reopen it if this is a real customer.", now, authorName: "Inbox", isInternal: true));
            }
            routing.Publish(uow, new ConversationStarted(conversation, contact, now));
        }
        else if (conversation.Status == ConversationStatus.Closed && !contact.IsBlocked)
        {
            // A customer writing into a closed conversation brings it back to the operators.
            var previous = conversation.Status;
            conversation.Reopen(now);
            AddSystemLine(uow, conversation, contact, "The customer wrote again; the conversation is open.", now);
            routing.Publish(uow, new StatusChanged(conversation, contact, previous, null, now));
        }

        var message = new Message(
            uow.NextMessageId(), conversation.Id, MessageDirection.FromCustomer, incoming.Text?.Trim() ?? "", now,
            authorName: contact.DisplayName, attachments: incoming.Attachments, externalId: incoming.ExternalId);
        uow.Add(message);
        conversation.RecordCustomerMessage(message.Text, now);
        routing.Publish(uow, new MessageAdded(conversation, contact, message, now));
        return new ReceivedMessage(conversation, contact, message, IsDuplicate: false, StartedConversation: started);
    }

    private async ValueTask<string?> SpamReasonAsync(IInboxUnitOfWork uow, Contact contact, long startingId, string text, DateTimeOffset now, CancellationToken ct)
    {
        // Loading the visitor's conversations is only worth it when the rate rule is on.
        var recent = spam!.CountsConversations
            ? (await uow.ConversationsOfContactAsync(contact.Id, ct)).Count(c => c.Id != startingId && c.StartedAt > now - TimeSpan.FromHours(1)) + 1
            : 1;
        return spam.Check(text, recent);
    }

    private void AddSystemLine(IInboxUnitOfWork uow, Conversation conversation, Contact contact, string text, DateTimeOffset now) =>
        SystemLines.Add(uow, routing, conversation, contact, text, now, isInternal: true);
}
