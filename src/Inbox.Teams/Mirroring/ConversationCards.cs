using Inbox.Core.Model;
using Inbox.Core.Views;
using Inbox.Teams.Cards;

namespace Inbox.Teams.Mirroring;

/// <summary>The conversation card as it is now: for a thread's root, its updates, and the answer to a card action.</summary>
public sealed class ConversationCards(IInboxQueries queries)
{
    public async Task<AdaptiveCard?> RenderAsync(long conversationId, CancellationToken ct) =>
        await queries.FindConversationAsync(conversationId, ct) is { } conversation ? await RenderAsync(conversation, ct) : null;

    public async Task<AdaptiveCard> RenderAsync(Conversation conversation, CancellationToken ct)
    {
        var contact = await queries.FindContactAsync(conversation.ContactId, ct)
            ?? throw new InvalidOperationException($"Conversation #{conversation.Id} has no contact.");
        var assignee = conversation.AssigneeId is { } id ? await queries.FindOperatorAsync(id, ct) : null;
        return ConversationCardRenderer.Render(conversation, contact, assignee, await queries.GetOperatorsAsync(ct));
    }
}
