using System.Globalization;
using Inbox.Core.Commands;
using Inbox.Core.Model;
using Inbox.Slack.BlockKit;
using Inbox.Slack.Rendering;
using Inbox.Slack.WebApi;
using Microsoft.Extensions.Logging;

namespace Inbox.Slack.Commands;

/// <summary>
/// The Undo button of a reply in its undo window: shown to its author alone (an ephemeral message in the thread), and
/// when pressed replaced, through the click's response_url, by what became of the reply ("Undone — not sent" or "Sent").
/// </summary>
/// <remarks>Slack cannot change an ephemeral message without a response_url, so an Undo nobody presses stays as it is; pressed late it says "Sent".</remarks>
public sealed class SlackUndo(SlackWebApi slack, HeldReplies replies, TimeProvider time, ILogger<SlackUndo> logger)
{
    public const string Action = "inbox.undo";

    /// <summary>Offers the author of <paramref name="reply"/> (a held reply) to undo it, in the thread they wrote it in.</summary>
    public async Task OfferAsync(string channel, string userId, string threadTs, Message reply, CancellationToken cancellationToken)
    {
        if (reply.HeldUntil is not { } until) return;
        var seconds = HeldReplies.SecondsLeft(until, time.GetUtcNow()).ToString(CultureInfo.InvariantCulture);
        var text = $"⏳ Sending to the customer in {seconds} s.";
        var blocks = new Block[] { SectionBlock.Markdown(text, new ButtonElement("Undo", Action, reply.Id.ToString(CultureInfo.InvariantCulture), ButtonStyle.Danger)) };
        var answer = await slack.CallAsync("chat.postEphemeral",
            new { channel, user = userId, thread_ts = threadTs, text, blocks = BlockKitJson.Blocks(blocks) }, cancellationToken);
        if (!answer.Ok) logger.LogWarning("Slack: the Undo button for reply {MessageId} could not be shown: {Error}", reply.Id, answer.Error);
    }

    /// <summary>Runs a press of the button by <paramref name="me"/> and says in its place what became of the reply.</summary>
    public async Task PressedAsync(Operator me, string? value, string? responseUrl, CancellationToken cancellationToken)
    {
        if (!long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var messageId)) return;
        var result = await replies.UndoAsync(messageId, me.Id, cancellationToken);
        var text = result.Succeeded ? "↩️ Undone — not sent to the customer."
            : result.Error.Message == HeldReplies.TooLate ? "✅ Sent — it was too late to undo."
            : $"⚠️ {SlackText.Escape(result.Error.Message)}";
        if (Uri.TryCreate(responseUrl, UriKind.Absolute, out var url))
            await slack.RespondAsync(url, new { replace_original = true, response_type = "ephemeral", text }, cancellationToken);
    }
}
