using Inbox.Core.Commands;
using Inbox.Core.Files;
using Inbox.Core.Model;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Inbox.Channels.Widget.Api;

/// <summary>Files in chats: a visitor sends one into their conversation, and anyone holding its link can open it.</summary>
public static class WidgetFiles
{
    public static IEndpointRouteBuilder MapWidgetFiles(this IEndpointRouteBuilder app)
    {
        app.MapPost("/widget/api/conversations/{id:long}/files", SendFile)
            .RequireCors(WidgetApi.CorsPolicy).RequireRateLimiting(WidgetApi.VisitorPolicy).DisableAntiforgery();
        app.MapGet("/files/{id:guid}/{name}", OpenFile);
        return app;
    }

    private static async Task<IResult> SendFile(
        long id, HttpContext context, Visitors.VisitorTokens tokens, IAttachmentStore files, CustomerMessages customers,
        Core.Views.IInboxQueries queries, IOptions<WidgetOptions> options, CancellationToken ct)
    {
        if (WidgetApi.VisitorOf(context, tokens) is not { } visitorKey) return WidgetApi.NoVisitor();
        // Whatever would refuse the message is checked before the file is stored: a refused message must leave no file behind.
        var contact = await queries.FindContactAsync(WidgetApi.Identity(visitorKey), ct);
        var conversation = contact is null ? null : await queries.FindConversationAsync(id, ct);
        if (conversation is null || conversation.ContactId != contact!.Id || conversation.Channel != ChannelKind.Widget)
            return Results.Problem(detail: $"Conversation #{id} was not found.", statusCode: StatusCodes.Status404NotFound);
        var limit = options.Value.MaxAttachmentBytes;
        // The host's general body limit is small; a file upload gets the configured one (plus room for the form).
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodyLimit)
            bodyLimit.MaxRequestBodySize = limit + 64 * 1024;
        if (!context.Request.HasFormContentType)
            return InboxProblems.Invalid("file", "Send the file as multipart/form-data in a field named 'file'.");

        IFormCollection form;
        try { form = await context.Request.ReadFormAsync(ct); }
        catch (BadHttpRequestException error) when (error.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return TooLarge(limit);
        }
        // A body that ends before its closing boundary reads as IOException ("Unexpected end of Stream").
        catch (Exception error) when (error is InvalidDataException or IOException)
        {
            return InboxProblems.Invalid("file", "The upload is not a readable multipart form.");
        }
        var file = form.Files.GetFile("file");
        if (file is null || file.Length == 0) return InboxProblems.Invalid("file", "Choose a file to send.");
        if (file.Length > limit) return TooLarge(limit);
        var caption = form["text"].FirstOrDefault() ?? "";
        if (caption.Length > options.Value.MaxMessageLength)
            return InboxProblems.From(InboxError.TooLarge(
                $"The message is {caption.Length} characters long; the limit is {options.Value.MaxMessageLength}.", "text"));

        var name = SafeName(file.FileName);
        var contentType = string.IsNullOrWhiteSpace(file.ContentType) ? "application/octet-stream" : file.ContentType;
        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, ct);
        var fileId = await files.SaveAsync(name, contentType, buffer.ToArray(), ct);

        var baseUrl = options.Value.PublicBaseUrl?.AbsoluteUri.TrimEnd('/') ?? $"{context.Request.Scheme}://{context.Request.Host}";
        var attachment = new Attachment(name, contentType, file.Length, $"{baseUrl}/files/{fileId:N}/{Uri.EscapeDataString(name)}");
        var clientMessageId = form["clientMessageId"].FirstOrDefault();
        var result = await customers.ReceiveAsync(new IncomingMessage(
            WidgetApi.Identity(visitorKey), caption, ConversationId: id, Attachments: [attachment],
            ExternalId: string.IsNullOrWhiteSpace(clientMessageId) ? null : $"widget:{visitorKey}:{clientMessageId.Trim()}"), ct);
        return result.Succeeded
            ? Results.Created($"/widget/api/conversations/{id}/messages", WidgetMessage.From(result.Value.Message))
            : InboxProblems.From(result.Error);
    }

    private static async Task<IResult> OpenFile(Guid id, string name, HttpContext context, IAttachmentStore files, CancellationToken ct)
    {
        var file = await files.OpenAsync(id, ct);
        if (file is null) return Results.Problem(detail: "No such file.", statusCode: StatusCodes.Status404NotFound);
        // Stored content is the customer's: never let a browser run it as part of this site.
        context.Response.Headers.XContentTypeOptions = "nosniff";
        context.Response.Headers.ContentSecurityPolicy = "sandbox; default-src 'none'";
        var inline = file.ContentType is "image/png" or "image/jpeg" or "image/gif" or "image/webp" or "application/pdf";
        var disposition = new ContentDispositionHeaderValue(inline ? "inline" : "attachment");
        disposition.SetHttpFileName(file.Name);
        context.Response.Headers.ContentDisposition = disposition.ToString();
        return Results.Bytes(file.Content, inline ? file.ContentType : "application/octet-stream");
    }

    private static IResult TooLarge(long limit) => InboxProblems.From(InboxError.TooLarge(
        $"The file is larger than the limit of {limit / (1024 * 1024.0):0.#} MB.", "file"));

    private static string SafeName(string? fileName) => Core.Files.FileNames.Safe(fileName, "file");
}
