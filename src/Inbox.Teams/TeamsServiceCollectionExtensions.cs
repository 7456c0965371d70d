using Inbox.Core.Commands.Text;
using Inbox.Core.Outbox;
using Inbox.Teams.Commands;
using Inbox.Teams.Connector;
using Inbox.Teams.Inbound;
using Inbox.Teams.Install;
using Inbox.Teams.Mirroring;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Inbox.Teams;

public static class TeamsServiceCollectionExtensions
{
    /// <summary>Registers the Teams bridge when Teams:AppId and Teams:AppPassword are set; otherwise only its (validated) options.</summary>
    public static IServiceCollection AddTeamsBridge(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<TeamsOptions>().Bind(configuration.GetSection(TeamsOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<TeamsOptions>, TeamsOptionsValidator>();

        var teams = configuration.GetSection(TeamsOptions.Section).Get<TeamsOptions>() ?? new TeamsOptions();
        if (!teams.IsEnabled) return services;

        static HttpClient Client() => new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
        {
            Timeout = TimeSpan.FromSeconds(30),
        };
        services.AddSingleton(sp => new BotFrameworkTokenValidator(
            sp.GetRequiredService<IOptions<TeamsOptions>>(), Client(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => ActivatorUtilities.CreateInstance<BotTokenClient>(sp, Client()));
        services.AddSingleton(sp => ActivatorUtilities.CreateInstance<ConnectorClient>(sp, Client()));
        services.AddSingleton(sp => new TeamsThreadPacer(
            sp.GetRequiredService<TimeProvider>(), TimeSpan.FromSeconds(1 / teams.ThreadPostsPerSecond), teams.ThreadPostBurst));
        services.AddSingleton(sp => new TeamsAppPacer(
            sp.GetRequiredService<TimeProvider>(), TimeSpan.FromSeconds(1 / teams.AppPostsPerSecond), Math.Max(1, (int)teams.AppPostsPerSecond)));

        services.AddSingleton<TeamsTargets>();
        services.AddHostedService(sp => sp.GetRequiredService<TeamsTargets>());
        services.AddSingleton<TeamsTenants>();
        services.AddSingleton<Routing.TeamsRoutes>();
        services.TryAddSingleton<Core.Routing.ThreadMoves>();
        services.AddSingleton<TeamsThreadMover>();
        services.AddSingleton<IOutboxRouter, TeamsOutboxRouter>();
        services.AddSingleton<ConversationCards>();
        services.AddSingleton<IOutboxDeliverer, TeamsThreadDeliverer>();

        services.TryAddSingleton<CommandRunner>();
        services.AddSingleton<RecentActivities>();
        services.AddSingleton<TeamsOperators>();
        services.AddSingleton<TeamsAnswers>();
        services.AddSingleton<TeamsCommandHandler>();
        services.AddSingleton<TeamsCardActions>();
        services.AddSingleton<TeamsUndo>();
        services.AddSingleton<TeamsInstallEvents>();
        services.AddSingleton<TeamsMessages>();
        services.AddSingleton<TeamsActivities>();
        return services;
    }

    private sealed class TeamsOptionsValidator : IValidateOptions<TeamsOptions>
    {
        public ValidateOptionsResult Validate(string? name, TeamsOptions options)
        {
            var failures = options.Validate().ToList();
            return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
        }
    }
}
