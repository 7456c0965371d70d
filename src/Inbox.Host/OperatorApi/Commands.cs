using System.Security.Claims;
using Inbox.Channels.Widget.Api;
using Inbox.Core.Commands;
using Inbox.Core.Model;
using Inbox.Core.Views;

namespace Inbox.Host.OperatorApi;

/// <summary>Runs one operator command for the calling operator and answers with the result or a problem.</summary>
public sealed class Commands(IHttpContextAccessor http, IInboxQueries queries, OperatorCommands operators, ActivityClock clock)
{
    public OperatorCommands Operators => operators;

    public async Task<IResult> Run(long conversationId, Func<Operator, CancellationToken, Task<InboxResult<ConversationChange>>> command)
    {
        var context = http.HttpContext ?? throw new InvalidOperationException("No request in progress.");
        var ct = context.RequestAborted;
        if (await OperatorApiEndpoints.CurrentAsync(context.User, queries, ct) is not { } me)
            return OperatorApiEndpoints.NotOperator();
        var result = await command(me, ct);
        if (!result.Succeeded) return InboxProblems.From(result.Error);
        var change = result.Value;
        return Results.Ok(new CommandResponse(
            change.Summary,
            ConversationDto.From(change.Conversation, clock.IsActive(change.Conversation)),
            ContactDto.From(change.Contact),
            change.Message is null ? null : MessageDto.From(change.Message)));
    }

    /// <summary>The operator with this email, or the caller when none is given.</summary>
    public async Task<Operator?> OperatorByEmailAsync(string? email, Operator me, CancellationToken ct) =>
        string.IsNullOrWhiteSpace(email) ? me : await queries.FindOperatorByEmailAsync(email, ct);
}
