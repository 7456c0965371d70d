using Inbox.Core.Events;
using Inbox.Core.Model;
using Inbox.Core.Routing;

namespace Inbox.Core.Outbox;

/// <summary>What an operator surface that mirrors each conversation into a thread (Slack, Teams) is asked to do.</summary>
public enum ThreadMirrorStep
{
    /// <summary>Start the conversation's thread.</summary>
    Root,
    /// <summary>Post a message of the conversation into its thread.</summary>
    Message,
    /// <summary>Redraw the thread's root (status, assignee, facts changed).</summary>
    RootUpdate,
    /// <summary>Start a new root in another channel, link it to the old one and mark the old one moved.</summary>
    Move,
}

/// <summary>
/// The routing rules every thread-mirroring bridge shares: which events start a thread, post a message or redraw the
/// root, under which idempotency keys, in the bridge's own partition per conversation.
/// </summary>
/// <remarks>
/// Silenced events (spam) go nowhere. Messages written on the surface itself are already in its thread and are not posted
/// back. A conversation taken out of Spam may never have had a thread (spam notifies nobody), so it is started then: a
/// repeat of the root's key is not enqueued, and deliverers keep a thread that exists.
/// A re-routed conversation (a tag changed its route) moves its thread when the new route's channel on the surface differs;
/// a route with no channel on the surface leaves the thread where it is (it gets nothing more, like any conversation of that
/// route); one that had no thread on the surface starts one in the new route's channel.
/// </remarks>
public static class ThreadMirrorRouting
{
    /// <param name="surface">The external-id prefix of messages written on this surface ("slack", "teams").</param>
    /// <param name="payload">The bridge's payload for a step: conversation id and, for a message, its id.</param>
    /// <param name="movePayload">The bridge's payload for a move of its thread: conversation id and target channel; null: the bridge does not move threads.</param>
    /// <param name="channelOf">The surface's channel of a route (null: the route has no thread there); null: re-routing does not move threads.</param>
    public static void Route(
        InboxEvent inboxEvent, ICollection<OutboxMessage> outbox, string destination, string surface, Func<ThreadMirrorStep, long, long?, string> payload,
        Func<long, string, string>? movePayload = null, Func<Route, string?>? channelOf = null)
    {
        if (inboxEvent.IsSilenced) return;
        var id = inboxEvent.Conversation.Id;
        var partition = OutboxMessage.ConversationPartition(destination, id);
        OutboxMessage Root() => new(destination, partition, $"{destination}:root:{id}", payload(ThreadMirrorStep.Root, id, null), ThreadOf: id);
        OutboxMessage Move(string channel) => new(destination, partition, $"{destination}:move:{id}:{inboxEvent.OccurredAt.UtcTicks}",
            movePayload!(id, channel), ThreadOf: id);
        OutboxMessage RootUpdate() => new(destination, partition,
            $"{destination}:root-update:{id}:{inboxEvent.OccurredAt.UtcTicks}:{inboxEvent.GetType().Name}", payload(ThreadMirrorStep.RootUpdate, id, null));

        switch (inboxEvent)
        {
            case ConversationStarted:
                outbox.Add(Root());
                break;
            case StatusChanged { Previous: ConversationStatus.Spam, Conversation.Status: ConversationStatus.Open }:
                outbox.Add(Root());
                outbox.Add(RootUpdate());
                break;
            case MessageAdded { Message: var message } when !MessageOrigin.IsFrom(message, surface):
                outbox.Add(new OutboxMessage(destination, partition, $"{destination}:message:{message.Id}",
                    payload(ThreadMirrorStep.Message, id, message.Id), message.Id));
                break;
            case ThreadMoved moved when moved.Destination == destination && movePayload is not null:
                // Recorded as the conversation's thread once delivered: the new root replaces the old one.
                outbox.Add(Move(moved.Channel));
                break;
            case ConversationRerouted rerouted when movePayload is not null && channelOf is not null:
                var from = channelOf(rerouted.Previous);
                if (channelOf(rerouted.Current) is not { } to) break;
                // A conversation that had no thread here starts one (in the new route's channel, or its old thread if it once had one).
                if (from is null) outbox.Add(Root());
                // Same channel: the thread stays and its root is redrawn with the new route's name and thread mode.
                if (from == to) outbox.Add(RootUpdate());
                else outbox.Add(Move(to));
                break;
            case AssigneeChanged or StatusChanged or FactsChanged or OperatorJoined:
                outbox.Add(RootUpdate());
                break;
        }
    }
}
