using Inbox.Core.Events;
using Inbox.Core.Model;
using Inbox.Core.Outbox;
using Inbox.Core.Routing;
using Inbox.Core.Storage;

namespace Inbox.Core.Commands;

/// <summary>Everything an operator can do to a conversation; each command checks its preconditions first.</summary>
public sealed class OperatorCommands(
    IInboxStore store, OutboxRouting routing, InboxOptions options, TimeProvider time, RouteBook? routes = null, ReplyOptions? replies = null)
{
    private readonly RouteBook _routes = routes ?? new RouteBook(new RoutingOptions());
    private readonly ReplyOptions _replies = replies ?? new ReplyOptions { UndoWindow = TimeSpan.Zero };
    private readonly TagRerouting _rerouting = new(routes ?? new RouteBook(new RoutingOptions()), routing);

    public Task<InboxResult<ConversationChange>> ReplyAsync(
        long conversationId, Guid actorId, string text, IReadOnlyList<Attachment>? attachments = null, string? externalId = null,
        CancellationToken cancellationToken = default) =>
        Run(conversationId, actorId, cancellationToken, async (uow, t, ct) =>
        {
            if (MessageText.Check(text, attachments, options.MaxMessageLength) is { } invalid) return invalid;
            if (await RepeatOf(uow, t, externalId, ct) is { } repeat)
                return repeat.Succeeded ? repeat.Value with { Summary = "Already sent.", IsRepeat = true } : repeat;
            if (t.Contact.IsBlocked)
                return InboxError.Conflict($"{t.Conversation.Reference}: the visitor is blocked; unblock them before replying.");
            if (t.Conversation.Status == ConversationStatus.Spam)
                return InboxError.Conflict($"{t.Conversation.Reference} is marked as spam; reopen it before replying.");

            // Reopened at once, so what the customer writes meanwhile joins this conversation; while the reply is held the
            // line says so to operators only: the customer learns of the reply when it reaches them, and never if it is undone.
            if (t.Conversation.Status == ConversationStatus.Closed)
                ChangeStatus(uow, t, ConversationStatus.Open, $"{ShownName(t)} replied; the conversation is open again.", isInternal: _replies.HoldsReplies);
            var reply = new Message(uow.NextMessageId(), t.Conversation.Id, MessageDirection.FromOperator, text.Trim(), t.Now,
                t.Actor.Id, t.Actor.DisplayName, attachments, externalId);
            var route = _routes.Of(t.Conversation);
            reply.PresentAs(route.SenderNameFor(t.Actor.DisplayName), route.CustomerSees == CustomerSees.Operator ? t.Actor.AvatarUrl : null);
            uow.Add(reply);
            if (_replies.HoldsReplies)
            {
                HeldReplies.Hold(uow, reply, t.Now + _replies.UndoWindow);
                return new ConversationChange(t.Conversation, t.Contact,
                    $"Reply to {t.Conversation.Reference} goes out in {_replies.UndoWindow.TotalSeconds:0.#} s unless you undo it.", reply);
            }
            t.Conversation.RecordOperatorReply(reply.Text, t.Now);
            routing.Publish(uow, new MessageAdded(t.Conversation, t.Contact, reply, t.Now));
            return new ConversationChange(t.Conversation, t.Contact, $"Reply sent to {t.Conversation.Reference}.", reply);
        });

    public Task<InboxResult<ConversationChange>> AddNoteAsync(
        long conversationId, Guid actorId, string text, string? externalId = null, CancellationToken cancellationToken = default) =>
        Run(conversationId, actorId, cancellationToken, async (uow, t, ct) =>
        {
            if (MessageText.Check(text, null, options.MaxMessageLength) is { } invalid) return invalid;
            if (await RepeatOf(uow, t, externalId, ct) is { } repeat)
                return repeat.Succeeded ? repeat.Value with { Summary = "Already noted.", IsRepeat = true } : repeat;
            var note = new Message(uow.NextMessageId(), t.Conversation.Id, MessageDirection.Note, text.Trim(), t.Now,
                t.Actor.Id, t.Actor.DisplayName, externalId: externalId);
            uow.Add(note);
            routing.Publish(uow, new MessageAdded(t.Conversation, t.Contact, note, t.Now));
            return new ConversationChange(t.Conversation, t.Contact, $"Note added to {t.Conversation.Reference}.", note);
        });

    /// <summary>Changes the text of a reply or note the actor wrote (known by its external id, e.g. its Slack ts).</summary>
    /// <param name="asNote">How the thread reads the edited text (its note or send prefix); an edit may not turn a reply into a note or back.</param>
    public Task<InboxResult<ConversationChange>> EditAsync(string externalId, Guid actorId, string text, CancellationToken cancellationToken = default, bool? asNote = null) =>
        ChangeOwnMessage(externalId, actorId, cancellationToken, (message, now) =>
            message.DeletedAt is not null ? InboxError.Conflict("The message was deleted; a deleted message cannot be edited.")
                : asNote is { } note && note != (message.Direction == MessageDirection.Note)
                    ? InboxError.Conflict(note
                        ? "An edit cannot turn a reply to the customer into a note; the reply keeps its earlier text."
                        : "An edit cannot turn a note into a reply to the customer; write the reply as a new message.")
                : message.WithdrawnAt is not null ? InboxError.Conflict("The reply was undone; an undone reply cannot be edited.")
                : MessageText.Check(text, null, options.MaxMessageLength)
                    ?? Apply(() => { if (message.IsHeld) message.ReplaceHeldText(text.Trim()); else message.Edit(text.Trim(), now); }));

    /// <summary>Withdraws a reply or note the actor wrote; the customer sees that it was deleted.</summary>
    public Task<InboxResult<ConversationChange>> DeleteAsync(string externalId, Guid actorId, CancellationToken cancellationToken = default) =>
        ChangeOwnMessage(externalId, actorId, cancellationToken, (message, now) =>
            message.DeletedAt is not null || message.WithdrawnAt is not null ? InboxError.Conflict("The message is already deleted.")
                : Apply(() => { if (message.IsHeld) message.Withdraw(now); else message.Delete(now); }));

    /// <summary>Assigns to <paramref name="assigneeId"/> (use the actor's own id for "assign to me").</summary>
    public Task<InboxResult<ConversationChange>> AssignAsync(long conversationId, Guid assigneeId, Guid actorId, CancellationToken cancellationToken = default) =>
        Run(conversationId, actorId, cancellationToken, (uow, t, ct) => ChangeAssignee(uow, t, assigneeId, isTransfer: false, ct));

    /// <summary>Gives a waiting conversation to <paramref name="operatorId"/> on Inbox's behalf (auto-assignment).</summary>
    /// <remarks>Refused unless the conversation is still open, unassigned and not from a blocked visitor, and the operator is online.</remarks>
    public Task<InboxResult<ConversationChange>> AutoAssignAsync(long conversationId, Guid operatorId, CancellationToken cancellationToken = default) =>
        Run(conversationId, operatorId, cancellationToken, (uow, t, _) =>
        {
            if (t.Conversation.Status != ConversationStatus.Open || t.Conversation.AssigneeId is not null || t.Conversation.IsContactBlocked)
                return Done(InboxError.Conflict($"{t.Conversation.Reference} no longer waits for an assignee."));
            if (t.Actor.Status != OperatorStatus.Online)
                return Done(InboxError.Conflict($"{t.Actor.DisplayName} is not online."));
            t.Conversation.Assign(t.Actor.Id);
            t.Actor.RecordAutoAssignment(t.Now);
            SystemLines.Add(uow, routing, t.Conversation, t.Contact, $"Inbox assigned the conversation to {t.Actor.DisplayName}.", t.Now, isInternal: true);
            routing.Publish(uow, new AssigneeChanged(t.Conversation, t.Contact, null, t.Actor, t.Actor, t.Now));
            return Done(new ConversationChange(t.Conversation, t.Contact, $"{t.Conversation.Reference} is now assigned to {t.Actor.DisplayName}."));
        });

    /// <summary>Hands the conversation to another operator.</summary>
    public Task<InboxResult<ConversationChange>> TransferAsync(long conversationId, Guid toOperatorId, Guid actorId, CancellationToken cancellationToken = default) =>
        Run(conversationId, actorId, cancellationToken, (uow, t, ct) => ChangeAssignee(uow, t, toOperatorId, isTransfer: true, ct));

    /// <summary>Takes part in the conversation without taking the assignment.</summary>
    public Task<InboxResult<ConversationChange>> JoinAsync(long conversationId, Guid actorId, CancellationToken cancellationToken = default) =>
        Run(conversationId, actorId, cancellationToken, (uow, t, _) =>
        {
            if (t.Conversation.AssigneeId == t.Actor.Id)
                return Done(InboxError.Conflict($"You are already assigned to {t.Conversation.Reference}."));
            if (t.Conversation.Participants.Contains(t.Actor.Id))
                return Done(InboxError.Conflict($"You have already joined {t.Conversation.Reference}."));
            if (t.Conversation.Status == ConversationStatus.Spam)
                return Done(InboxError.Conflict($"{t.Conversation.Reference} is marked as spam."));
            t.Conversation.Join(t.Actor.Id);
            AddSystemLine(uow, t, $"{t.Actor.DisplayName} joined the conversation.", isInternal: true);
            routing.Publish(uow, new OperatorJoined(t.Conversation, t.Contact, t.Actor, t.Now));
            return Done(new ConversationChange(t.Conversation, t.Contact, $"You joined {t.Conversation.Reference}."));
        });

    public Task<InboxResult<ConversationChange>> CloseAsync(long conversationId, Guid actorId, CancellationToken cancellationToken = default) =>
        Run(conversationId, actorId, cancellationToken, (uow, t, _) => t.Conversation.Status switch
        {
            ConversationStatus.Closed => Done(InboxError.Conflict($"{t.Conversation.Reference} is already closed.")),
            ConversationStatus.Spam => Done(InboxError.Conflict($"{t.Conversation.Reference} is marked as spam; reopen it first if it is not.")),
            _ => Done(ChangeStatus(uow, t, ConversationStatus.Closed, $"{ShownName(t)} closed the conversation.")),
        });

    /// <summary>Reopens a closed conversation, or takes one back out of Spam.</summary>
    public Task<InboxResult<ConversationChange>> ReopenAsync(long conversationId, Guid actorId, CancellationToken cancellationToken = default) =>
        Run(conversationId, actorId, cancellationToken, (uow, t, _) =>
        {
            if (t.Conversation.Status == ConversationStatus.Open)
                return Done(InboxError.Conflict($"{t.Conversation.Reference} is already open."));
            if (t.Contact.IsBlocked)
                return Done(InboxError.Conflict($"{t.Conversation.Reference}: the visitor is blocked; unblock them to reopen."));
            return Done(ChangeStatus(uow, t, ConversationStatus.Open, $"{ShownName(t)} reopened the conversation."));
        });

    public Task<InboxResult<ConversationChange>> MarkSpamAsync(long conversationId, Guid actorId, CancellationToken cancellationToken = default) =>
        Run(conversationId, actorId, cancellationToken, (uow, t, _) => t.Conversation.Status == ConversationStatus.Spam
            ? Done(InboxError.Conflict($"{t.Conversation.Reference} is already marked as spam."))
            : Done(ChangeStatus(uow, t, ConversationStatus.Spam, $"{t.Actor.DisplayName} marked the conversation as spam.", isInternal: true)));

    /// <summary>Blocks the conversation's visitor: all their conversations move to Spam and their new messages notify nobody.</summary>
    public Task<InboxResult<ConversationChange>> BlockAsync(long conversationId, Guid actorId, CancellationToken cancellationToken = default) =>
        Run(conversationId, actorId, cancellationToken, (uow, t, ct) => SetBlocked(uow, t, blocked: true, ct));

    public Task<InboxResult<ConversationChange>> UnblockAsync(long conversationId, Guid actorId, CancellationToken cancellationToken = default) =>
        Run(conversationId, actorId, cancellationToken, (uow, t, ct) => SetBlocked(uow, t, blocked: false, ct));

    /// <summary>Tags the conversation (chat tag).</summary>
    public Task<InboxResult<ConversationChange>> TagAsync(long conversationId, string tag, Guid actorId, CancellationToken cancellationToken = default) =>
        Run(conversationId, actorId, cancellationToken, (uow, t, ct) => ChangeTag(uow, t, tag, onContact: false, add: true, ct));

    public Task<InboxResult<ConversationChange>> UntagAsync(long conversationId, string tag, Guid actorId, CancellationToken cancellationToken = default) =>
        Run(conversationId, actorId, cancellationToken, (uow, t, ct) => ChangeTag(uow, t, tag, onContact: false, add: false, ct));

    /// <summary>Tags the conversation's visitor (visitor tag, shown on all their conversations).</summary>
    public Task<InboxResult<ConversationChange>> TagContactAsync(long conversationId, string tag, Guid actorId, CancellationToken cancellationToken = default) =>
        Run(conversationId, actorId, cancellationToken, (uow, t, ct) => ChangeTag(uow, t, tag, onContact: true, add: true, ct));

    public Task<InboxResult<ConversationChange>> UntagContactAsync(long conversationId, string tag, Guid actorId, CancellationToken cancellationToken = default) =>
        Run(conversationId, actorId, cancellationToken, (uow, t, ct) => ChangeTag(uow, t, tag, onContact: true, add: false, ct));

    private async ValueTask<InboxResult<ConversationChange>> ChangeAssignee(IInboxUnitOfWork uow, Target t, Guid assigneeId, bool isTransfer, CancellationToken ct)
    {
        var assignee = await uow.FindOperatorAsync(assigneeId, ct);
        if (assignee is null)
            return InboxError.NotFound("That operator is not known to Inbox.");
        if (t.Conversation.Status == ConversationStatus.Spam)
            return InboxError.Conflict($"{t.Conversation.Reference} is marked as spam.");
        if (t.Conversation.AssigneeId == assignee.Id)
            return InboxError.Conflict($"{t.Conversation.Reference} is already assigned to {assignee.DisplayName}.");
        var previous = t.Conversation.AssigneeId is { } previousId ? await uow.FindOperatorAsync(previousId, ct) : null;

        t.Conversation.Assign(assignee.Id);
        var from = previous is null || previous.Id == t.Actor.Id ? "" : $" from {previous.DisplayName}";
        var line = isTransfer || previous is not null
            ? $"{t.Actor.DisplayName} transferred the conversation{from} to {assignee.DisplayName}."
            : assignee.Id == t.Actor.Id
                ? $"{t.Actor.DisplayName} took the conversation."
                : $"{t.Actor.DisplayName} assigned the conversation to {assignee.DisplayName}.";
        AddSystemLine(uow, t, line, isInternal: true);
        routing.Publish(uow, new AssigneeChanged(t.Conversation, t.Contact, previous, assignee, t.Actor, t.Now));
        return new ConversationChange(t.Conversation, t.Contact, $"{t.Conversation.Reference} is now assigned to {assignee.DisplayName}.");
    }

    private async ValueTask<InboxResult<ConversationChange>> SetBlocked(IInboxUnitOfWork uow, Target t, bool blocked, CancellationToken ct)
    {
        if (t.Contact.IsBlocked == blocked)
            return InboxError.Conflict($"{t.Contact.DisplayName} is {(blocked ? "already" : "not")} blocked.");
        if (blocked) t.Contact.Block(); else t.Contact.Unblock();
        foreach (var conversation in await uow.ConversationsOfContactAsync(t.Contact.Id, ct))
            conversation.SetContactBlocked(blocked);
        t.Conversation.SetContactBlocked(blocked);
        AddSystemLine(uow, t, $"{t.Actor.DisplayName} {(blocked ? "blocked" : "unblocked")} {t.Contact.DisplayName}.", isInternal: true);
        routing.Publish(uow, new FactsChanged(t.Conversation, t.Contact, t.Now));
        return new ConversationChange(t.Conversation, t.Contact,
            blocked ? $"{t.Contact.DisplayName} is blocked; their conversations are in Spam." : $"{t.Contact.DisplayName} is unblocked.");
    }

    private async ValueTask<InboxResult<ConversationChange>> ChangeTag(IInboxUnitOfWork uow, Target t, string rawTag, bool onContact, bool add, CancellationToken ct)
    {
        var tag = TagSet.Normalize(rawTag);
        if (tag is null)
            return InboxError.Invalid($"'{rawTag}' is not a tag: use letters, digits, '-', '_', '.' or ':' (up to {TagSet.MaxLength}).", "tag");
        var owner = onContact ? "the visitor" : t.Conversation.Reference;
        var changed = (onContact, add) switch
        {
            (true, true) => t.Contact.AddTag(tag),
            (true, false) => t.Contact.RemoveTag(tag),
            (false, true) => t.Conversation.AddTag(tag),
            (false, false) => t.Conversation.RemoveTag(tag),
        };
        if (!changed)
            return InboxError.Conflict(add ? $"{owner} is already tagged '{tag}'." : $"{owner} is not tagged '{tag}'.");
        routing.Publish(uow, new FactsChanged(t.Conversation, t.Contact, t.Now));
        var moves = await RerouteAfterTagChange(uow, t, tag, onContact, add, ct);
        var summary = add ? $"Tagged {owner} '{tag}'" : $"Removed tag '{tag}' from {owner}";
        var moved = moves.Count == 0 ? ""
            : onContact ? " — moved " + string.Join(", ", moves.Select(m => $"{m.Conversation.Reference} to route {m.Route.Name}"))
            : $" — moved to route {moves[0].Route.Name}";
        return new ConversationChange(t.Conversation, t.Contact, summary + moved + ".");
    }

    /// <summary>A chat tag can change the route of its conversation, a visitor tag that of each of the visitor's open conversations.</summary>
    private async ValueTask<IReadOnlyList<(Conversation Conversation, Route Route)>> RerouteAfterTagChange(
        IInboxUnitOfWork uow, Target t, string tag, bool onContact, bool add, CancellationToken ct)
    {
        IEnumerable<Conversation> affected = [t.Conversation];
        if (onContact)
            affected = affected.Concat((await uow.ConversationsOfContactAsync(t.Contact.Id, ct)).Where(c => c.Id != t.Conversation.Id));
        var moves = new List<(Conversation, Route)>();
        foreach (var conversation in affected)
        {
            if (_rerouting.Reroute(uow, conversation, t.Contact, t.Actor, t.Now) is not { } route) continue;
            var what = onContact ? "the visitor" : "the conversation";
            SystemLines.Add(uow, routing, conversation, t.Contact,
                $"{t.Actor.DisplayName} {(add ? "tagged" : "untagged")} {what} '{tag}'; the conversation moves to route {route.Name}.", t.Now,
                isInternal: true, t.Actor.Id, t.Actor.DisplayName);
            moves.Add((conversation, route));
        }
        return moves;
    }

    // The name customers see for the actor on the conversation's route (the team alias on an alias route).
    private string ShownName(Target t) => routes?.Of(t.Conversation).SenderNameFor(t.Actor.DisplayName) ?? t.Actor.DisplayName;

    private ConversationChange ChangeStatus(IInboxUnitOfWork uow, Target t, ConversationStatus to, string line, bool isInternal = false)
    {
        var previous = t.Conversation.Status;
        switch (to)
        {
            case ConversationStatus.Open: t.Conversation.Reopen(t.Now); break;
            case ConversationStatus.Closed: t.Conversation.Close(t.Now); break;
            case ConversationStatus.Spam: t.Conversation.MarkSpam(t.Now); break;
        }
        AddSystemLine(uow, t, line, isInternal);
        routing.Publish(uow, new StatusChanged(t.Conversation, t.Contact, previous, t.Actor, t.Now));
        var word = to switch { ConversationStatus.Open => "reopened", ConversationStatus.Closed => "closed", _ => "marked as spam" };
        return new ConversationChange(t.Conversation, t.Contact, $"{t.Conversation.Reference} {word}.");
    }

    private void AddSystemLine(IInboxUnitOfWork uow, Target t, string text, bool isInternal) =>
        SystemLines.Add(uow, routing, t.Conversation, t.Contact, text, t.Now, isInternal, t.Actor.Id, t.Actor.DisplayName);

    /// <summary>An earlier message with the same external id: the same request again, or a clash with another conversation.</summary>
    private static async ValueTask<InboxResult<ConversationChange>?> RepeatOf(IInboxUnitOfWork uow, Target t, string? externalId, CancellationToken ct)
    {
        if (externalId is null || await uow.FindMessageByExternalIdAsync(externalId, ct) is not { } earlier) return null;
        return earlier.ConversationId == t.Conversation.Id
            ? new ConversationChange(t.Conversation, t.Contact, "", earlier)
            : InboxError.Conflict("This idempotency key was already used for another conversation.");
    }

    private Task<InboxResult<ConversationChange>> ChangeOwnMessage(
        string externalId, Guid actorId, CancellationToken cancellationToken, Func<Message, DateTimeOffset, InboxError?> change) =>
        store.WriteAsync<InboxResult<ConversationChange>>(async (uow, ct) =>
        {
            var message = await uow.FindMessageForChangeAsync(externalId, ct);
            if (message is null || message.Direction is not (MessageDirection.FromOperator or MessageDirection.Note))
                return InboxError.NotFound("That message is not a reply or note in Inbox.");
            if (message.AuthorOperatorId != actorId)
                return InboxError.Conflict("Only the operator who wrote a message can change it.");
            var conversation = await uow.FindConversationAsync(message.ConversationId, ct);
            var contact = conversation is null ? null : await uow.FindContactAsync(conversation.ContactId, ct);
            if (conversation is null || contact is null) return InboxError.NotFound("The message's conversation no longer exists.");
            var now = time.GetUtcNow();
            // Inside the undo window nothing of the reply has left: an edit replaces it, a deletion withdraws it, and neither is news to anyone.
            var wasHeld = message.IsHeld;
            if (change(message, now) is { } refused) return refused;
            if (wasHeld)
            {
                if (message.WithdrawnAt is not null) routing.Publish(uow, new ReplyWithdrawn(conversation, contact, message, now));
                return new ConversationChange(conversation, contact, message.WithdrawnAt is null
                    ? $"Reply in {conversation.Reference} changed before it was sent." : $"Reply in {conversation.Reference} withdrawn before it was sent.", message);
            }
            routing.Publish(uow, new MessageChanged(conversation, contact, message, now));
            return new ConversationChange(conversation, contact,
                message.DeletedAt is null ? $"Message in {conversation.Reference} edited." : $"Message in {conversation.Reference} deleted.", message);
        }, cancellationToken);

    private static InboxError? Apply(Action change)
    {
        change();
        return null;
    }

    private static ValueTask<InboxResult<ConversationChange>> Done(InboxResult<ConversationChange> result) => ValueTask.FromResult(result);

    private Task<InboxResult<ConversationChange>> Run(
        long conversationId, Guid actorId, CancellationToken cancellationToken,
        Func<IInboxUnitOfWork, Target, CancellationToken, ValueTask<InboxResult<ConversationChange>>> command) =>
        store.WriteAsync<InboxResult<ConversationChange>>(async (uow, ct) =>
        {
            var actor = await uow.FindOperatorAsync(actorId, ct);
            if (actor is null)
                return InboxError.NotFound("You are not a known operator.");
            var conversation = await uow.FindConversationAsync(conversationId, ct);
            if (conversation is null)
                return InboxError.NotFound($"Conversation #{conversationId} does not exist.");
            var contact = await uow.FindContactAsync(conversation.ContactId, ct)
                ?? throw new InvalidOperationException($"Conversation #{conversationId} has no contact.");
            return await command(uow, new Target(conversation, contact, actor, time.GetUtcNow()), ct);
        }, cancellationToken);

    private sealed record Target(Conversation Conversation, Contact Contact, Operator Actor, DateTimeOffset Now);
}
