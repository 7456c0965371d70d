using Inbox.Channels.Telegram.BotApi;
using Inbox.Channels.Telegram.Inbound;
using Inbox.Channels.Telegram.Outbound;
using Inbox.Core.Outbox;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Inbox.Channels.Telegram;

/// <summary>Registers the Telegram channel's services with the host.</summary>
public static class TelegramServiceCollectionExtensions
{
    /// <summary>Registers the Telegram channel when Telegram:BotToken and Telegram:WebhookSecret are set; otherwise only its (validated) options.</summary>
    public static IServiceCollection AddTelegramChannel(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<TelegramOptions>().Bind(configuration.GetSection(TelegramOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<TelegramOptions>, TelegramOptionsValidator>();

        var telegram = configuration.GetSection(TelegramOptions.Section).Get<TelegramOptions>() ?? new TelegramOptions();
        if (!telegram.IsEnabled) return services;

        // One long-lived client for the app's lifetime; pooled connections are recycled so DNS changes are seen.
        services.AddSingleton(sp => ActivatorUtilities.CreateInstance<TelegramBotApi>(sp,
            new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })));
        services.AddSingleton(sp => new TelegramWebhookSecret(sp.GetRequiredService<IOptions<TelegramOptions>>().Value.WebhookSecret!));
        // File links use the widget's public address when Telegram has none of its own: both are served by the same /files route.
        services.AddSingleton(sp => new TelegramFileLinks(
            sp.GetRequiredService<IOptions<TelegramOptions>>().Value.PublicBaseUrl ?? WidgetPublicBaseUrl(configuration)));
        services.AddSingleton<TelegramRecentUpdates>();
        services.AddSingleton<TelegramFileFetcher>();
        services.AddSingleton<TelegramWebhook>();
        services.AddSingleton<TelegramPacing>();
        services.AddSingleton<IOutboxRouter, TelegramOutboxRouter>();
        services.AddSingleton<IOutboxDeliverer, TelegramReplyDeliverer>();
        return services;
    }

    private static Uri? WidgetPublicBaseUrl(IConfiguration configuration) =>
        Uri.TryCreate(configuration["Widget:PublicBaseUrl"], UriKind.Absolute, out var url) ? url : null;

    private sealed class TelegramOptionsValidator : IValidateOptions<TelegramOptions>
    {
        public ValidateOptionsResult Validate(string? name, TelegramOptions options)
        {
            var failures = options.Validate().ToList();
            return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
        }
    }
}
