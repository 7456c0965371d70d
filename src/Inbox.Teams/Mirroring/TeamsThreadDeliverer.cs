using Microsoft.Extensions.Logging;
using System.Text.Json.Nodes;
using Inbox.Core.Model;
using Inbox.Core.Outbox;
using Inbox.Core.Views;
using Inbox.Teams.Cards;
using Inbox.Teams.Connector;
using Inbox.Teams.Install;

namespace Inbox.Teams.Mirroring;

/// <summary>Carries Teams outbox messages out through the Connector: starts a conversation's thread, posts into it, redraws its root card, answers commands.</summary>
/// <remarks>
/// Cards are rendered from the conversation as it is at delivery time, so a late or repeated update shows current facts.
/// Throttling (429), 412, 502, 504 and timeouts come back as retries, honouring Retry-After; the dispatcher backs off with jitter.
/// </remarks>
public sealed class TeamsThreadDeliverer(
    ConnectorClient connector, IInboxQueries queries, ConversationCards cards, TeamsTargets targets, TeamsThreadPacer threadPacer, TeamsAppPacer appPacer,
    Routing.TeamsRoutes routes, Microsoft.Extensions.Options.IOptions<TeamsOptions> options,
    Microsoft.Extensions.Logging.ILogger<TeamsThreadDeliverer> logger) : IOutboxDeliverer
{
    private const string App = "app";

    /// <summary>Teams takes activities up to about 100 KB; cards of one activity stay under this much JSON.</summary>
    private const int MaxActivityBytes = 64 * 1024;

    public string Destination => TeamsOutboxRouter.Destination;

    public async Task<DeliveryResult> DeliverAsync(OutboxDelivery delivery, CancellationToken cancellationToken)
    {
        var push = TeamsPush.FromJson(delivery.Payload);
        if (push is null) return new DeliveryResult.Rejected("Unreadable Teams payload.");
        if (push.Kind == TeamsPushKind.Answer) return await AnswerAsync(push, cancellationToken);
        if (push.Kind == TeamsPushKind.Private) return await TellPrivatelyAsync(push, cancellationToken);

        // Routed only once a target was known; it can be gone again (the app was removed): wait for a new install.
        if (targets.Current is not { } target) return new DeliveryResult.Retry("Teams is not installed in any channel now.");
        var conversation = await queries.FindConversationAsync(push.ConversationId, cancellationToken);
        if (conversation is null) return new DeliveryResult.Rejected($"Conversation #{push.ConversationId} no longer exists.");
        var serviceUrl = new Uri(target.ServiceUrl);

        if (push.Kind == TeamsPushKind.Root)
        {
            if (await queries.FindThreadAsync(conversation.Id, Destination, cancellationToken) is { } started) return DeliveryResult.Done(started.ExternalId);
            return routes.TargetOf(conversation) is { } routed
                ? await StartThreadAsync(conversation, routed, serviceUrl, false, cancellationToken)
                : new DeliveryResult.Rejected($"The route of #{conversation.Id} has no Teams channel.");
        }
        if (await queries.FindThreadAsync(conversation.Id, Destination, cancellationToken) is not { } thread)
            return new DeliveryResult.Retry($"The Teams thread of #{conversation.Id} is not started yet.");
        if (push.Kind == TeamsPushKind.Move && push.Channel is { } channel)
            return await MoveAsync(conversation, thread, target with { ChannelId = channel }, serviceUrl, cancellationToken);
        return push.Kind switch
        {
            TeamsPushKind.Message => await PostMessageAsync(conversation, push.MessageId, thread.ExternalId, serviceUrl, cancellationToken),
            TeamsPushKind.RootUpdate => await UpdateRootAsync(conversation, thread.ExternalId, serviceUrl, cancellationToken),
            _ => new DeliveryResult.Rejected($"Unknown Teams push '{push.Kind}'."),
        };
    }

    private async Task<DeliveryResult> StartThreadAsync(Conversation conversation, TeamsTarget target, Uri serviceUrl, bool moved, CancellationToken ct)
    {
        var card = await cards.RenderAsync(conversation, ct, moved);
        await PaceAsync(target.ChannelId, ct);
        var answer = await connector.CreateThreadAsync(serviceUrl, target.ChannelId, target.TenantId, CardActivity(card, $"Conversation #{conversation.Id}"), ct);
        if (!answer.Ok) return Failure(answer);
        var id = answer.Field("id");
        return id is null
            ? new DeliveryResult.Rejected("Teams started the thread but did not say its id.")
            : DeliveryResult.Done(TeamsThreadId.Of(id, answer.Field("activityId")));
    }

    // A new thread in the target channel, then the old root card redrawn as moved, linking to it. The dispatcher records the
    // new thread, and the conversation's later deliveries (queued behind this one) go there.
    private async Task<DeliveryResult> MoveAsync(Conversation conversation, ConversationThread thread, TeamsTarget target, Uri serviceUrl, CancellationToken ct)
    {
        if (TeamsThreadId.ChannelOf(thread.ExternalId) == target.ChannelId) return DeliveryResult.Done(thread.ExternalId);
        var started = await StartThreadAsync(conversation, target, serviceUrl, true, ct);
        if (started is not DeliveryResult.Delivered { ExternalId: { } newThread }) return started;
        // Teams cannot find an earlier root again, so a retry would start a second new thread: once the new thread exists the
        // move stands, whatever happens to the old card's redraw (a reply there is still told where the conversation went).
        try
        {
            if (TeamsThreadId.RootActivityId(thread.ExternalId) is not { } oldRoot || await queries.FindContactAsync(conversation.ContactId, ct) is not { } contact)
                return started;
            var activity = CardActivity(MovedCardRenderer.Render(conversation, contact, TeamsThreadLinks.Of(newThread, target.TenantId)), $"Conversation #{conversation.Id} moved");
            activity["id"] = oldRoot;
            await PaceAsync(thread.ExternalId, ct);
            await connector.UpdateActivityAsync(serviceUrl, thread.ExternalId, oldRoot, activity, ct);
        }
        catch (Exception error)
        {
            logger.LogWarning(error, "The moved root of conversation #{Conversation} could not be redrawn; the move stands", conversation.Id);
        }
        return started;
    }

    private async Task<DeliveryResult> PostMessageAsync(Conversation conversation, long? messageId, string threadId, Uri serviceUrl, CancellationToken ct)
    {
        var message = messageId is null ? null : await queries.FindMessageAsync(messageId.Value, ct);
        if (message is null) return new DeliveryResult.Rejected($"Message {messageId} no longer exists.");
        var contact = await queries.FindContactAsync(conversation.ContactId, ct);
        var assignee = conversation.AssigneeId is { } assigneeId ? await queries.FindOperatorAsync(assigneeId, ct) : null;
        var parts = ThreadMessageCardRenderer.Render(message, contact,
            assignee is { TeamsObjectId: { } teamsId } ? (assignee.DisplayName, teamsId) : null);
        string? firstId = null;
        // The parts of a long message travel together in one activity, so a retry never repeats half of it;
        // only a message too long for one activity is posted in several.
        foreach (var group in ActivityGroups(parts))
        {
            await PaceAsync(threadId, ct);
            var activity = new JsonObject
            {
                ["type"] = "message",
                ["summary"] = Summary(message),
                ["attachmentLayout"] = "list",
                ["attachments"] = new JsonArray(group.Select(c => (JsonNode)CardJson.Attachment(c)).ToArray()),
                ["replyToId"] = TeamsThreadId.RootActivityId(threadId),
            };
            var answer = await connector.SendToConversationAsync(serviceUrl, threadId, activity, ct);
            if (!answer.Ok) return Failure(answer);
            firstId ??= answer.Field("id");
        }
        return DeliveryResult.Done(firstId);
    }

    private async Task<DeliveryResult> UpdateRootAsync(Conversation conversation, string threadId, Uri serviceUrl, CancellationToken ct)
    {
        if (TeamsThreadId.RootActivityId(threadId) is not { } rootId) return new DeliveryResult.Rejected($"'{threadId}' names no root activity.");
        var card = await cards.RenderAsync(conversation, ct);
        await PaceAsync(threadId, ct);
        var activity = CardActivity(card, $"Conversation #{conversation.Id}");
        activity["id"] = rootId;
        var answer = await connector.UpdateActivityAsync(serviceUrl, threadId, rootId, activity, ct);
        return answer.Ok ? DeliveryResult.Done(threadId) : Failure(answer);
    }

    private async Task<DeliveryResult> AnswerAsync(TeamsPush push, CancellationToken ct)
    {
        if (push.ServiceUrl is null || push.ReplyConversationId is null || push.Card is null)
            return new DeliveryResult.Rejected("A Teams answer needs a serviceUrl, a conversation and a card.");
        await PaceAsync(push.ReplyConversationId, ct);
        var activity = new JsonObject
        {
            ["type"] = "message",
            ["attachments"] = new JsonArray(new JsonObject { ["contentType"] = CardJson.ContentType, ["content"] = push.Card.DeepClone() }),
        };
        if (push.ReplyToId is not null) activity["replyToId"] = push.ReplyToId;
        var answer = await connector.SendToConversationAsync(new Uri(push.ServiceUrl), push.ReplyConversationId, activity, ct);
        return answer.Ok ? DeliveryResult.Done(answer.Field("id")) : Failure(answer);
    }

    // Teams bots cannot post a message only one person in a channel sees, so a private word goes to the operator's personal chat with the bot.
    private async Task<DeliveryResult> TellPrivatelyAsync(TeamsPush push, CancellationToken ct)
    {
        if (push.ServiceUrl is null || push.UserId is null || push.TenantId is null || push.Card is null)
            return new DeliveryResult.Rejected("A private Teams message needs a serviceUrl, a user, a tenant and a card.");
        var serviceUrl = new Uri(push.ServiceUrl);
        await PaceAsync(push.UserId, ct);
        var chat = await connector.CreatePersonalChatAsync(serviceUrl, "28:" + options.Value.AppId, push.UserId, push.TenantId, ct);
        if (!chat.Ok) return Failure(chat);
        if (chat.Field("id") is not { } chatId) return new DeliveryResult.Rejected("Teams opened the personal chat but did not say its id.");
        var activity = new JsonObject
        {
            ["type"] = "message",
            ["attachments"] = new JsonArray(new JsonObject { ["contentType"] = CardJson.ContentType, ["content"] = push.Card.DeepClone() }),
        };
        var answer = await connector.SendToConversationAsync(serviceUrl, chatId, activity, ct);
        return answer.Ok ? DeliveryResult.Done(answer.Field("id")) : Failure(answer);
    }

    private async Task PaceAsync(string key, CancellationToken ct)
    {
        await threadPacer.WaitTurnAsync(key, ct);
        await appPacer.WaitTurnAsync(App, ct);
    }

    private static JsonObject CardActivity(AdaptiveCard card, string summary) => new()
    {
        ["type"] = "message",
        // What notifications and the channel list show for a card, which has no text of its own.
        ["summary"] = summary,
        ["attachments"] = new JsonArray(CardJson.Attachment(card)),
    };

    /// <summary>Cards packed into activities of at most <see cref="MaxActivityBytes"/> of card JSON each.</summary>
    private static IEnumerable<List<AdaptiveCard>> ActivityGroups(IReadOnlyList<AdaptiveCard> cards)
    {
        var group = new List<AdaptiveCard>();
        var bytes = 0;
        foreach (var card in cards)
        {
            var size = CardJson.ByteCount(card);
            if (group.Count > 0 && bytes + size > MaxActivityBytes)
            {
                yield return group;
                group = [];
                bytes = 0;
            }
            group.Add(card);
            bytes += size;
        }
        if (group.Count > 0) yield return group;
    }

    private static string Summary(Message message)
    {
        var text = message.Text.ReplaceLineEndings(" ").Trim();
        return text.Length <= 120 ? text : text[..119] + "…";
    }

    private static DeliveryResult Failure(ConnectorResponse answer) => answer.Outcome == ConnectorOutcome.Transient
        ? new DeliveryResult.Retry($"Teams: {answer.Error}", answer.RetryAfter, Throttled: answer.Status == 429)
        : new DeliveryResult.Rejected($"Teams refused: {answer.Error}");
}
