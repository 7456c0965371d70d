using System.Globalization;
using Inbox.Core.Distribution;
using Inbox.Core.Model;
using Inbox.Core.Views;

namespace Inbox.Core.Commands.Text;

/// <summary>Runs a parsed command line for an operator; the bridge parses, resolves mentions and renders the answer.</summary>
public sealed class CommandRunner(
    OperatorCommands commands, IInboxQueries queries, OperatorDirectory directory, Distributor distributor, DistributionOptions distribution,
    Routing.RouteBook? routes = null)
{
    public const int PageSize = 10;

    /// <param name="resolveOperator">Turns an operator reference as typed (a mention in the bridge's form) into an operator, or null.</param>
    /// <param name="referenceHint">What the operator should type instead of an unknown reference, e.g. "mention a workspace member, e.g. `@lee`".</param>
    /// <param name="noteId">The external id of a note this command writes (the bridge's id of the message that held the command), so a repeat stores it once and the bridge it came from does not get it back.</param>
    /// <param name="here">The routes whose threads start in the channel the command was typed in, for "open here"; null where there is no channel.</param>
    public async Task<CommandAnswer> RunAsync(
        CommandLine line, Operator me, Func<string, CancellationToken, Task<Operator?>> resolveOperator, string referenceHint, CancellationToken ct,
        string? noteId = null, IReadOnlyList<Routing.Route>? here = null)
    {
        if (line.Verb == CommandVerb.Help) return new CommandAnswer.Help(CommandLine.Usage);
        if (line.Verb == CommandVerb.Routes) return new CommandAnswer.RouteList(routes?.All.ToList() ?? []);
        if (line.Verb == CommandVerb.Move) return new CommandAnswer.Refused("`move` needs the channel it is typed in; this surface cannot move threads.");
        if (CommandLine.ViewOf(line.Verb) is { } view)
        {
            if (line.Here && (here is null || here.Count == 0))
                return new CommandAnswer.Refused("No route starts its threads in this channel, so `here` would show nothing; leave it out to see every conversation (`routes` lists where each route goes).");
            return await ViewAsync(view, line.Page, line.Filter, me, resolveOperator, referenceHint, ct, line.Here ? here : null);
        }

        var id = line.ConversationId.GetValueOrDefault();
        InboxResult<ConversationChange> result;
        switch (line.Verb)
        {
            case CommandVerb.Status:
                return await StatusAsync(line, me, ct);
            case CommandVerb.Search:
                return new CommandAnswer.Search(line.Argument!, await queries.SearchAsync(line.Argument!, PageSize, ct));
            case CommandVerb.Details:
                return await queries.GetDetailsAsync(id, ct) is { } details
                    ? new CommandAnswer.Details(details)
                    : new CommandAnswer.Refused($"Conversation #{id} does not exist.");
            case CommandVerb.History:
                return await queries.FindConversationAsync(id, ct) is { } conversation
                    ? new CommandAnswer.History(id, await queries.GetPastConversationsAsync(conversation.ContactId, id, ct))
                    : new CommandAnswer.Refused($"Conversation #{id} does not exist.");
            case CommandVerb.Assign or CommandVerb.Transfer:
                var target = line.OperatorReference is null ? me : await resolveOperator(line.OperatorReference, ct);
                if (target is null) return new CommandAnswer.Refused($"I don't know {line.OperatorReference}: {referenceHint}.");
                result = line.Verb == CommandVerb.Assign
                    ? await commands.AssignAsync(id, target.Id, me.Id, ct)
                    : await commands.TransferAsync(id, target.Id, me.Id, ct);
                break;
            case CommandVerb.Join: result = await commands.JoinAsync(id, me.Id, ct); break;
            case CommandVerb.Close: result = await commands.CloseAsync(id, me.Id, ct); break;
            case CommandVerb.Reopen: result = await commands.ReopenAsync(id, me.Id, ct); break;
            case CommandVerb.MarkSpam: result = await commands.MarkSpamAsync(id, me.Id, ct); break;
            case CommandVerb.Block: result = await commands.BlockAsync(id, me.Id, ct); break;
            case CommandVerb.Unblock: result = await commands.UnblockAsync(id, me.Id, ct); break;
            case CommandVerb.Note: result = await commands.AddNoteAsync(id, me.Id, line.Argument!, noteId, ct); break;
            case CommandVerb.Tag: result = await commands.TagAsync(id, line.Argument!, me.Id, ct); break;
            case CommandVerb.Untag: result = await commands.UntagAsync(id, line.Argument!, me.Id, ct); break;
            default: return new CommandAnswer.Help(CommandLine.Usage);
        }
        return result.Succeeded ? new CommandAnswer.Changed(result.Value) : new CommandAnswer.Refused(result.Error.Message);
    }

    private async Task<CommandAnswer> StatusAsync(CommandLine line, Operator me, CancellationToken ct)
    {
        var current = me;
        if (line.Argument is { } word && Enum.TryParse<OperatorStatus>(word, ignoreCase: true, out var status))
        {
            var result = await directory.SetStatusAsync(me.Id, status, line.Capacity, ct);
            if (!result.Succeeded) return new CommandAnswer.Refused(result.Error.Message);
            current = result.Value;
            // Someone coming online (or taking more) may take what waits; the status is set whatever that pass meets.
            if (status == OperatorStatus.Online) await distributor.TryAssignWaitingAsync(ct);
        }
        var open = (await queries.GetOpenAssignmentCountsAsync(ct)).GetValueOrDefault(me.Id);
        return new CommandAnswer.OperatorState(current, current.Capacity ?? distribution.DefaultCapacity, open);
    }

    private async Task<CommandAnswer> ViewAsync(
        InboxView view, int pageNumber, ClosedFilterText? typed, Operator me,
        Func<string, CancellationToken, Task<Operator?>> resolveOperator, string referenceHint, CancellationToken ct,
        IReadOnlyList<Routing.Route>? onlyRoutes = null)
    {
        ConversationFilter? filter = null;
        if (typed is not null)
        {
            var (parsed, problem) = await FilterAsync(typed, resolveOperator, referenceHint, ct);
            if (problem is not null) return new CommandAnswer.Refused(problem);
            filter = parsed;
        }
        if (onlyRoutes is not null) filter = Routing.RouteBook.FilterFor(onlyRoutes, filter);
        string? after = null;
        ViewPage page;
        var number = 1;
        do
        {
            page = await queries.GetViewAsync(new ViewQuery(view, me.Id, filter, after, PageSize), ct);
            after = page.NextCursor;
        } while (number++ < pageNumber && after is not null);
        return new CommandAnswer.View(page, pageNumber, await queries.GetCountsAsync(me.Id, ct), onlyRoutes?.Select(r => r.Name).ToList());
    }

    private static async Task<(ConversationFilter? Filter, string? Problem)> FilterAsync(
        ClosedFilterText typed, Func<string, CancellationToken, Task<Operator?>> resolveOperator, string referenceHint, CancellationToken ct)
    {
        static DateTimeOffset? Date(string? text) =>
            DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at) ? at : null;
        if (typed.Since is not null && Date(typed.Since) is null) return (null, $"`since:{typed.Since}` is not a date; use e.g. since:2026-11-01.");
        if (typed.Until is not null && Date(typed.Until) is null) return (null, $"`until:{typed.Until}` is not a date; use e.g. until:2026-12-01.");
        ChannelKind? channel = null;
        if (typed.Channel is not null)
        {
            if (!Enum.TryParse<ChannelKind>(typed.Channel, true, out var kind) || !Enum.IsDefined(kind) || int.TryParse(typed.Channel, out _))
                return (null, $"`channel:{typed.Channel}` is not a channel; use widget, email or telegram.");
            channel = kind;
        }
        string? tag = null;
        if (typed.Tag is not null && (tag = TagSet.Normalize(typed.Tag)) is null) return (null, $"`tag:{typed.Tag}` is not a tag.");
        Guid? assignee = null;
        if (typed.Assignee is not null)
        {
            var who = await resolveOperator(typed.Assignee, ct);
            if (who is null) return (null, $"I don't know {typed.Assignee}: {referenceHint}.");
            assignee = who.Id;
        }
        return (new ConversationFilter(Date(typed.Since), Date(typed.Until), tag, assignee, channel), null);
    }
}
