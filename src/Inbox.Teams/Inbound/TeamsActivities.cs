using Inbox.Core.Commands;
using Inbox.Teams.Activities;
using Inbox.Teams.Commands;
using Inbox.Teams.Install;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Inbox.Teams.Inbound;

/// <summary>Hands each authenticated activity to what handles its type, once per activity id.</summary>
public sealed class TeamsActivities(
    TeamsInstallEvents installs,
    TeamsMessages messages,
    TeamsCardActions cardActions,
    TeamsOperators operators,
    OperatorCommands commands,
    TeamsTargets targets,
    RecentActivities recent,
    IOptions<TeamsOptions> options,
    IHostApplicationLifetime lifetime,
    ILogger<TeamsActivities> logger,
    Core.Views.IInboxQueries queries,
    Routing.TeamsRoutes routes)
{
    /// <summary>Handles <paramref name="activity"/>; <paramref name="requestAborted"/> stops only the wait, not work a repeat may share.</summary>
    public async Task<ActivityAnswer> HandleAsync(Activity activity, CancellationToken requestAborted)
    {
        // Work shared with repeats of the activity runs to its end even if the first request's connection drops.
        var ct = lifetime.ApplicationStopping;
        var botId = activity.Recipient?.Id ?? "28:" + options.Value.AppId;
        if (activity.TenantId is { } tenant && activity.ServiceUrl is { } serviceUrl)
            await targets.SeenServiceUrlAsync(tenant, serviceUrl, ct);

        switch (activity.Type)
        {
            case "conversationUpdate":
                return await OnceAsync(activity, requestAborted, async () =>
                {
                    await installs.HandleAsync(activity, botId, ct);
                    return ActivityAnswer.Ok;
                });
            case "message":
                return await OnceAsync(activity, requestAborted, async () =>
                {
                    await messages.HandleAsync(activity, botId, ct);
                    return ActivityAnswer.Ok;
                });
            case "invoke" when activity.Name == "adaptiveCard/action":
                return await OnceAsync(activity, requestAborted, () => cardActions.HandleAsync(activity, ct));
            case "messageUpdate" or "messageDelete":
                // Edits repeat the message's id, so they are not deduplicated by it; applying one twice changes nothing.
                await ChangeAsync(activity, botId, ct);
                return ActivityAnswer.Ok;
            default:
                logger.LogDebug("Teams activity {Type} ignored", activity.Type);
                return ActivityAnswer.Ok;
        }
    }

    // Activity ids are unique within a conversation, so the conversation is part of the key.
    private static Task<ActivityAnswer> WaitAsync(Task<ActivityAnswer> work, CancellationToken requestAborted) => work.WaitAsync(requestAborted);

    private Task<ActivityAnswer> OnceAsync(Activity activity, CancellationToken requestAborted, Func<Task<ActivityAnswer>> handle) =>
        WaitAsync(activity.Id is { } id ? recent.OnceAsync($"{activity.Type}:{activity.Conversation?.Id}:{id}", handle) : handle(), requestAborted);

    // An operator edited or deleted a reply or note they wrote in a conversation's thread.
    private async Task ChangeAsync(Activity activity, string botId, CancellationToken ct)
    {
        if (activity.Conversation?.Id is not { } threadId || activity.Id is null || activity.From?.Id is not { } userId
            || activity.ServiceUrl is null || TeamsInstallEvents.IsBot(userId, botId)) return;
        var author = await operators.ResolveAsync(new Uri(activity.ServiceUrl), threadId, userId, ct);
        if (author is null) return;
        var externalId = TeamsMessages.ExternalId(threadId, activity.Id);
        // Restoring a deleted message is not something Inbox can undo at the customer's end: left alone.
        if (activity.EventType == "undeleteMessage") return;
        var deleted = activity.Type == "messageDelete" || activity.EventType == "softDeleteMessage";
        var body = TeamsCommandText.From(activity, botId).Reply;
        // The edited text loses the prefix its thread mode read (note prefix, or the send prefix in notes-by-default).
        var thread = await queries.FindThreadByExternalIdAsync(Mirroring.TeamsOutboxRouter.Destination, threadId, ct);
        var conversation = thread is null ? null : await queries.FindConversationAsync(thread.ConversationId, ct);
        bool? asNote = null;
        if (conversation is not null)
            (asNote, body) = Core.Routing.ThreadReplies.Read(routes.RouteOf(conversation), options.Value.NotePrefixes, body) is var read ? (read.IsNote, read.Text) : default;
        else if (options.Value.NotePrefixes.FirstOrDefault(p => body.StartsWith(p, StringComparison.OrdinalIgnoreCase)) is { } note)
            body = body[note.Length..].Trim();
        var result = deleted ? await commands.DeleteAsync(externalId, author.Id, ct) : await commands.EditAsync(externalId, author.Id, body, ct, asNote);
        if (!result.Succeeded) logger.LogDebug("Teams change of {Activity} not applied: {Reason}", activity.Id, result.Error.Message);
    }
}
