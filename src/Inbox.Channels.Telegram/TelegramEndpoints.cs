using Inbox.Channels.Telegram.Inbound;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Inbox.Channels.Telegram;

/// <summary>Maps the webhook Telegram posts updates to; nothing is mapped while the channel is off.</summary>
public static class TelegramEndpoints
{
    public const string WebhookPath = "/telegram/webhook";

    public static IEndpointRouteBuilder MapTelegramWebhook(this IEndpointRouteBuilder app)
    {
        if (!app.ServiceProvider.GetRequiredService<IOptions<TelegramOptions>>().Value.IsEnabled) return app;
        app.MapPost(WebhookPath, (HttpContext context, TelegramWebhook webhook) => webhook.HandleAsync(context));
        return app;
    }
}
