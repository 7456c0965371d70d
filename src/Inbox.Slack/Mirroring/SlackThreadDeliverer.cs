using System.Text.Json.Nodes;
using Inbox.Core.Model;
using Inbox.Core.Outbox;
using Inbox.Core.Views;
using Inbox.Slack.BlockKit;
using Inbox.Slack.Rendering;
using Inbox.Slack.WebApi;

namespace Inbox.Slack.Mirroring;

/// <summary>Carries Slack outbox messages out: starts a conversation's thread, posts into it, redraws its root.</summary>
/// <remarks>Reads the conversation as it is at delivery time, so a redelivered or late update shows current facts.</remarks>
public sealed class SlackThreadDeliverer(
    SlackWebApi slack, IInboxQueries queries, SlackChannelPacer pacer, SlackPostedMessages posted, Routing.SlackRoutes routes, Commands.SlackLinks links) : IOutboxDeliverer
{
    public string Destination => SlackOutboxRouter.Destination;

    public async Task<DeliveryResult> DeliverAsync(OutboxDelivery delivery, CancellationToken cancellationToken)
    {
        var push = SlackPush.FromJson(delivery.Payload);
        if (push is null) return new DeliveryResult.Rejected("Empty Slack payload.");
        var conversation = await queries.FindConversationAsync(push.ConversationId, cancellationToken);
        if (conversation is null) return new DeliveryResult.Rejected($"Conversation #{push.ConversationId} no longer exists.");

        return push.Kind switch
        {
            SlackPushKind.Root => await PostRootAsync(conversation, delivery.Attempt > 1, cancellationToken),
            SlackPushKind.Message => await PostMessageAsync(conversation, push.MessageId, delivery.IdempotencyKey, delivery.Attempt > 1, cancellationToken),
            SlackPushKind.RootUpdate => await UpdateRootAsync(conversation, cancellationToken),
            SlackPushKind.Move when push.Channel is { } target => await MoveAsync(conversation, target, delivery.Attempt > 1, cancellationToken),
            _ => new DeliveryResult.Rejected($"Unknown Slack push '{push.Kind}'."),
        };
    }

    private async Task<DeliveryResult> PostRootAsync(Conversation conversation, bool mayExist, CancellationToken ct)
    {
        if (await queries.FindThreadAsync(conversation.Id, Destination, ct) is { } started) return DeliveryResult.Done(started.ExternalId);
        if (routes.ChannelOf(conversation) is not { } channel)
            return new DeliveryResult.Rejected($"The route of #{conversation.Id} has no Slack channel.");
        return await PostRootAsync(conversation, channel, mayExist, null, ct);
    }

    private async Task<DeliveryResult> PostRootAsync(Conversation conversation, string channel, bool mayExist, ConversationThread? movedFrom, CancellationToken ct)
    {
        if (mayExist && await posted.FindRootAsync(channel, conversation, ct) is { } earlier)
            return DeliveryResult.Done(SlackThreadId.Format(channel, earlier));
        var root = await RenderRootAsync(conversation, movedFrom?.ExternalId, ct);
        await pacer.WaitTurnAsync(channel, ct);
        var metadata = SlackPostedMessages.RootMetadata(conversation.Id);
        var answer = await slack.PostMessageAsync(new SlackPost(channel, root.Text, BlockKitJson.Blocks(root.Blocks), Metadata: metadata), ct);
        return Outcome(answer, ts => SlackThreadId.Format(answer.Field("channel") ?? channel, ts));
    }

    private async Task<DeliveryResult> PostMessageAsync(Conversation conversation, long? messageId, string key, bool mayExist, CancellationToken ct)
    {
        if (await queries.FindThreadAsync(conversation.Id, Destination, ct) is not { } thread)
            return new DeliveryResult.Retry($"The Slack thread of #{conversation.Id} is not posted yet.");
        var message = messageId is null ? null : await queries.FindMessageAsync(messageId.Value, ct);
        if (message is null) return new DeliveryResult.Rejected($"Message {messageId} no longer exists.");
        var contact = await queries.FindContactAsync(conversation.ContactId, ct);
        var parts = message.Direction == MessageDirection.FromCustomer && contact is not null
            ? CustomerMessageRenderer.Render(message, contact)
            : ThreadLineRenderer.Render(message, await AssigneeMentionAsync(conversation, ct));

        var (channel, rootTs) = SlackThreadId.Parse(thread.ExternalId);
        // After an attempt that may have got through, parts already in the thread are not posted again.
        var already = mayExist ? await posted.FindPartsAsync(channel, rootTs, key, ct) : new Dictionary<int, string>();
        string? firstTs = already.GetValueOrDefault(0);
        for (var i = 0; i < parts.Count; i++)
        {
            if (already.ContainsKey(i)) continue;
            await pacer.WaitTurnAsync(channel, ct);
            var answer = await slack.PostMessageAsync(new SlackPost(channel, parts[i].Text, BlockKitJson.Blocks(parts[i].Blocks),
                ThreadTs: rootTs, Metadata: SlackPostedMessages.PartMetadata(key, i)), ct);
            if (!answer.Ok) return Outcome(answer, _ => "");
            if (i == 0) firstTs = answer.Field("ts");
        }
        return DeliveryResult.Done(firstTs is null ? null : SlackThreadId.Format(channel, firstTs));
    }

    private async Task<(string, string)?> AssigneeMentionAsync(Conversation conversation, CancellationToken ct) =>
        conversation.AssigneeId is { } id && await queries.FindOperatorAsync(id, ct) is { SlackUserId: { } slackId } assignee
            ? (assignee.DisplayName, slackId)
            : null;

    private async Task<DeliveryResult> UpdateRootAsync(Conversation conversation, CancellationToken ct)
    {
        if (await queries.FindThreadAsync(conversation.Id, Destination, ct) is not { } thread)
            return new DeliveryResult.Retry($"The Slack thread of #{conversation.Id} is not posted yet.");
        var (channel, rootTs) = SlackThreadId.Parse(thread.ExternalId);
        var root = await RenderRootAsync(conversation, thread.MovedFromExternalId, ct);
        var answer = await slack.UpdateMessageAsync(new SlackUpdate(channel, rootTs, root.Text, BlockKitJson.Blocks(root.Blocks)), ct);
        return Outcome(answer, ts => SlackThreadId.Format(channel, ts));
    }

    // A new root in the target, linking back; then the old root is redrawn as moved. The dispatcher records the new root as
    // the thread, and the conversation's later deliveries (queued behind this one) go there.
    private async Task<DeliveryResult> MoveAsync(Conversation conversation, string target, bool mayExist, CancellationToken ct)
    {
        if (await queries.FindThreadAsync(conversation.Id, Destination, ct) is not { } thread)
            return new DeliveryResult.Retry($"The Slack thread of #{conversation.Id} is not posted yet.");
        var (oldChannel, oldTs) = SlackThreadId.Parse(thread.ExternalId);
        if (oldChannel == target) return DeliveryResult.Done(thread.ExternalId);

        var started = await PostRootAsync(conversation, target, mayExist, thread, ct);
        if (started is not DeliveryResult.Delivered { ExternalId: { } newThread }) return started;
        var contact = await queries.FindContactAsync(conversation.ContactId, ct)
            ?? throw new InvalidOperationException($"Conversation #{conversation.Id} has no contact.");
        var moved = MovedRootRenderer.Render(conversation, contact, target, await links.ThreadAsync(newThread, "the new thread", ct));
        var answer = await slack.UpdateMessageAsync(new SlackUpdate(oldChannel, oldTs, moved.Text, BlockKitJson.Blocks(moved.Blocks)), ct);
        // The old root may be gone (deleted by someone); the move still stands.
        return answer.Outcome is SlackOutcome.Ok or SlackOutcome.Permanent ? started : Outcome(answer, _ => newThread);
    }

    private async Task<SlackMessage> RenderRootAsync(Conversation conversation, string? movedFrom, CancellationToken ct)
    {
        var contact = await queries.FindContactAsync(conversation.ContactId, ct)
            ?? throw new InvalidOperationException($"Conversation #{conversation.Id} has no contact.");
        var assignee = conversation.AssigneeId is { } id ? await queries.FindOperatorAsync(id, ct) : null;
        var link = movedFrom is null ? null : await links.ThreadAsync(movedFrom, "the earlier thread", ct);
        return ThreadRootRenderer.Render(conversation, contact, assignee, routes.RouteOf(conversation), link);
    }

    private static DeliveryResult Outcome(SlackApiResponse answer, Func<string, string> externalId) => answer.Outcome switch
    {
        SlackOutcome.Ok => DeliveryResult.Done(externalId(answer.Field("ts") ?? "")),
        SlackOutcome.RateLimited => new DeliveryResult.Retry($"Slack rate limit ({answer.Error})", answer.RetryAfter, Throttled: true),
        SlackOutcome.Transient => new DeliveryResult.Retry($"Slack: {answer.Error}", answer.RetryAfter),
        _ => new DeliveryResult.Rejected($"Slack refused: {answer.Error}"),
    };
}

/// <summary>How Inbox names a Slack post (a thread root, or a message in it): "channel:ts".</summary>
public static class SlackThreadId
{
    public static string Format(string channel, string rootTs) => $"{channel}:{rootTs}";

    public static (string Channel, string RootTs) Parse(string threadId)
    {
        var colon = threadId.IndexOf(':');
        return colon <= 0 ? throw new FormatException($"'{threadId}' is not a Slack thread id.") : (threadId[..colon], threadId[(colon + 1)..]);
    }
}
