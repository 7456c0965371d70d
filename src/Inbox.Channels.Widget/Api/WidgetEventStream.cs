using System.Text.Json;
using Inbox.Channels.Widget.Live;
using Inbox.Channels.Widget.Visitors;
using Inbox.Core.Model;
using Inbox.Core.Views;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace Inbox.Channels.Widget.Api;

/// <summary>The visitor's live stream (Server-Sent Events): new messages as <c>message</c> events with their id, state changes as <c>conversation</c> events.</summary>
/// <remarks>
/// Messages are read from the store, never from memory, so a browser that reconnects with
/// <c>Last-Event-ID</c> gets exactly what it missed. The hub only says when to look.
/// </remarks>
public sealed class WidgetEventStream(
    VisitorTokens tokens,
    IInboxQueries queries,
    WidgetLiveHub hub,
    IOptions<WidgetOptions> options,
    IOptions<JsonOptions> json)
{
    private const int PageSize = 100;

    public async Task RunAsync(HttpContext context)
    {
        var ct = context.RequestAborted;
        context.Response.Headers.CacheControl = "no-cache";
        context.Response.Headers["X-Accel-Buffering"] = "no";
        if (WidgetApi.VisitorOf(context, tokens) is not { } visitorKey)
        {
            // EventSource cannot read a 401 body; an error event tells the widget to renew its session.
            context.Response.ContentType = "text/event-stream";
            await context.Response.WriteAsync("event: error\ndata: {\"status\":401}\n\n", ct);
            return;
        }

        // Subscribe, then fix the resume point, then tell the browser the stream is open: a message
        // stored in between is either before the resume point (in the widget's GET) or after it (sent here).
        using var subscription = hub.Subscribe(visitorKey);
        var contact = await queries.FindContactAsync(WidgetApi.Identity(visitorKey), ct);
        var lastId = ResumeFrom(context)
            ?? (contact is null ? 0 : await queries.GetLatestCustomerVisibleMessageIdAsync(contact.Id, ct));

        context.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        context.Response.ContentType = "text/event-stream";
        await context.Response.WriteAsync("retry: 2000\n\n", ct);
        await context.Response.Body.FlushAsync(ct);

        try
        {
            while (!ct.IsCancellationRequested)
            {
                contact ??= await queries.FindContactAsync(WidgetApi.Identity(visitorKey), ct);
                if (contact is not null)
                    lastId = await SendMessagesAfterAsync(context, contact.Id, lastId, ct);

                var nudge = await NextNudgeAsync(subscription, ct);
                if (nudge is null)
                    await context.Response.WriteAsync(": keep-alive\n\n", ct);
                else if (nudge.Kind == WidgetNotificationKind.Conversation)
                    await SendConversationAsync(context, contact, nudge.ConversationId, ct);
                else if (nudge is { Kind: WidgetNotificationKind.MessageChanged, MessageId: { } changedId })
                    await SendChangedMessageAsync(context, contact, changedId, ct);
                await context.Response.Body.FlushAsync(ct);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The browser went away.
        }
    }

    private async Task<long> SendMessagesAfterAsync(HttpContext context, Guid contactId, long lastId, CancellationToken ct)
    {
        while (true)
        {
            var page = await queries.GetCustomerVisibleMessagesAfterAsync(contactId, lastId, PageSize, ct);
            foreach (var message in page)
            {
                // A reply in its undo window holds back what follows it (ids are the resume point, so nothing may overtake it);
                // its release or undo nudges the stream to go on. An undone reply is passed over.
                if (message.IsHeld) return lastId;
                if (message.IsVisibleToCustomer)
                    await WriteEventAsync(context, "message", message.Id.ToString(), WidgetMessage.From(message), ct);
                lastId = message.Id;
            }
            if (page.Count < PageSize) return lastId;
        }
    }

    private async Task SendConversationAsync(HttpContext context, Contact? contact, long conversationId, CancellationToken ct)
    {
        var conversation = await queries.FindConversationAsync(conversationId, ct);
        if (conversation is not null && contact is not null && conversation.ContactId == contact.Id)
            await WriteEventAsync(context, "conversation", null, WidgetConversation.From(conversation), ct);
    }

    // Not part of the Last-Event-ID sequence: a browser that missed it reads the current text with the history.
    private async Task SendChangedMessageAsync(HttpContext context, Contact? contact, long messageId, CancellationToken ct)
    {
        var message = await queries.FindMessageAsync(messageId, ct);
        if (message is null || contact is null || !message.IsVisibleToCustomer) return;
        var conversation = await queries.FindConversationAsync(message.ConversationId, ct);
        if (conversation?.ContactId == contact.Id)
            await WriteEventAsync(context, "message-changed", null, WidgetMessage.From(message), ct);
    }

    private async Task<WidgetNotification?> NextNudgeAsync(WidgetLiveHub.Subscription subscription, CancellationToken ct)
    {
        using var heartbeat = CancellationTokenSource.CreateLinkedTokenSource(ct);
        heartbeat.CancelAfter(options.Value.HeartbeatInterval);
        try
        {
            return await subscription.Nudges.ReadAsync(heartbeat.Token);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return null;
        }
    }

    private async Task WriteEventAsync<T>(HttpContext context, string name, string? id, T data, CancellationToken ct)
    {
        var payload = JsonSerializer.Serialize(data, json.Value.SerializerOptions);
        var frame = id is null ? $"event: {name}\ndata: {payload}\n\n" : $"id: {id}\nevent: {name}\ndata: {payload}\n\n";
        await context.Response.WriteAsync(frame, ct);
    }

    private static long? ResumeFrom(HttpContext context)
    {
        var text = context.Request.Headers["Last-Event-ID"].FirstOrDefault() ?? context.Request.Query["lastEventId"].FirstOrDefault();
        return long.TryParse(text, out var id) && id >= 0 ? id : null;
    }
}
