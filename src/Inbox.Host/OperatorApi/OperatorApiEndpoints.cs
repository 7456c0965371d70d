using System.Globalization;
using System.Security.Claims;
using Inbox.Channels.Widget.Api;
using Inbox.Core;
using Inbox.Core.Commands;
using Inbox.Core.Model;
using Inbox.Core.Views;

namespace Inbox.Host.OperatorApi;

/// <summary>The operator REST API: the five views, conversation details, and every command.</summary>
public static class OperatorApiEndpoints
{
    public static IEndpointRouteBuilder MapOperatorApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/operator").RequireAuthorization(OperatorApiPolicy.Name).WithTags("Operator");

        api.MapGet("/me", async (ClaimsPrincipal user, IInboxQueries queries, CancellationToken ct) =>
            await CurrentAsync(user, queries, ct) is { } me ? Results.Ok(OperatorDto.From(me)) : NotOperator());
        api.MapPut("/me/status", async (ClaimsPrincipal user, StatusRequest? body, IInboxQueries queries, OperatorDirectory directory,
            Core.Distribution.Distributor distributor, CancellationToken ct) =>
        {
            if (await CurrentAsync(user, queries, ct) is not { } me) return NotOperator();
            if (body?.Status is not { } status)
                return InboxProblems.From(InboxError.Invalid("Say which status: { \"status\": \"online\" } (online, away or offline).", "status"));
            var result = await directory.SetStatusAsync(me.Id, status, body.Capacity, ct);
            if (!result.Succeeded) return InboxProblems.From(result.Error);
            if (status == OperatorStatus.Online) await distributor.TryAssignWaitingAsync(ct);
            return Results.Ok(OperatorDto.From(result.Value));
        });
        api.MapGet("/operators", async (IInboxQueries queries, CancellationToken ct) =>
            Results.Ok((await queries.GetOperatorsAsync(ct)).Select(OperatorDto.From)));
        api.MapGet("/counts", async (ClaimsPrincipal user, IInboxQueries queries, CancellationToken ct) =>
            await CurrentAsync(user, queries, ct) is { } me ? Results.Ok(await queries.GetCountsAsync(me.Id, ct)) : NotOperator());
        api.MapGet("/views/{view}", GetView);
        api.MapGet("/conversations/{id:long}", GetConversation);

        api.MapPost("/conversations/{id:long}/reply", (long id, TextRequest? body, HttpRequest request, Commands c) =>
            c.Run(id, (me, ct) => c.Operators.ReplyAsync(id, me.Id, body?.Text ?? "", externalId: IdempotencyKey(request, me), cancellationToken: ct)));
        api.MapPost("/conversations/{id:long}/notes", (long id, TextRequest? body, HttpRequest request, Commands c) =>
            c.Run(id, (me, ct) => c.Operators.AddNoteAsync(id, me.Id, body?.Text ?? "", IdempotencyKey(request, me), ct)));
        api.MapPost("/conversations/{id:long}/assign", (long id, AssignRequest? body, Commands c) =>
            c.Run(id, async (me, ct) => await c.OperatorByEmailAsync(body?.OperatorEmail, me, ct) is { } to
                ? await c.Operators.AssignAsync(id, to.Id, me.Id, ct) : UnknownOperator(body?.OperatorEmail)));
        api.MapPost("/conversations/{id:long}/transfer", (long id, AssignRequest? body, Commands c) =>
            c.Run(id, async (me, ct) => string.IsNullOrWhiteSpace(body?.OperatorEmail)
                ? InboxError.Invalid("Say who to transfer to: { \"operatorEmail\": \"lee@example.com\" }.", "operatorEmail")
                : await c.OperatorByEmailAsync(body.OperatorEmail, me, ct) is { } to
                    ? await c.Operators.TransferAsync(id, to.Id, me.Id, ct) : UnknownOperator(body.OperatorEmail)));
        // Undo a reply still in its undo window (see Replies:UndoWindow); 409 once it has gone out.
        api.MapPost("/conversations/{id:long}/messages/{messageId:long}/undo", (long id, long messageId, Commands c, HeldReplies held) =>
            c.Run(id, (me, ct) => held.UndoAsync(messageId, me.Id, ct, conversationId: id)));
        api.MapPost("/conversations/{id:long}/join", (long id, Commands c) => c.Run(id, (me, ct) => c.Operators.JoinAsync(id, me.Id, ct)));
        api.MapPost("/conversations/{id:long}/close", (long id, Commands c) => c.Run(id, (me, ct) => c.Operators.CloseAsync(id, me.Id, ct)));
        api.MapPost("/conversations/{id:long}/reopen", (long id, Commands c) => c.Run(id, (me, ct) => c.Operators.ReopenAsync(id, me.Id, ct)));
        api.MapPost("/conversations/{id:long}/spam", (long id, Commands c) => c.Run(id, (me, ct) => c.Operators.MarkSpamAsync(id, me.Id, ct)));
        api.MapPost("/conversations/{id:long}/block", (long id, Commands c) => c.Run(id, (me, ct) => c.Operators.BlockAsync(id, me.Id, ct)));
        api.MapPost("/conversations/{id:long}/unblock", (long id, Commands c) => c.Run(id, (me, ct) => c.Operators.UnblockAsync(id, me.Id, ct)));
        api.MapPost("/conversations/{id:long}/tags", (long id, TagRequest? body, Commands c) =>
            c.Run(id, (me, ct) => c.Operators.TagAsync(id, body?.Tag ?? "", me.Id, ct)));
        api.MapDelete("/conversations/{id:long}/tags/{tag}", (long id, string tag, Commands c) =>
            c.Run(id, (me, ct) => c.Operators.UntagAsync(id, tag, me.Id, ct)));
        api.MapPost("/conversations/{id:long}/contact-tags", (long id, TagRequest? body, Commands c) =>
            c.Run(id, (me, ct) => c.Operators.TagContactAsync(id, body?.Tag ?? "", me.Id, ct)));
        api.MapDelete("/conversations/{id:long}/contact-tags/{tag}", (long id, string tag, Commands c) =>
            c.Run(id, (me, ct) => c.Operators.UntagContactAsync(id, tag, me.Id, ct)));
        return app;
    }

    private static async Task<IResult> GetView(
        string view, ClaimsPrincipal user, IInboxQueries queries,
        string? after, int? pageSize, string? since, string? until, string? tag, string? assignee, string? channel,
        CancellationToken ct)
    {
        if (!Enum.TryParse<InboxView>(view, ignoreCase: true, out var which) || !Enum.IsDefined(which) || int.TryParse(view, out _))
            return InboxProblems.Invalid("view", $"'{view}' is not a view; use you, open, all, closed or spam.");
        if (await CurrentAsync(user, queries, ct) is not { } me) return NotOperator();
        if (pageSize is < 1 or > ViewQuery.MaxPageSize)
            return InboxProblems.Invalid("pageSize", $"pageSize must be between 1 and {ViewQuery.MaxPageSize}.");

        var errors = new Dictionary<string, string[]>();
        var sinceAt = ParseDate(since, "since", errors);
        var untilAt = ParseDate(until, "until", errors);
        ChannelKind? channelKind = null;
        if (!string.IsNullOrEmpty(channel))
        {
            if (Enum.TryParse<ChannelKind>(channel, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(channel, out _))
                channelKind = parsed;
            else errors["channel"] = [$"'{channel}' is not a channel; use widget, email or telegram."];
        }
        var normalizedTag = tag is null ? null : TagSet.Normalize(tag);
        if (tag is not null && normalizedTag is null) errors["tag"] = [$"'{tag}' is not a tag."];
        Guid? assigneeId = null;
        if (!string.IsNullOrEmpty(assignee))
        {
            var found = await queries.FindOperatorByEmailAsync(assignee, ct);
            if (found is null) errors["assignee"] = [$"No operator has the email '{assignee}'."];
            assigneeId = found?.Id;
        }
        if (errors.Count > 0) return InboxProblems.Invalid(errors);

        var filter = new ConversationFilter(sinceAt, untilAt, normalizedTag, assigneeId, channelKind);
        try
        {
            var page = await queries.GetViewAsync(new ViewQuery(which, me.Id, filter, after, pageSize ?? 25), ct);
            return Results.Ok(new ViewPageDto(page.View, page.Items, page.TotalCount, page.NextCursor, ClosedSummaryDto.From(page.Summary)));
        }
        catch (InvalidCursorException error)
        {
            return InboxProblems.Invalid("after", error.Message);
        }
    }

    private static async Task<IResult> GetConversation(long id, IInboxQueries queries, CancellationToken ct)
    {
        var details = await queries.GetDetailsAsync(id, ct);
        if (details is null) return Results.Problem(detail: $"Conversation #{id} does not exist.", statusCode: 404);
        var messages = await queries.GetMessagesAsync(id, includeInternal: true, ct);
        return Results.Ok(new ConversationDetailsDto(
            ConversationDto.From(details.Conversation, details.IsActive),
            ContactDto.From(details.Contact),
            details.Assignee is null ? null : OperatorDto.From(details.Assignee),
            details.Participants.Select(OperatorDto.From).ToList(),
            details.Notes.Select(MessageDto.From).ToList(),
            details.PastConversations.Select(PastConversationDto.From).ToList(),
            messages.Select(MessageDto.From).ToList()));
    }

    private static DateTimeOffset? ParseDate(string? text, string field, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrEmpty(text)) return null;
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at))
            return at;
        errors[field] = [$"'{text}' is not a date; use e.g. 2026-11-01 or 2026-11-01T09:00:00Z."];
        return null;
    }

    // The key is scoped by operator, so two operators' retries can never be mistaken for each other.
    private static string? IdempotencyKey(HttpRequest request, Operator me) =>
        request.Headers["Idempotency-Key"].FirstOrDefault() is { Length: > 0 and <= 200 } key ? $"api:{me.Id:N}:{key}" : null;

    internal static async Task<Operator?> CurrentAsync(ClaimsPrincipal user, IInboxQueries queries, CancellationToken ct) =>
        user.FindFirstValue(ClaimTypes.Email) is { } email ? await queries.FindOperatorByEmailAsync(email, ct) : null;

    internal static IResult NotOperator() =>
        Results.Problem(detail: "This API key's operator is not in the inbox; restart after changing OperatorApi:Keys.", statusCode: 403);

    private static InboxResult<ConversationChange> UnknownOperator(string? email) =>
        InboxError.NotFound($"No operator has the email '{email}'.");
}
