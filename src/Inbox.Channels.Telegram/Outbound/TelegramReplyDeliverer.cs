using System.Globalization;
using System.Text.Json;
using Inbox.Channels.Telegram.BotApi;
using Inbox.Core.Outbox;

namespace Inbox.Channels.Telegram.Outbound;

/// <summary>Sends the parts of operators' replies with sendMessage and tells the outbox what became of each.</summary>
/// <remarks>
/// 429 waits for Telegram's <c>retry_after</c> (throttled, not failed); 5xx and network errors are retried; any other refusal
/// (the user blocked the bot, the chat is gone) is final. Telegram has no idempotency key: a send whose answer was lost is sent again.
/// </remarks>
public sealed class TelegramReplyDeliverer(TelegramBotApi api, TelegramPacing pacing, Inbox.Core.Views.IInboxQueries? queries = null) : IOutboxDeliverer
{
    public string Destination => TelegramOutboxRouter.Destination;

    public async Task<DeliveryResult> DeliverAsync(OutboxDelivery delivery, CancellationToken cancellationToken)
    {
        if (TelegramSend.FromJson(delivery.Payload) is not { } send) return new DeliveryResult.Rejected("Unreadable Telegram payload.");
        // A reply the operator withdrew while it waited (behind a 429, say) is not sent.
        if (queries is not null && delivery.MessageId is { } messageId && await queries.FindMessageAsync(messageId, cancellationToken) is { DeletedAt: not null } or { WithdrawnAt: not null })
            return DeliveryResult.Done();
        await pacing.WaitTurnAsync(send.ChatId, cancellationToken);
        var answer = await api.SendMessageAsync(new SendMessageRequest(send.ChatId, send.Html, TelegramReplyText.ParseMode), cancellationToken);
        if (answer.Outcome == TelegramOutcome.Throttled && answer.RetryAfter is { } after) pacing.PauseFor(after);
        return Outcome(answer);
    }

    public static DeliveryResult Outcome(TelegramApiResponse answer) => answer.Outcome switch
    {
        TelegramOutcome.Ok => DeliveryResult.Done(SentMessageId(answer)),
        TelegramOutcome.Throttled => new DeliveryResult.Retry($"Telegram: {answer.Description}", answer.RetryAfter, Throttled: true),
        TelegramOutcome.Transient => new DeliveryResult.Retry($"Telegram: {answer.Description}"),
        _ => new DeliveryResult.Rejected($"Telegram refused: {answer.Description}"),
    };

    private static string? SentMessageId(TelegramApiResponse answer)
    {
        try { return answer.Result.Deserialize<SentMessage>(TelegramBotApi.Json) is { MessageId: > 0 } sent ? sent.MessageId.ToString(CultureInfo.InvariantCulture) : null; }
        catch (JsonException) { return null; }
    }
}
