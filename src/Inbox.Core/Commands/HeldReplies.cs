using Inbox.Core.Events;
using Inbox.Core.Model;
using Inbox.Core.Outbox;
using Inbox.Core.Storage;

namespace Inbox.Core.Commands;

/// <summary>Replies waiting out their undo window: held when written, released once it has passed, or undone by their author inside it.</summary>
/// <remarks>
/// A held reply is stored with <see cref="Message.HeldUntil"/> and one outbox row due at that time; nothing else leaves for it
/// (no customer delivery, no mirror on the other surface). The row's delivery releases it: from then on it is an ordinary reply,
/// routed to every destination in the release's own transaction. Undo and release are both writes of the single store, so
/// exactly one of them wins: an undone reply is never released, a released one can no longer be undone. The row survives a
/// restart, so a reply held when the host stopped goes out once after the window.
/// </remarks>
public sealed class HeldReplies(IInboxStore store, OutboxRouting routing, TimeProvider time)
{
    /// <summary>The outbox destination of releases.</summary>
    public const string Destination = "release";

    /// <summary>The refusal of an undo that came after the reply left; bridges show it as "sent".</summary>
    public const string TooLate = "Too late to undo: the reply was sent.";

    /// <summary>Whole seconds until a held reply leaves, at least 1: what an Undo offer says ("sending in 5 s").</summary>
    public static int SecondsLeft(DateTimeOffset heldUntil, DateTimeOffset now) => Math.Max(1, (int)Math.Ceiling((heldUntil - now).TotalSeconds));

    /// <summary>Holds <paramref name="reply"/> (already added) until <paramref name="until"/>.</summary>
    internal static void Hold(IInboxUnitOfWork uow, Message reply, DateTimeOffset until)
    {
        reply.Hold(until);
        uow.Enqueue(new OutboxMessage(Destination, OutboxMessage.ConversationPartition(Destination, reply.ConversationId),
            $"{Destination}:{reply.Id}", reply.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), reply.Id) { NotBefore = until });
    }

    /// <summary>Cancels a held reply: the customer never gets it. Refused once the window has passed or the reply was released.</summary>
    /// <param name="conversationId">When given, the conversation the reply must belong to.</param>
    public Task<InboxResult<ConversationChange>> UndoAsync(long messageId, Guid actorId, CancellationToken cancellationToken, long? conversationId = null) =>
        store.WriteAsync<InboxResult<ConversationChange>>(async (uow, ct) =>
        {
            var message = await uow.FindMessageAsync(messageId, ct);
            if (message is null || message.Direction != MessageDirection.FromOperator || conversationId is { } expected && message.ConversationId != expected)
                return InboxError.NotFound("That reply is not in Inbox.");
            if (message.AuthorOperatorId != actorId)
                return InboxError.Conflict("Only the operator who wrote a reply can undo it.");
            var conversation = await uow.FindConversationAsync(message.ConversationId, ct);
            var contact = conversation is null ? null : await uow.FindContactAsync(conversation.ContactId, ct);
            if (conversation is null || contact is null) return InboxError.NotFound("The reply's conversation no longer exists.");
            if (message.WithdrawnAt is not null)
                return new ConversationChange(conversation, contact, "Already undone: the reply was not sent.", message);
            var now = time.GetUtcNow();
            if (message.HeldUntil is not { } until || now >= until)
                return InboxError.Conflict(TooLate);

            var actor = await uow.FindOperatorAsync(actorId, ct);
            Withdraw(uow, conversation, contact, message, now,
                $"{actor?.DisplayName ?? "An operator"} undid a reply; the customer did not get it.", actorId, actor?.DisplayName);
            return new ConversationChange(conversation, contact, "Undone: the reply was not sent.", message);
        }, cancellationToken);

    /// <summary>Lets a held reply go once its window has passed; returns how long is left when it has not (a clock ahead of this one released early).</summary>
    public Task<TimeSpan?> ReleaseAsync(long messageId, CancellationToken cancellationToken) =>
        store.WriteAsync<TimeSpan?>(async (uow, ct) =>
        {
            var message = await uow.FindMessageAsync(messageId, ct);
            if (message is null || !message.IsHeld) return null; // undone, or released by an earlier attempt
            var now = time.GetUtcNow();
            if (message.HeldUntil > now) return message.HeldUntil - now;
            var conversation = await uow.FindConversationAsync(message.ConversationId, ct);
            var contact = conversation is null ? null : await uow.FindContactAsync(conversation.ContactId, ct);
            if (conversation is null || contact is null) return null;

            if (conversation.Status == ConversationStatus.Spam || contact.IsBlocked)
            {
                // Marked spam or blocked inside the window: Inbox sends nothing to such a visitor.
                Withdraw(uow, conversation, contact, message, now,
                    "A held reply was not sent: the conversation was marked spam or its visitor blocked meanwhile.");
                return null;
            }
            message.Release();
            conversation.RecordReleasedReply(message.Text, message.CreatedAt, now);
            routing.Publish(uow, new MessageAdded(conversation, contact, message, now));
            return null;
        }, cancellationToken);

    // The reply never leaves; the threads are told (the surfaces redraw it), and an internal line says why.
    private void Withdraw(IInboxUnitOfWork uow, Conversation conversation, Contact contact, Message reply, DateTimeOffset now,
        string why, Guid? authorId = null, string? authorName = null)
    {
        reply.Withdraw(now);
        routing.Publish(uow, new ReplyWithdrawn(conversation, contact, reply, now));
        SystemLines.Add(uow, routing, conversation, contact, why, now, isInternal: true, authorId, authorName);
    }
}
