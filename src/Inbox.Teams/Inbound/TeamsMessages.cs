using Inbox.Core.Commands;
using Inbox.Core.Views;
using Inbox.Teams.Activities;
using Inbox.Teams.Cards;
using Inbox.Teams.Commands;
using Inbox.Teams.Install;
using Inbox.Teams.Mirroring;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Inbox.Teams.Inbound;

/// <summary>
/// Message activities: in a conversation's thread an operator's reply (or note, with the note prefix); an <c>@Inbox</c>
/// command anywhere (in the thread it may leave out the conversation); in a personal chat every message is a command.
/// </summary>
/// <remarks>
/// A reply is stored under the external id "teams:{thread}:{activity id}", so however often Teams delivers it, it reaches
/// the customer once, and the Slack thread shows it once (marked as written in Teams) while the Teams thread is left alone.
/// </remarks>
public sealed class TeamsMessages(
    TeamsOperators operators,
    OperatorCommands commands,
    TeamsCommandHandler handler,
    TeamsAnswers answers,
    TeamsTargets targets,
    IInboxQueries queries,
    IOptions<TeamsOptions> options,
    ILogger<TeamsMessages> logger,
    Routing.TeamsRoutes routes,
    TeamsUndo undo)
{
    public static string ExternalId(string threadId, string activityId) => $"{TeamsOutboxRouter.Surface}:{threadId}:{activityId}";

    public async Task HandleAsync(Activity activity, string botId, CancellationToken ct)
    {
        if (activity.Conversation?.Id is not { } conversationId || activity.From?.Id is not { } userId || activity.Id is null
            || activity.ServiceUrl is null || TeamsInstallEvents.IsBot(userId, botId)) return;
        var serviceUrl = new Uri(activity.ServiceUrl);
        var addressed = activity.IsPersonal || activity.Mentions(botId);
        var text = TeamsCommandText.From(activity, botId);
        var thread = activity.IsPersonal ? null : await queries.FindThreadByExternalIdAsync(TeamsOutboxRouter.Destination, conversationId, ct);

        if (addressed && IsUseThisChannel(text.Text) && !activity.IsPersonal)
        {
            await UseThisChannelAsync(activity, ct);
            return;
        }
        // In a conversation's thread only a command that parses is a command ("@Inbox close"); "@Inbox Close the app
        // and try again" is a reply, which matters when Inbox sees only messages that mention it.
        if (thread is not null && !(addressed && TeamsCommandHandler.IsCommandIn(text.Text, thread.ConversationId)))
        {
            await ReplyAsync(activity, thread.ConversationId, text.Reply, serviceUrl, conversationId, userId, ct);
            return;
        }
        if (thread is null && !activity.IsPersonal && !(addressed && TeamsCommandHandler.IsCommand(text.Text))
            && await queries.FindMovedThreadAsync(TeamsOutboxRouter.Destination, conversationId, ct) is { } moved)
        {
            await answers.SendPrivatelyAsync(activity, TextCardRenderer.Render("➡️ Not sent",
                $"#{moved.ConversationId} moved to another channel; your message was not sent. Write in its new thread there."), ct);
            return;
        }
        if (!addressed) return; // ordinary channel talk (Inbox may see it all when allowed to read the channel)

        var me = await operators.ResolveAsync(serviceUrl, conversationId, userId, ct);
        var card = me is null
            ? TextCardRenderer.Render("⚠️ Not done", "I could not find your Teams profile, so I cannot act for you.")
            : await handler.RunAsync(text, me, serviceUrl, conversationId, thread?.ConversationId, ExternalId(conversationId, activity.Id), ct,
                activity.IsPersonal ? null : activity.TeamsChannelId ?? TeamsThreadId.ChannelOf(conversationId), activity.TeamId);
        await answers.SendAsync(activity, card, ct);
    }

    private async Task ReplyAsync(Activity activity, long conversation, string text, Uri serviceUrl, string threadId, string userId, CancellationToken ct)
    {
        var author = await operators.ResolveAsync(serviceUrl, threadId, userId, ct);
        if (author is null)
        {
            logger.LogWarning("Teams user {User} could not be resolved to an operator; activity {Activity} ignored", userId, activity.Id);
            await answers.SendAsync(activity, TextCardRenderer.Render("⚠️ Not sent", "I could not find your Teams profile, so your message did not reach the customer."), ct);
            return;
        }
        var externalId = ExternalId(threadId, activity.Id!);
        // The route's thread mode decides: a reply to the customer, or a note (with the note prefix, or by default).
        var reply = await queries.FindConversationAsync(conversation, ct) is { } found
            ? Core.Routing.ThreadReplies.Read(routes.RouteOf(found), options.Value.NotePrefixes, text)
            : new Core.Routing.ThreadReply(false, text);
        var result = reply.IsNote
            ? await commands.AddNoteAsync(conversation, author.Id, reply.Text, externalId, ct)
            : await commands.ReplyAsync(conversation, author.Id, reply.Text, externalId: externalId, cancellationToken: ct);
        if (!result.Succeeded)
        {
            logger.LogWarning("Teams message {Activity} in #{Conversation} was refused: {Reason}", activity.Id, conversation, result.Error.Message);
            await answers.SendAsync(activity, TextCardRenderer.Render("⚠️ Not sent to the customer", result.Error.Message), ct);
        }
        else if (reply.TellWhereToAnswer && !result.Value.IsRepeat)
            await answers.SendPrivatelyAsync(activity, TextCardRenderer.Render("📝 Saved as an internal note",
                $"#{conversation}'s channel only announces conversations, so the customer did not see this. To answer them, use Reply… on the thread's first card."), ct);
        else if (!reply.IsNote && result.Value is { Message.IsHeld: true, IsRepeat: false } held)
            await undo.OfferAsync(activity, held.Message!, ct);
    }

    private async Task UseThisChannelAsync(Activity activity, CancellationToken ct)
    {
        var channel = activity.TeamsChannelId ?? TeamsThreadId.ChannelOf(activity.Conversation!.Id!);
        if (activity.TenantId is not { } tenant)
        {
            await answers.SendAsync(activity, TextCardRenderer.Render("⚠️ Not done", "Teams did not say which tenant this channel belongs to."), ct);
            return;
        }
        await targets.UseAsync(new TeamsTarget(activity.ServiceUrl!, channel, tenant, activity.TeamId), ct);
        var overridden = !string.IsNullOrWhiteSpace(options.Value.ChannelId) && options.Value.ChannelId != channel;
        await answers.SendAsync(activity, TextCardRenderer.Render("✅ Done", overridden
            ? "Noted, but the configuration (Teams:ChannelId) names another channel, and it wins."
            : "New conversations will start their threads in this channel."), ct);
    }

    private static bool IsUseThisChannel(string text) =>
        string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).TrimEnd('.', '!')
            .Equals("use this channel", StringComparison.OrdinalIgnoreCase);
}
