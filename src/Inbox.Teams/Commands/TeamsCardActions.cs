using System.Text.Json.Nodes;
using Inbox.Core.Commands;
using Inbox.Core.Commands.Text;
using Inbox.Core.Model;
using Inbox.Teams.Activities;
using Inbox.Teams.Cards;
using Inbox.Teams.Inbound;
using Inbox.Teams.Mirroring;

namespace Inbox.Teams.Commands;

/// <summary>
/// <c>adaptiveCard/action</c> invokes from the conversation card's buttons: runs the verb for the operator who pressed it
/// and answers with the card as it is now, which Teams shows in place at once; a refusal comes back as a message instead.
/// </summary>
/// <remarks>Details and History answer in the thread (everyone there sees them) and leave the card as it is.</remarks>
public sealed class TeamsCardActions(
    TeamsOperators operators, OperatorCommands commands, CommandRunner runner, TeamsCommandHandler handler,
    ConversationCards cards, TeamsAnswers answers, TeamsUndo undo)
{
    public async Task<ActivityAnswer> HandleAsync(Activity activity, CancellationToken ct)
    {
        var action = Activity.At(activity.Value, "action");
        var verb = Activity.Read(Activity.At(action, "verb"));
        var data = Activity.At(action, "data") as JsonObject;
        if (verb is null || !TryConversationId(data, out var id)) return Message("This card action is missing its conversation.");
        if (activity.From?.Id is not { } userId || activity.Conversation?.Id is not { } conversationId || activity.ServiceUrl is null)
            return Message("Teams did not say who pressed the button.");

        if (verb == TeamsVerbs.Refresh) return await CardAsync(id, ct);
        if (verb == TeamsUndo.StatusVerb) return await undo.StatusAsync(data, userId, ct);
        var me = await operators.ResolveAsync(new Uri(activity.ServiceUrl), conversationId, userId, ct);
        if (me is null) return Message("I could not find your Teams profile, so I cannot act for you.");
        if (verb == TeamsUndo.Verb) return await undo.PressedAsync(me, data, ct);

        InboxResult<ConversationChange> result;
        switch (verb)
        {
            case TeamsVerbs.AssignToMe: result = await commands.AssignAsync(id, me.Id, me.Id, ct); break;
            case TeamsVerbs.Join: result = await commands.JoinAsync(id, me.Id, ct); break;
            case TeamsVerbs.Close: result = await commands.CloseAsync(id, me.Id, ct); break;
            case TeamsVerbs.Reopen: result = await commands.ReopenAsync(id, me.Id, ct); break;
            case TeamsVerbs.Spam: result = await commands.MarkSpamAsync(id, me.Id, ct); break;
            case TeamsVerbs.Transfer:
                if (!Guid.TryParse(Activity.Read(data?[TeamsVerbs.OperatorIdInput]), out var to)) return Message("Choose who takes over the conversation.");
                result = await commands.TransferAsync(id, to, me.Id, ct);
                break;
            case TeamsVerbs.Reply:
                // Whatever the thread mode, the Reply form's text goes to the customer; the invoke's id keeps a repeat from sending twice.
                var text = Activity.Read(data?[TeamsVerbs.ReplyTextInput]);
                if (string.IsNullOrWhiteSpace(text)) return Message("Write the answer for the customer.");
                result = await commands.ReplyAsync(id, me.Id, text,
                    externalId: activity.Id is { } invokeId ? $"inbox:teams-reply:{conversationId}:{invokeId}" : null, cancellationToken: ct);
                break;
            case TeamsVerbs.Details or TeamsVerbs.History:
                var line = new CommandLine(verb == TeamsVerbs.Details ? CommandVerb.Details : CommandVerb.History, id);
                var answer = await runner.RunAsync(line, me, (_, _) => Task.FromResult<Operator?>(null), "", ct);
                await answers.SendAsync(activity, handler.Render(answer), ct);
                return await CardAsync(id, ct);
            default:
                return Message($"Inbox does not know the action '{verb}'.");
        }
        // A reply sent with the Reply form waits out the undo window like any other: its author gets the Undo card too.
        if (verb == TeamsVerbs.Reply && result is { Succeeded: true, Value: { Message.IsHeld: true, IsRepeat: false } held })
            await undo.OfferAsync(activity, held.Message!, ct);
        return result.Succeeded ? await CardAsync(id, ct) : Message(result.Error.Message);
    }

    private async Task<ActivityAnswer> CardAsync(long id, CancellationToken ct) =>
        await cards.RenderAsync(id, ct) is { } card
            ? new ActivityAnswer(200, new JsonObject
            {
                ["statusCode"] = 200,
                ["type"] = CardJson.ContentType,
                ["value"] = CardJson.ToNode(card),
            })
            : Message($"Conversation #{id} does not exist.");

    /// <summary>An answer Teams shows as a short message to the person who pressed the button; the card stays as it was.</summary>
    private static ActivityAnswer Message(string text) => new(200, new JsonObject
    {
        ["statusCode"] = 200,
        ["type"] = "application/vnd.microsoft.activity.message",
        ["value"] = text,
    });

    private static bool TryConversationId(JsonObject? data, out long id)
    {
        id = 0;
        return data?["conversationId"] is JsonValue value
            && (value.TryGetValue(out id) || (value.TryGetValue<string>(out var text) && long.TryParse(text.TrimStart('#'), out id)))
            && id > 0;
    }
}
