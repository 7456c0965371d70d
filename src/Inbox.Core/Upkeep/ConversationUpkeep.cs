using System.Globalization;
using Inbox.Core.Commands;
using Inbox.Core.Events;
using Inbox.Core.Model;
using Inbox.Core.Outbox;
using Inbox.Core.Storage;

namespace Inbox.Core.Upkeep;

/// <summary>What Inbox itself does to conversations on a schedule: reminders about waiting customers, closing idle ones.</summary>
/// <remarks>Each change re-checks its reason inside the write, so a reply or a message that came in meanwhile wins.</remarks>
public sealed class ConversationUpkeep(IInboxStore store, OutboxRouting routing, TimeProvider time)
{
    /// <summary>Posts reminder number <paramref name="stage"/> (the customer has waited at least <paramref name="waited"/>) into the conversation, once.</summary>
    public Task<InboxResult<ConversationChange>> RemindAsync(long conversationId, int stage, TimeSpan waited, CancellationToken cancellationToken) =>
        store.WriteAsync<InboxResult<ConversationChange>>(async (uow, ct) =>
        {
            var (conversation, contact) = await LoadAsync(uow, conversationId, ct);
            if (conversation is null || contact is null) return InboxError.NotFound($"Conversation #{conversationId} does not exist.");
            var now = time.GetUtcNow();
            if (conversation.Status != ConversationStatus.Open || !conversation.AwaitingReply || conversation.WaitingSince is not { } since
                || now - since < waited || conversation.RemindersSent >= stage)
                return InboxError.Conflict($"{conversation.Reference} needs no reminder now.");
            var assignee = conversation.AssigneeId is { } id ? await uow.FindOperatorAsync(id, ct) : null;
            conversation.RecordReminder(stage);
            var who = assignee is null ? "nobody is assigned — take it with Assign to me" : $"assigned to @{assignee.DisplayName}";
            var text = $"⏰ The customer has waited more than {Describe(waited)} for a reply; {who}.";
            Add(uow, conversation, contact, new Message(uow.NextMessageId(), conversation.Id, MessageDirection.System, text, now,
                authorName: "Inbox", isInternal: true), now);
            return new ConversationChange(conversation, contact, text);
        }, cancellationToken);

    /// <summary>Closes the conversation when nothing happened in it since <paramref name="idleSince"/>, telling the customer why.</summary>
    public Task<InboxResult<ConversationChange>> CloseIdleAsync(long conversationId, DateTimeOffset idleSince, TimeSpan idleFor, CancellationToken cancellationToken) =>
        store.WriteAsync<InboxResult<ConversationChange>>(async (uow, ct) =>
        {
            var (conversation, contact) = await LoadAsync(uow, conversationId, ct);
            if (conversation is null || contact is null) return InboxError.NotFound($"Conversation #{conversationId} does not exist.");
            if (conversation.Status != ConversationStatus.Open || conversation.AwaitingReply || conversation.LastActivityAt >= idleSince)
                return InboxError.Conflict($"{conversation.Reference} is not idle.");
            var now = time.GetUtcNow();
            var previous = conversation.Status;
            conversation.Close(now);
            Add(uow, conversation, contact, new Message(uow.NextMessageId(), conversation.Id, MessageDirection.System,
                $"This conversation was closed after {Describe(idleFor)} without activity. Write again any time to reopen it.", now, authorName: "Inbox"), now);
            routing.Publish(uow, new StatusChanged(conversation, contact, previous, null, now));
            return new ConversationChange(conversation, contact, $"{conversation.Reference} closed after {Describe(idleFor)} idle.");
        }, cancellationToken);

    private void Add(IInboxUnitOfWork uow, Conversation conversation, Contact contact, Message message, DateTimeOffset now)
    {
        uow.Add(message);
        routing.Publish(uow, new MessageAdded(conversation, contact, message, now));
    }

    private static async ValueTask<(Conversation?, Contact?)> LoadAsync(IInboxUnitOfWork uow, long id, CancellationToken ct)
    {
        var conversation = await uow.FindConversationAsync(id, ct);
        return (conversation, conversation is null ? null : await uow.FindContactAsync(conversation.ContactId, ct));
    }

    /// <summary>"15 minutes", "2 hours", "2 days".</summary>
    public static string Describe(TimeSpan span)
    {
        static string Unit(int n, string unit) => string.Create(CultureInfo.InvariantCulture, $"{n} {unit}{(n == 1 ? "" : "s")}");
        return span >= TimeSpan.FromDays(1) && span.TotalHours % 24 == 0 ? Unit((int)span.TotalDays, "day")
            : span >= TimeSpan.FromHours(1) && span.TotalMinutes % 60 == 0 ? Unit((int)span.TotalHours, "hour")
            : span >= TimeSpan.FromMinutes(1) ? Unit((int)span.TotalMinutes, "minute")
            : Unit(Math.Max(1, (int)span.TotalSeconds), "second");
    }
}
