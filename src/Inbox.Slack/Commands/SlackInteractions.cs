using System.Text.Json;
using System.Text.Json.Nodes;
using Inbox.Core.Commands;
using Inbox.Core.Model;
using Inbox.Core.Views;
using Inbox.Slack.BlockKit;
using Inbox.Slack.Inbound;
using Inbox.Slack.Rendering;
using Inbox.Slack.WebApi;
using Microsoft.AspNetCore.Http;

using static Inbox.Slack.SlackJson;

namespace Inbox.Slack.Commands;

/// <summary>Answers interactivity: the thread root's buttons (block_actions) and the Transfer modal's submission (view_submission).</summary>
public sealed class SlackInteractions(
    SlackOperators operators, OperatorCommands commands, IInboxQueries queries, SlashCommandHandler texts, SlackWebApi slack,
    SlackHomeTabRefresher homeTab, SlackUndo undo)
{
    public const string TransferCallback = "inbox.transfer";
    public const string ReplyCallback = "inbox.reply";
    public const string ReplyBlock = "reply";
    public const string ReplyAction = "text";
    private const string TransferBlock = "transfer_to";
    private const string TransferAction = "operator";

    public async Task<IResult> HandleAsync(string? payloadJson, CancellationToken ct)
    {
        var payload = ParseObject(payloadJson);
        if (payload is null) return Results.Problem(detail: "The payload field must hold a JSON object.", statusCode: StatusCodes.Status400BadRequest);

        var userId = Text(At(payload, "user", "id"));
        var me = userId is null ? null : await operators.ResolveAsync(userId, ct);
        if (me is null) return Results.Ok();
        return Text(payload["type"]) switch
        {
            "block_actions" => await ButtonAsync(payload, me, userId!, ct),
            "view_submission" when Text(At(payload, "view", "callback_id")) == TransferCallback => await TransferAsync(payload, me, ct),
            "view_submission" when Text(At(payload, "view", "callback_id")) == ReplyCallback => await ReplyAsync(payload, me, ct),
            _ => Results.Ok(),
        };
    }

    private async Task<IResult> ButtonAsync(JsonObject payload, Operator me, string userId, CancellationToken ct)
    {
        var action = payload["actions"] is JsonArray { Count: > 0 } actions ? actions[0] : null;
        if (Text(At(action, "action_id")) == SlackUndo.Action)
        {
            await undo.PressedAsync(me, Text(At(action, "value")), Text(payload["response_url"]), ct);
            return Results.Ok();
        }
        if (Text(At(action, "action_id")) == SlackActions.HomeRoute)
        {
            // Answered at once and published after, as app_home_opened is: rendering five views must not eat Slack's 3 s.
            homeTab.Refresh(userId, Text(At(action, "selected_option", "value")));
            return Results.Ok();
        }
        if (!long.TryParse(Text(At(action, "value")), out var id)) return Results.Ok();
        var triggerId = Text(payload["trigger_id"]);
        InboxResult<ConversationChange>? result = Text(At(action, "action_id")) switch
        {
            SlackActions.AssignToMe => await commands.AssignAsync(id, me.Id, me.Id, ct),
            SlackActions.Join => await commands.JoinAsync(id, me.Id, ct),
            SlackActions.Close => await commands.CloseAsync(id, me.Id, ct),
            SlackActions.Reopen => await commands.ReopenAsync(id, me.Id, ct),
            SlackActions.Spam => await commands.MarkSpamAsync(id, me.Id, ct),
            _ => (InboxResult<ConversationChange>?)null,
        };
        switch (Text(At(action, "action_id")))
        {
            case SlackActions.Transfer: await OpenAsync(triggerId, await TransferModalAsync(id, ct), ct); break;
            case SlackActions.Reply: await OpenAsync(triggerId, ReplyModal(id), ct); break;
            case SlackActions.Details: await OpenAsync(triggerId, Modal($"Details of #{id}", await texts.DetailsAsync(id, ct)), ct); break;
            case SlackActions.History: await OpenAsync(triggerId, Modal($"History of #{id}", await texts.HistoryAsync(id, ct)), ct); break;
        }
        // The root card redraws itself through the outbox; only a refusal needs saying, to the one who pressed.
        if (result is { Succeeded: false } refused && Text(At(payload, "channel", "id") ?? At(payload, "container", "channel_id")) is { } channel)
            await slack.CallAsync("chat.postEphemeral", new { channel, user = userId, text = SlackText.Escape(refused.Error.Message) }, ct);
        return Results.Ok();
    }

    private async Task<IResult> TransferAsync(JsonObject payload, Operator me, CancellationToken ct)
    {
        var view = payload["view"];
        var chosen = Text(At(view, "state", "values", TransferBlock, TransferAction, "selected_option", "value"));
        if (!long.TryParse(Text(At(view, "private_metadata")), out var id) || !Guid.TryParse(chosen, out var operatorId))
            return Errors("Choose an operator.");
        var result = await commands.TransferAsync(id, operatorId, me.Id, ct);
        return result.Succeeded ? Results.Json(new { response_action = "clear" }) : Errors(result.Error.Message);
    }

    // Whatever the thread mode, what is written here goes to the customer; the view id keeps a repeated submission from sending twice.
    private async Task<IResult> ReplyAsync(JsonObject payload, Operator me, CancellationToken ct)
    {
        var view = payload["view"];
        var text = Text(At(view, "state", "values", ReplyBlock, ReplyAction, "value"));
        if (!long.TryParse(Text(At(view, "private_metadata")), out var id)) return Errors(ReplyBlock, "This form lost its conversation; open Reply… again.");
        if (string.IsNullOrWhiteSpace(text)) return Errors(ReplyBlock, "Write the answer for the customer.");
        var externalId = Text(At(view, "id")) is { } viewId ? $"inbox:slack-reply:{viewId}" : null;
        var result = await commands.ReplyAsync(id, me.Id, text, externalId: externalId, cancellationToken: ct);
        if (result is { Succeeded: true, Value: { Message.IsHeld: true, IsRepeat: false } held } && Text(At(payload, "user", "id")) is { } userId
            && await queries.FindThreadAsync(id, Mirroring.SlackOutboxRouter.Destination, ct) is { } thread)
        {
            var (channel, threadTs) = Mirroring.SlackThreadId.Parse(thread.ExternalId);
            await undo.OfferAsync(channel, userId, threadTs, held.Message!, ct);
        }
        return result.Succeeded ? Results.Json(new { response_action = "clear" }) : Errors(ReplyBlock, result.Error.Message);
    }

    private static ModalView ReplyModal(long id) =>
        new($"Reply to #{id}",
            [new InputBlock("To the customer", new PlainTextInputElement(ReplyAction, "Your answer", multiline: true), ReplyBlock,
                hint: "This goes to the customer whatever this thread's mode.")],
            submit: "Send", close: "Cancel", callbackId: ReplyCallback, privateMetadata: id.ToString());

    private async Task<ModalView> TransferModalAsync(long id, CancellationToken ct)
    {
        var options = (await queries.GetOperatorsAsync(ct)).Select(o => new Option(o.DisplayName, o.Id.ToString())).ToList();
        return new ModalView($"Transfer #{id}",
            [new InputBlock("Transfer to", new StaticSelectElement(TransferAction, "Choose an operator", options), TransferBlock)],
            submit: "Transfer", close: "Cancel", callbackId: TransferCallback, privateMetadata: id.ToString());
    }

    private static ModalView Modal(string title, string mrkdwn) =>
        new(title, SlackText.Split(mrkdwn).Select(chunk => (Block)SectionBlock.Markdown(chunk)), close: "Close");

    private async Task OpenAsync(string? triggerId, ModalView view, CancellationToken ct)
    {
        if (triggerId is not null)
            await slack.CallAsync("views.open", new { trigger_id = triggerId, view = BlockKitJson.View(view) }, ct);
    }

    private static IResult Errors(string message) => Errors(TransferBlock, message);

    private static IResult Errors(string block, string message) =>
        Results.Json(new { response_action = "errors", errors = new Dictionary<string, string> { [block] = message } });
}
