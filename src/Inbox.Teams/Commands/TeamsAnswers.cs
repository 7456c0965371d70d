using Inbox.Core.Outbox;
using Inbox.Core.Storage;
using Inbox.Teams.Activities;
using Inbox.Teams.Cards;
using Inbox.Teams.Mirroring;

namespace Inbox.Teams.Commands;

/// <summary>Puts the bot's answer to an activity (a command's result, a refusal) in the outbox, to be posted where the activity came from.</summary>
/// <remarks>Keyed by the activity's id, so a repeated activity never gets two answers.</remarks>
public sealed class TeamsAnswers(IInboxStore store)
{
    public Task SendAsync(Activity activity, AdaptiveCard card, CancellationToken cancellationToken)
    {
        var conversationId = activity.Conversation!.Id!;
        var push = new TeamsPush(TeamsPushKind.Answer,
            ServiceUrl: activity.ServiceUrl,
            ReplyConversationId: conversationId,
            ReplyToId: activity.IsPersonal ? null : activity.ReplyToId ?? TeamsThreadId.RootActivityId(conversationId),
            Card: CardJson.ToNode(card).AsObject());
        var message = new OutboxMessage(TeamsOutboxRouter.Destination, $"teams:answers:{conversationId}",
            $"teams:answer:{activity.Type}:{conversationId}:{activity.Id}", push.ToJson());
        return store.WriteAsync((uow, _) =>
        {
            uow.Enqueue(message);
            return ValueTask.FromResult(true);
        }, cancellationToken);
    }

    /// <summary>Tells the activity's author alone, in their personal chat with the bot (Teams has no private messages in a channel).</summary>
    public Task SendPrivatelyAsync(Activity activity, AdaptiveCard card, CancellationToken cancellationToken)
    {
        if (activity.From?.Id is not { } userId || activity.TenantId is not { } tenant) return SendAsync(activity, card, cancellationToken);
        var push = new TeamsPush(TeamsPushKind.Private, ServiceUrl: activity.ServiceUrl, Card: CardJson.ToNode(card).AsObject(), UserId: userId, TenantId: tenant);
        var message = new OutboxMessage(TeamsOutboxRouter.Destination, $"teams:private:{userId}",
            $"teams:private:{activity.Type}:{activity.Conversation!.Id}:{activity.Id}", push.ToJson());
        return store.WriteAsync((uow, _) =>
        {
            uow.Enqueue(message);
            return ValueTask.FromResult(true);
        }, cancellationToken);
    }
}
