using Inbox.Core.Model;
using Inbox.Core.Routing;
using Inbox.Core.Views;
using Inbox.Teams.Cards;

namespace Inbox.Teams.Mirroring;

/// <summary>The conversation card as it is now: for a thread's root, its updates, and the answer to a card action.</summary>
public sealed class ConversationCards(IInboxQueries queries, RouteBook? routes = null)
{
    public async Task<AdaptiveCard?> RenderAsync(long conversationId, CancellationToken ct) =>
        await queries.FindConversationAsync(conversationId, ct) is { } conversation ? await RenderAsync(conversation, ct) : null;

    /// <param name="movedFrom">True for the new root of a move (the thread record still names the old one then).</param>
    public async Task<AdaptiveCard> RenderAsync(Conversation conversation, CancellationToken ct, bool? movedFrom = null)
    {
        var contact = await queries.FindContactAsync(conversation.ContactId, ct)
            ?? throw new InvalidOperationException($"Conversation #{conversation.Id} has no contact.");
        var assignee = conversation.AssigneeId is { } id ? await queries.FindOperatorAsync(id, ct) : null;
        movedFrom ??= (await queries.FindThreadAsync(conversation.Id, TeamsOutboxRouter.Destination, ct))?.MovedFromExternalId is not null;
        return ConversationCardRenderer.Render(conversation, contact, assignee, await queries.GetOperatorsAsync(ct), routes?.Of(conversation), movedFrom.Value);
    }
}
