using System.Globalization;
using System.Text;
using Inbox.Core.Commands;
using Inbox.Core.Model;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Inbox.Channels.Telegram.Inbound;

/// <summary>Takes the updates Telegram posts: checks the secret, reads the update, fetches its files and stores the customer's message.</summary>
/// <remarks>
/// Telegram sends an update again until it gets a 2xx, so only what retrying can fix (Telegram's file server failing for now)
/// is answered with an error; a refused or ignored update is answered 200 and never comes back.
/// </remarks>
public sealed class TelegramWebhook(
    TelegramWebhookSecret secret, TelegramFileFetcher files, TelegramFileLinks links, TelegramRecentUpdates recent,
    CustomerMessages customers, Inbox.Core.InboxOptions inbox, ILogger<TelegramWebhook> logger)
{
    private const int MaxBodyBytes = 1024 * 1024;

    public async Task<IResult> HandleAsync(HttpContext context)
    {
        var ct = context.RequestAborted;
        if (!secret.Matches(context.Request.Headers[TelegramWebhookSecret.Header].FirstOrDefault()))
        {
            logger.LogWarning("Telegram webhook call refused: missing or wrong {Header}", TelegramWebhookSecret.Header);
            return Results.Problem(detail: $"The request does not carry this bot's {TelegramWebhookSecret.Header}.", statusCode: StatusCodes.Status401Unauthorized);
        }
        var body = await ReadAsync(context.Request, ct);
        if (body is null) return Results.Problem(detail: "The request body is too large.", statusCode: StatusCodes.Status413PayloadTooLarge);

        switch (TelegramUpdateReader.Read(body))
        {
            case TelegramUpdateReading.Malformed malformed:
                logger.LogWarning("Telegram webhook body refused: {Reason}", malformed.Reason);
                return Results.Problem(detail: malformed.Reason, statusCode: StatusCodes.Status400BadRequest);
            case TelegramUpdateReading.Ignored ignored:
                logger.LogDebug("Telegram update {UpdateId} ignored: {Reason}", ignored.UpdateId, ignored.Reason);
                return Results.Ok();
            case TelegramUpdateReading.CustomerWrote wrote:
                return await StoreAsync(wrote, links.BaseUrlFor(context.Request), ct);
            default:
                throw new InvalidOperationException("Unknown update reading.");
        }
    }

    private async Task<IResult> StoreAsync(TelegramUpdateReading.CustomerWrote wrote, string baseUrl, CancellationToken ct)
    {
        if (recent.WasStored(wrote.UpdateId)) return Results.Ok();
        var fetched = await files.FetchAsync(wrote.Files, baseUrl, ct);
        if (fetched.TryLaterBecause is { } reason)
        {
            logger.LogWarning("Telegram update {UpdateId} not taken yet, Telegram will send it again: {Reason}", wrote.UpdateId, reason);
            return Results.Problem(detail: $"The files could not be fetched from Telegram yet: {reason}", statusCode: StatusCodes.Status503ServiceUnavailable);
        }

        var text = wrote.Text;
        foreach (var missing in fetched.Missing)
            text += (text.Length == 0 ? "" : "\n") + $"(file not received: {missing})";
        // Telegram allows longer texts than Inbox may be set to keep: keep the head rather than lose the message.
        if (text.Length > inbox.MaxMessageLength) text = text[..(inbox.MaxMessageLength - 1)] + "…";
        var identity = new ContactIdentity(ChannelKind.Telegram, wrote.UserId.ToString(CultureInfo.InvariantCulture));
        var result = await customers.ReceiveAsync(new IncomingMessage(
            identity, text, Profile: new ContactProfile(Name: wrote.Name), Attachments: fetched.Attachments, ExternalId: wrote.ExternalId), ct);
        if (!result.Succeeded)
        {
            // Sending the update again cannot change the answer, so Telegram is told it arrived.
            logger.LogWarning("Telegram update {UpdateId} refused by the inbox: {Reason}", wrote.UpdateId, result.Error.Message);
            return Results.Ok();
        }
        recent.Remember(wrote.UpdateId);
        if (!result.Value.IsDuplicate)
            logger.LogInformation("Telegram update {UpdateId} stored as message {MessageId} in conversation {ConversationId}",
                wrote.UpdateId, result.Value.Message.Id, result.Value.Conversation.Id);
        return Results.Ok();
    }

    private static async Task<string?> ReadAsync(HttpRequest request, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int count;
        while ((count = await request.Body.ReadAsync(chunk, ct)) > 0)
        {
            buffer.Write(chunk, 0, count);
            if (buffer.Length > MaxBodyBytes) return null;
        }
        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }
}
