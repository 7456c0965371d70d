using Inbox.Core.Outbox;
using Inbox.Slack.Commands;
using Inbox.Slack.Inbound;
using Inbox.Slack.Mirroring;
using Inbox.Slack.WebApi;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Inbox.Slack;

public static class SlackServiceCollectionExtensions
{
    /// <summary>Registers the Slack bridge when Slack:SigningSecret and Slack:BotToken are set; otherwise only its (validated) options.</summary>
    public static IServiceCollection AddSlackBridge(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SlackOptions>().Bind(configuration.GetSection(SlackOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<SlackOptions>, SlackOptionsValidator>();

        var slack = configuration.GetSection(SlackOptions.Section).Get<SlackOptions>() ?? new SlackOptions();
        if (!slack.IsEnabled) return services;

        // One long-lived client for the app's lifetime; pooled connections are recycled so DNS changes are seen.
        services.AddSingleton(sp => ActivatorUtilities.CreateInstance<SlackWebApi>(sp,
            new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })));
        services.AddSingleton(sp => new SlackChannelPacer(
            sp.GetRequiredService<TimeProvider>(), TimeSpan.FromSeconds(1 / slack.PostsPerSecond), slack.PostBurst));
        services.AddSingleton<Routing.SlackRoutes>();
        services.TryAddSingleton<Core.Routing.ThreadMoves>();
        services.AddSingleton<SlackThreadMover>();
        services.AddSingleton<IOutboxRouter, SlackOutboxRouter>();
        services.AddSingleton<SlackPostedMessages>();
        services.AddSingleton<IOutboxDeliverer, SlackThreadDeliverer>();
        services.AddSingleton(sp => new SlackRequestVerifier(
            slack.SigningSecret!, slack.MaxRequestAge, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<SlackOperators>();
        services.AddSingleton<SlackEventsEndpoint>();
        services.AddSingleton<SlackLinks>();
        services.TryAddSingleton<Core.Commands.Text.CommandRunner>();
        services.AddSingleton<SlashCommandHandler>();
        services.AddSingleton<SlashCommandEndpoint>();
        services.AddSingleton<SlackInteractions>();
        services.AddSingleton<SlackUndo>();
        services.AddSingleton<SlackHomeTab>();
        services.AddSingleton<SlackHomeTabRefresher>();
        return services;
    }

    private sealed class SlackOptionsValidator : IValidateOptions<SlackOptions>
    {
        public ValidateOptionsResult Validate(string? name, SlackOptions options)
        {
            var failures = options.Validate().ToList();
            return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
        }
    }
}
