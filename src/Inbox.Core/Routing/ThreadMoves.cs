using Inbox.Core.Commands;
using Inbox.Core.Events;
using Inbox.Core.Model;
using Inbox.Core.Outbox;
using Inbox.Core.Storage;

namespace Inbox.Core.Routing;

/// <summary>Moves a live conversation's thread on one operator surface to another channel; the bridge checks the channel, this records the move.</summary>
/// <remarks>
/// The move travels through the outbox in the conversation's own order on that surface: the new root is posted, the old
/// one redrawn as moved, and only then do later messages go out, into the new thread.
/// </remarks>
public sealed class ThreadMoves(IInboxStore store, OutboxRouting routing, TimeProvider time)
{
    /// <param name="destination">The surface whose thread moves ("slack", "teams").</param>
    /// <param name="channel">The surface's id of the channel that takes the thread.</param>
    /// <param name="channelName">How operators know that channel, for the history line.</param>
    public Task<InboxResult<ConversationChange>> MoveAsync(
        long conversationId, string destination, string channel, string channelName, Guid actorId, CancellationToken cancellationToken) =>
        store.WriteAsync<InboxResult<ConversationChange>>(async (uow, ct) =>
        {
            if (string.IsNullOrWhiteSpace(channel)) return InboxError.Invalid("Name the channel that should take the conversation.", "channel");
            var actor = await uow.FindOperatorAsync(actorId, ct);
            if (actor is null) return InboxError.NotFound("You are not a known operator.");
            var conversation = await uow.FindConversationAsync(conversationId, ct);
            if (conversation is null) return InboxError.NotFound($"Conversation #{conversationId} does not exist.");
            var contact = await uow.FindContactAsync(conversation.ContactId, ct)
                ?? throw new InvalidOperationException($"Conversation #{conversationId} has no contact.");
            var now = time.GetUtcNow();
            conversation.RecordMoveByHand(now);
            routing.Publish(uow, new ThreadMoved(conversation, contact, destination, channel.Trim(), actor, now));
            SystemLines.Add(uow, routing, conversation, contact,
                $"{actor.DisplayName} moved the conversation's {Surface(destination)} thread to {channelName}.", now, isInternal: true, actor.Id, actor.DisplayName);
            return new ConversationChange(conversation, contact, $"{conversation.Reference} moves to {channelName}: a new thread starts there and the old one links to it.");
        }, cancellationToken);

    private static string Surface(string destination) =>
        destination.Length == 0 ? destination : char.ToUpperInvariant(destination[0]) + destination[1..];
}
