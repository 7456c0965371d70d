using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Inbox.Core.Commands;
using Inbox.Core.Model;
using Inbox.Core.Views;
using Inbox.Teams.Activities;
using Inbox.Teams.Cards;
using Inbox.Teams.Inbound;
using Microsoft.Extensions.Logging;

namespace Inbox.Teams.Commands;

/// <summary>
/// The Undo card of a reply in its undo window: posted under the operator's reply in the thread (Teams has no messages only one
/// person sees in a channel), its <c>Action.Execute</c> undoes the reply and the card is redrawn as "Undone — not sent" or "Sent".
/// </summary>
/// <remarks>
/// Only the reply's author can undo it; anyone else pressing the button is told so and the card stays. The card's <c>refresh</c>
/// (for the author) redraws it as "Sent" or "Undone" when they see it again after the window, pressed or not.
/// </remarks>
public sealed class TeamsUndo(TeamsAnswers answers, HeldReplies replies, IInboxQueries queries, TimeProvider time, ILogger<TeamsUndo> logger)
{
    public const string Verb = "inbox.undo";

    /// <summary>The card's <c>refresh</c> verb: Teams asks for it when the author sees the card again, which then says "Sent" or "Undone".</summary>
    public const string StatusVerb = "inbox.undo_status";

    /// <summary>Posts the Undo card for <paramref name="reply"/> (a held reply) where <paramref name="activity"/> was written.</summary>
    /// <remarks>
    /// The reply is stored and goes out whatever happens here: a card Teams did not take is logged, not an error for the
    /// activity that wrote the reply (an error would invite writing it again, and the customer would get it twice).
    /// </remarks>
    public async Task OfferAsync(Activity activity, Message reply, CancellationToken cancellationToken)
    {
        if (reply.HeldUntil is null) return;
        try
        {
            await answers.SendAsync(activity, HeldCard(reply, activity.From?.Id), cancellationToken);
        }
        catch (Exception error) when (error is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning(error, "Teams: the Undo card for reply {MessageId} could not be posted; the reply goes out when its window ends", reply.Id);
        }
    }

    /// <summary>Answers the card's refresh with what became of the reply: still held (the Undo card again), sent, or undone.</summary>
    public async Task<ActivityAnswer> StatusAsync(JsonObject? data, string? userId, CancellationToken cancellationToken)
    {
        if (MessageIdIn(data) is not { } messageId || await queries.FindMessageAsync(messageId, cancellationToken) is not { } reply)
            return Message("This Undo button is missing its reply.");
        return reply switch
        {
            { WithdrawnAt: not null } => Card("↩️ Undone — not sent to the customer."),
            { IsHeld: true } => Card(HeldCard(reply, userId)),
            _ => Card("✅ Sent to the customer."),
        };
    }

    // The refresh goes to the author only: when they see the card again after the window, it says what happened.
    private AdaptiveCard HeldCard(Message reply, string? authorUserId)
    {
        var seconds = HeldReplies.SecondsLeft(reply.HeldUntil!.Value, time.GetUtcNow()).ToString(CultureInfo.InvariantCulture);
        var data = CardJson.Data(new UndoData(reply.ConversationId, reply.Id));
        return new AdaptiveCard(
            [new TextBlock(CardText.Escape($"⏳ Sending {(reply.AuthorName is { } name ? name + "'s" : "this")} reply to the customer in {seconds} s."))],
            [new ExecuteAction("Undo", Verb, data)],
            authorUserId is null ? null : new CardRefresh(new ExecuteAction("Refresh", StatusVerb, data), [authorUserId]));
    }

    /// <summary>Runs a press of Undo by <paramref name="me"/>; the answer redraws the card, or (for a refusal) leaves it as it is.</summary>
    public async Task<ActivityAnswer> PressedAsync(Operator me, JsonObject? data, CancellationToken cancellationToken)
    {
        if (MessageIdIn(data) is not { } messageId) return Message("This Undo button is missing its reply.");
        var result = await replies.UndoAsync(messageId, me.Id, cancellationToken);
        if (result.Succeeded) return Card("↩️ Undone — not sent to the customer.");
        return result.Error.Message == HeldReplies.TooLate ? Card("✅ Sent — it was too late to undo.") : Message(result.Error.Message);
    }

    private static long? MessageIdIn(JsonObject? data) =>
        data?["messageId"] is JsonValue value && (value.TryGetValue(out long id)
            || value.TryGetValue(out string? text) && long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out id))
            ? id : null;

    private static ActivityAnswer Card(string text) => Card(new AdaptiveCard([new TextBlock(CardText.Escape(text))]));

    private static ActivityAnswer Card(AdaptiveCard card) => new(200, new JsonObject
    {
        ["statusCode"] = 200,
        ["type"] = CardJson.ContentType,
        ["value"] = CardJson.ToNode(card),
    });

    private static ActivityAnswer Message(string text) => new(200, new JsonObject
    {
        ["statusCode"] = 200,
        ["type"] = "application/vnd.microsoft.activity.message",
        ["value"] = text,
    });

    /// <summary>The Undo button's data: the conversation (every card action carries it) and the held reply.</summary>
    private sealed record UndoData(
        [property: JsonPropertyName("conversationId")] long ConversationId,
        [property: JsonPropertyName("messageId")] long MessageId);
}
