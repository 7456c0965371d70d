using System.Text.Json;
using System.Text.Json.Nodes;
using Inbox.Core.Commands;
using Inbox.Core.Views;
using Inbox.Slack.Mirroring;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

using static Inbox.Slack.SlackJson;

namespace Inbox.Slack.Inbound;

/// <summary>The Events API endpoint: URL verification, and operators' thread messages turned into replies or notes.</summary>
/// <remarks>
/// Every event is stored before it is acknowledged. A Slack message is taken once whatever the number of
/// retries or the shape it arrives in (a plain thread message or message_replied): its channel and ts
/// make the message's external id, which the inbox stores at most once.
/// </remarks>
public sealed class SlackEventsEndpoint(
    WebApi.SlackWebApi slack,
    SlackOperators operators,
    Commands.SlackHomeTabRefresher homeTab,
    OperatorCommands commands,
    IInboxQueries queries,
    IOptions<SlackOptions> options,
    ILogger<SlackEventsEndpoint> logger,
    Routing.SlackRoutes routes,
    Commands.SlackUndo undo)
{
    public async Task<IResult> HandleAsync(SlackRequest request, CancellationToken cancellationToken)
    {
        var envelope = ParseObject(request.Body);
        if (envelope is null) return Results.Problem(detail: "The event body is not a JSON object.", statusCode: StatusCodes.Status400BadRequest);

        switch (Text(envelope["type"]))
        {
            case "url_verification":
                return Results.Json(new { challenge = Text(envelope["challenge"]) ?? "" });
            case "event_callback" when envelope["event"] is JsonObject slackEvent:
                await HandleEventAsync(slackEvent, Text(envelope["event_id"]), cancellationToken);
                return Results.Ok();
            default:
                return Results.Ok();
        }
    }

    private async Task HandleEventAsync(JsonObject slackEvent, string? eventId, CancellationToken ct)
    {
        if (Text(slackEvent["type"]) == "app_home_opened" && Text(slackEvent["tab"]) is null or "home" && Text(slackEvent["user"]) is { } user)
        {
            // Answered at once; the tab is rendered and published afterwards (Slack retries what is not answered in 3 s).
            homeTab.Refresh(user);
            return;
        }
        if (Text(slackEvent["type"]) != "message") return;
        var channel = Text(slackEvent["channel"]);
        // Routes put threads in several channels; whether a thread is Inbox's is decided by its root below.
        if (channel is null) return;

        var subtype = Text(slackEvent["subtype"]);
        if (subtype is "message_changed" or "message_deleted")
        {
            await HandleChangeAsync(slackEvent, channel, subtype == "message_deleted", ct);
            return;
        }
        // message_replied carries the reply under "message"; a plain thread message is the event itself.
        var message = subtype == "message_replied" ? slackEvent["message"] as JsonObject : slackEvent;
        if (message is null || subtype is not (null or "file_share" or "message_replied")) return;
        if (message["bot_id"] is not null || Text(message["subtype"]) is "bot_message") return;

        var ts = Text(message["ts"]);
        var threadTs = Text(message["thread_ts"]);
        var userId = Text(message["user"]);
        if (ts is null || threadTs is null || threadTs == ts || userId is null) return;

        var thread = await queries.FindThreadByExternalIdAsync(SlackOutboxRouter.Destination, SlackThreadId.Format(channel, threadTs), ct);
        if (thread is null)
        {
            await TellMovedAsync(channel, threadTs, userId, ct);
            return; // a thread Inbox did not start, or one it moved away from
        }
        var author = await operators.ResolveAsync(userId, ct);
        if (author is null)
        {
            logger.LogWarning("Slack user {User} could not be resolved to an operator; event {EventId} ignored", userId, eventId);
            return;
        }

        var text = SlackMarkup.ToPlainText(Text(message["text"]));
        var externalId = $"{SlackOutboxRouter.ExternalIdPrefix}{channel}:{ts}";
        // The route's thread mode decides: a reply to the customer, or a note (with the note prefix, or by default).
        var conversation = await queries.FindConversationAsync(thread.ConversationId, ct);
        var reply = conversation is null ? new Core.Routing.ThreadReply(false, text) : Core.Routing.ThreadReplies.Read(routes.RouteOf(conversation), options.Value.NotePrefixes, text);
        var result = reply.IsNote
            ? await commands.AddNoteAsync(thread.ConversationId, author.Id, reply.Text, externalId, ct)
            : await commands.ReplyAsync(thread.ConversationId, author.Id, reply.Text, externalId: externalId, cancellationToken: ct);
        // Only the author sees these: a note is marked as one, and a refused reply says why it did not go out.
        string? mark = null;
        if (!result.Succeeded)
        {
            logger.LogWarning("Slack message {Ts} in #{Conversation} was refused: {Reason}", ts, thread.ConversationId, result.Error.Message);
            mark = $"⚠️ Not sent to the customer: {Rendering.SlackText.Escape(result.Error.Message)}";
        }
        else if (reply.TellWhereToAnswer && !result.Value.IsRepeat)
            mark = "📝 Saved as an internal note: this channel only announces conversations. To answer the customer, press *Reply…* on the thread's first message.";
        else if (reply.IsNote && !result.Value.IsRepeat)
            mark = "📝 Saved as an internal note — the customer does not see it.";
        if (mark is not null)
            await slack.CallAsync("chat.postEphemeral", new { channel, user = userId, thread_ts = threadTs, text = mark }, ct);
        else if (!reply.IsNote && result.Value is { Message.IsHeld: true, IsRepeat: false } held)
            await undo.OfferAsync(channel, userId, threadTs, held.Message!, ct);
    }

    // Someone wrote in a thread whose conversation was moved to another channel: only they are told where it went.
    private async Task TellMovedAsync(string channel, string threadTs, string userId, CancellationToken ct)
    {
        if (await queries.FindMovedThreadAsync(SlackOutboxRouter.Destination, SlackThreadId.Format(channel, threadTs), ct) is not { } moved) return;
        var (target, _) = SlackThreadId.Parse(moved.ExternalId);
        await slack.CallAsync("chat.postEphemeral", new
        {
            channel, user = userId, thread_ts = threadTs,
            text = $"➡️ #{moved.ConversationId} moved to <#{target}>; your message was not sent. Write in the new thread there.",
        }, ct);
    }

    // Edits and deletions of an operator's own thread message; anything else (unfurls, our bot's updates) is not ours to change.
    private async Task HandleChangeAsync(JsonObject slackEvent, string channel, bool deleted, CancellationToken ct)
    {
        var changed = slackEvent["message"] as JsonObject;
        var previous = slackEvent["previous_message"] as JsonObject;
        var ts = deleted ? Text(slackEvent["deleted_ts"]) : Text(changed?["ts"]);
        var userId = Text(changed?["user"]) ?? Text(previous?["user"]);
        if (ts is null || userId is null || changed?["bot_id"] is not null || previous?["bot_id"] is not null) return;
        // Only messages in one of Inbox's threads are ours: found before anyone is looked up (or made an operator). A deletion
        // may come without its thread; the delete itself then checks that Inbox knows the message.
        var threadTs = Text(changed?["thread_ts"]) ?? Text(previous?["thread_ts"]);
        var thread = threadTs is null ? null : await queries.FindThreadByExternalIdAsync(SlackOutboxRouter.Destination, SlackThreadId.Format(channel, threadTs), ct);
        var conversation = thread is null ? null : await queries.FindConversationAsync(thread.ConversationId, ct);
        if (conversation is null && !deleted) return;
        var author = await operators.ResolveAsync(userId, ct);
        if (author is null) return;

        var externalId = $"{SlackOutboxRouter.ExternalIdPrefix}{channel}:{ts}";
        if (deleted)
        {
            var removal = await commands.DeleteAsync(externalId, author.Id, ct);
            if (!removal.Succeeded) logger.LogDebug("Slack deletion of {Ts} not applied: {Reason}", ts, removal.Error.Message);
            return;
        }
        // The edited text loses the prefix its thread mode read (note prefix, or the send prefix in notes-by-default).
        var read = Core.Routing.ThreadReplies.Read(routes.RouteOf(conversation!), options.Value.NotePrefixes, SlackMarkup.ToPlainText(Text(changed?["text"])));
        var result = await commands.EditAsync(externalId, author.Id, read.Text, ct, asNote: read.IsNote);
        if (!result.Succeeded)
            logger.LogDebug("Slack change of {Ts} not applied: {Reason}", ts, result.Error.Message);
    }
}
