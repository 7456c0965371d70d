using System.Globalization;
using Inbox.Core.Commands.Text;
using Inbox.Core.Model;
using Inbox.Core.Views;
using Inbox.Teams.Activities;
using Inbox.Teams.Cards;
using Inbox.Teams.Inbound;

namespace Inbox.Teams.Commands;

/// <summary>
/// Runs <c>@Inbox ...</c> for the Teams user who wrote it: the same verbs and arguments as <c>/inbox</c> in Slack.
/// In a conversation's own thread the conversation may be left out ("@Inbox close" closes that one).
/// </summary>
public sealed class TeamsCommandHandler(
    CommandRunner runner, TeamsOperators operators, IInboxQueries queries, TimeProvider time, Routing.TeamsRoutes routes, TeamsThreadMover mover)
{
    private const string ReferenceHint = "mention a team member (e.g. @Lee) or give their email";

    /// <summary>Verbs that act on one conversation and so take "#123" first.</summary>
    private static readonly HashSet<CommandVerb> TakesConversation =
    [
        CommandVerb.Assign, CommandVerb.Transfer, CommandVerb.Join, CommandVerb.Close, CommandVerb.Reopen, CommandVerb.Block,
        CommandVerb.Unblock, CommandVerb.Note, CommandVerb.Tag, CommandVerb.Untag, CommandVerb.Details, CommandVerb.History,
    ];

    /// <summary>Whether the text starts with a command word; in a conversation's thread anything else is a reply.</summary>
    public static bool IsCommand(string text)
    {
        var first = text.Split((char[]?)null, 2, StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
        return first is not null && !int.TryParse(first, out _)
            && Enum.TryParse<CommandVerb>(first, ignoreCase: true, out var verb) && Enum.IsDefined(verb) && verb != CommandVerb.MarkSpam;
    }

    /// <summary>Whether, in the thread of conversation <paramref name="threadOf"/>, the text is a command that parses; anything else there is a reply.</summary>
    public static bool IsCommandIn(string text, long threadOf) => IsCommand(text) && CommandLine.Parse(WithConversation(text, threadOf)).Succeeded;

    /// <param name="noteId">The external id a note written by this command gets, so it is stored once and not mirrored back here.</param>
    /// <param name="channelId">The channel the command was written in (null in a personal chat): "open here" narrows to its routes, "move #123" moves there.</param>
    /// <param name="teamId">The team of that channel.</param>
    public async Task<AdaptiveCard> RunAsync(
        TeamsCommandText command, Operator me, Uri serviceUrl, string conversationId, long? threadOf, string? noteId, CancellationToken ct,
        string? channelId = null, string? teamId = null)
    {
        var parsed = CommandLine.Parse(WithConversation(command.Text, threadOf));
        if (!parsed.Succeeded) return Render(new CommandAnswer.Refused(parsed.Error.Message));
        var line = parsed.Value;
        if (line.Verb == CommandVerb.Move)
        {
            if (line.Argument is not null)
                return Render(new CommandAnswer.Refused($"In Teams, write `@Inbox move #{line.ConversationId}` in the channel that should take the conversation (without naming it)."));
            var (moved, message) = await mover.MoveAsync(line.ConversationId!.Value, channelId, teamId, me, ct);
            return TextCardRenderer.Render(moved ? "✅ Moving" : "⚠️ Not moved", message);
        }
        if (line.Argument is { } argument) line = line with { Argument = command.Readable(argument) };

        async Task<Operator?> Resolve(string reference, CancellationToken token)
        {
            if (command.Mentions.TryGetValue(reference, out var user))
                return await operators.ResolveAsync(serviceUrl, conversationId, user.Id, token);
            return reference.Contains('@') && !reference.StartsWith('@')
                ? await queries.FindOperatorByEmailAsync(Operator.NormalizeEmail(reference), token)
                : null;
        }

        // A note written in the conversation's own thread is already there; one written elsewhere must still be mirrored into it.
        return Render(await runner.RunAsync(line, me, Resolve, ReferenceHint, ct, line.ConversationId == threadOf ? noteId : null,
            channelId is null ? null : routes.In(channelId)));
    }

    public AdaptiveCard Render(CommandAnswer answer) => CommandAnswerCardRenderer.Render(answer, time.GetUtcNow(), routes.ChannelOf);

    // "close" in #12's thread means "close #12".
    private static string WithConversation(string text, long? threadOf)
    {
        if (threadOf is not { } id) return text;
        var words = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0 || !Enum.TryParse<CommandVerb>(words[0], true, out var verb) || !TakesConversation.Contains(verb)) return text;
        if (words.Length > 1 && words[1].StartsWith('#')) return text;
        return string.Join(' ', [words[0], "#" + id.ToString(CultureInfo.InvariantCulture), .. words[1..]]);
    }
}
