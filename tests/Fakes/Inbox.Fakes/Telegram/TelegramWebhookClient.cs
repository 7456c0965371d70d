using System.Text;

namespace Inbox.Fakes.Telegram;

/// <summary>Posts updates to a bot's webhook the way Telegram does: JSON body, the secret in <c>X-Telegram-Bot-Api-Secret-Token</c>.</summary>
public sealed class TelegramWebhookClient(HttpClient http, Uri webhookUrl, string secret)
{
    public const string SecretHeader = "X-Telegram-Bot-Api-Secret-Token";

    /// <summary>Posts <paramref name="updateJson"/> with the right secret.</summary>
    public Task<HttpResponseMessage> PostAsync(string updateJson) => PostAsync(updateJson, secret);

    /// <summary>Posts <paramref name="updateJson"/> with <paramref name="secretToken"/> as the header (null: no header at all).</summary>
    public Task<HttpResponseMessage> PostAsync(string updateJson, string? secretToken)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, webhookUrl) { Content = new StringContent(updateJson, Encoding.UTF8, "application/json") };
        if (secretToken is not null) request.Headers.TryAddWithoutValidation(SecretHeader, secretToken);
        return http.SendAsync(request);
    }
}
