using Microsoft.AspNetCore.Http;

namespace Inbox.Channels.Telegram.Inbound;

/// <summary>Builds the links under which files customers send are opened (the host's <c>/files/{id}/{name}</c>, shared with the widget).</summary>
/// <param name="publicBaseUrl">Telegram:PublicBaseUrl, else Widget:PublicBaseUrl; null: the address the webhook was called at.</param>
public sealed class TelegramFileLinks(Uri? publicBaseUrl)
{
    public string BaseUrlFor(HttpRequest webhookRequest) =>
        publicBaseUrl?.AbsoluteUri.TrimEnd('/') ?? $"{webhookRequest.Scheme}://{webhookRequest.Host}";

    public static string UrlOf(string baseUrl, Guid fileId, string name) => $"{baseUrl}/files/{fileId:N}/{Uri.EscapeDataString(name)}";
}
