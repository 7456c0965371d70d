using System.Net.Mail;
using Inbox.Channels.Widget.VisitorFacts;
using Inbox.Channels.Widget.Visitors;
using Inbox.Core.Commands;
using Inbox.Core.Model;
using Inbox.Core.Views;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace Inbox.Channels.Widget.Api;

/// <summary>The HTTP API widget.js talks to: sessions, chats, messages, profile and the live stream.</summary>
public static class WidgetApi
{
    public const string VisitorPolicy = "widget-visitor";
    public const string SessionPolicy = "widget-session";
    public const string CorsPolicy = "widget";

    public static IEndpointRouteBuilder MapWidgetApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/widget/api").RequireCors(CorsPolicy).WithTags("Widget");

        api.MapPost("/session", StartSession).RequireRateLimiting(SessionPolicy);
        api.MapGet("/conversations", ListConversations);
        api.MapPost("/conversations", StartConversation).RequireRateLimiting(VisitorPolicy);
        api.MapGet("/conversations/{id:long}/messages", ListMessages);
        api.MapPost("/conversations/{id:long}/messages", SendMessage).RequireRateLimiting(VisitorPolicy);
        api.MapGet("/profile", GetProfile);
        api.MapPut("/profile", UpdateProfile).RequireRateLimiting(VisitorPolicy);
        api.MapGet("/events", (HttpContext context, WidgetEventStream stream) => stream.RunAsync(context));
        return app;
    }

    private static async Task<IResult> StartSession(
        SessionRequest? request, HttpContext context, VisitorTokens tokens, VisitorProfileCollector collector,
        CustomerMessages customers, CancellationToken ct)
    {
        var (visitorKey, token) = tokens.IssueNew();
        var profile = collector.Collect(context, request?.ClientHints);
        var stored = await customers.UpdateProfileAsync(Identity(visitorKey), profile, ct);
        return stored.Succeeded
            ? Results.Ok(new SessionResponse(token, stored.Value.Id.ToString()))
            : InboxProblems.From(stored.Error);
    }

    private static async Task<IResult> ListConversations(HttpContext context, VisitorTokens tokens, IInboxQueries queries, CancellationToken ct)
    {
        if (VisitorOf(context, tokens) is not { } visitorKey) return NoVisitor();
        var contact = await queries.FindContactAsync(Identity(visitorKey), ct);
        if (contact is null) return Results.Ok(new ItemsResponse<WidgetConversation>([]));
        var conversations = await queries.GetContactConversationsAsync(contact.Id, ct);
        return Results.Ok(new ItemsResponse<WidgetConversation>(conversations.Select(WidgetConversation.From).ToList()));
    }

    private static async Task<IResult> StartConversation(
        SendMessageRequest? request, HttpContext context, VisitorTokens tokens, VisitorProfileCollector collector,
        CustomerMessages customers, IOptions<WidgetOptions> options, CancellationToken ct)
    {
        if (VisitorOf(context, tokens) is not { } visitorKey) return NoVisitor();
        if (CheckMessage(request, options.Value) is { } problem) return problem;
        var site = string.IsNullOrWhiteSpace(request!.Site) ? null : request.Site.Trim();
        // Device facts come from the session, where the script adds the high-entropy client hints this request
        // lacks (without them Chrome on Windows 11 reads as "Windows 10"); only the place is refreshed here.
        var place = collector.Collect(context) with { Device = null, OperatingSystem = null, Browser = null };
        var result = await customers.ReceiveAsync(
            new IncomingMessage(Identity(visitorKey), request!.Text!, StartNewConversation: true,
                Profile: place, ExternalId: ExternalId(visitorKey, request.ClientMessageId), Site: site),
            ct);
        if (!result.Succeeded) return InboxProblems.From(result.Error);
        var body = new StartedConversation(WidgetConversation.From(result.Value.Conversation), WidgetMessage.From(result.Value.Message));
        return Results.Created($"/widget/api/conversations/{result.Value.Conversation.Id}/messages", body);
    }

    private static async Task<IResult> ListMessages(long id, HttpContext context, VisitorTokens tokens, IInboxQueries queries, CancellationToken ct)
    {
        if (VisitorOf(context, tokens) is not { } visitorKey) return NoVisitor();
        var contact = await queries.FindContactAsync(Identity(visitorKey), ct);
        var conversation = contact is null ? null : await queries.FindConversationAsync(id, ct);
        // Someone else's chat answers exactly like a missing one.
        if (conversation is null || conversation.ContactId != contact!.Id || conversation.Channel != ChannelKind.Widget)
            return Results.Problem(detail: $"Conversation #{id} was not found.", statusCode: StatusCodes.Status404NotFound);
        var messages = await queries.GetMessagesAsync(id, includeInternal: false, ct);
        return Results.Ok(new ItemsResponse<WidgetMessage>(messages.Where(m => m.IsVisibleToCustomer).Select(WidgetMessage.From).ToList()));
    }

    private static async Task<IResult> SendMessage(
        long id, SendMessageRequest? request, HttpContext context, VisitorTokens tokens, CustomerMessages customers,
        IOptions<WidgetOptions> options, CancellationToken ct)
    {
        if (VisitorOf(context, tokens) is not { } visitorKey) return NoVisitor();
        if (CheckMessage(request, options.Value) is { } problem) return problem;
        var result = await customers.ReceiveAsync(
            new IncomingMessage(Identity(visitorKey), request!.Text!, ConversationId: id, ExternalId: ExternalId(visitorKey, request.ClientMessageId)),
            ct);
        return result.Succeeded
            ? Results.Created($"/widget/api/conversations/{id}/messages", WidgetMessage.From(result.Value.Message))
            : InboxProblems.From(result.Error);
    }

    private static async Task<IResult> GetProfile(HttpContext context, VisitorTokens tokens, IInboxQueries queries, CancellationToken ct)
    {
        if (VisitorOf(context, tokens) is not { } visitorKey) return NoVisitor();
        return Results.Ok(ProfileResponse.From(await queries.FindContactAsync(Identity(visitorKey), ct)));
    }

    private static async Task<IResult> UpdateProfile(
        ProfileRequest? request, HttpContext context, VisitorTokens tokens, PhoneNormalizer phones, CustomerMessages customers, CancellationToken ct)
    {
        if (VisitorOf(context, tokens) is not { } visitorKey) return NoVisitor();
        if (request is null) return InboxProblems.Invalid("body", "Send the profile as JSON: { \"name\", \"email\", \"phone\" }.");

        var errors = new Dictionary<string, string[]>();
        var name = request.Name?.Trim();
        if (name is { Length: > 200 }) errors["name"] = ["The name is too long (200 characters at most)."];
        var email = request.Email?.Trim();
        if (!string.IsNullOrEmpty(email) && !IsEmail(email)) errors["email"] = ["Enter an email address such as name@example.com."];
        var phone = phones.Normalize(request.Phone);
        if (!phone.IsValid) errors["phone"] = [phone.Error ?? "Enter a valid phone number."];
        if (errors.Count > 0) return InboxProblems.Invalid(errors);

        var result = await customers.UpdateProfileAsync(Identity(visitorKey),
            new ContactProfile(Name: name, Email: email, Phone: phone.E164), ct);
        return result.Succeeded ? Results.Ok(ProfileResponse.From(result.Value)) : InboxProblems.From(result.Error);
    }

    internal static ContactIdentity Identity(string visitorKey) => new(ChannelKind.Widget, visitorKey);

    internal static string? VisitorOf(HttpContext context, VisitorTokens tokens)
    {
        var header = context.Request.Headers.Authorization.ToString();
        var token = header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
            ? header["Bearer ".Length..].Trim()
            : context.Request.Query["access_token"].FirstOrDefault();
        return tokens.Validate(token);
    }

    internal static IResult NoVisitor() =>
        InboxProblems.Unauthorized("The visitor token is missing, invalid or expired; open a new session.");

    private static IResult? CheckMessage(SendMessageRequest? request, WidgetOptions options)
    {
        if (request is null || string.IsNullOrWhiteSpace(request.Text))
            return InboxProblems.Invalid("text", "Write a message first.");
        if (request.Text.Length > options.MaxMessageLength)
            return InboxProblems.From(InboxError.TooLarge(
                $"The message is {request.Text.Length} characters long; the limit is {options.MaxMessageLength}.", "text"));
        if (request.Site is { Length: > 100 })
            return InboxProblems.Invalid("site", "site is too long (100 characters at most).");
        if (request.ClientMessageId is { Length: > 100 })
            return InboxProblems.Invalid("clientMessageId", "clientMessageId is too long (100 characters at most).");
        return null;
    }

    // Scoped by visitor, so one visitor's ids can never collide with (or reveal) another's.
    private static string? ExternalId(string visitorKey, string? clientMessageId) =>
        string.IsNullOrWhiteSpace(clientMessageId) ? null : $"widget:{visitorKey}:{clientMessageId.Trim()}";

    private static bool IsEmail(string text) =>
        text.Length <= 320 && MailAddress.TryCreate(text, out var address) && address.Address == text && text.Contains('.', StringComparison.Ordinal);
}
