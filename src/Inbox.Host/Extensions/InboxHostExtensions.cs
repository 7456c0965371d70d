using System.Text.Json.Serialization;
using Inbox.Channels.Email;
using Inbox.Channels.Telegram;
using Inbox.Channels.Widget;
using Inbox.Channels.Widget.Api;
using Inbox.Core;
using Inbox.Core.Commands;
using Inbox.Core.Outbox;
using Inbox.Host.Health;
using Inbox.Host.Jobs;
using Inbox.Host.OperatorApi;
using Inbox.Slack;
using Inbox.Teams;
using Inbox.Storage;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Inbox.Host.Extensions;

/// <summary>Composition of the host: which services exist and which endpoints answer.</summary>
public static class InboxHostExtensions
{
    public static WebApplicationBuilder AddInbox(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;

        services.AddSingleton(TimeProvider.System);
        services.AddOptions<InboxOptions>().Bind(configuration.GetSection(InboxOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<InboxOptions>>(new DelegatingValidator<InboxOptions>(o => o.Validate()));
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<InboxOptions>>().Value);
        services.AddSingleton<OutboxRouting>();
        services.AddSingleton<CustomerMessages>();
        services.AddSingleton<OperatorCommands>();
        services.AddOptions<ReplyOptions>().Bind(configuration.GetSection(ReplyOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ReplyOptions>>(new DelegatingValidator<ReplyOptions>(o => o.Validate()));
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<ReplyOptions>>().Value);
        services.AddSingleton<HeldReplies>();
        services.AddSingleton<IOutboxDeliverer, HeldReplyReleaser>();
        services.AddSingleton<OperatorDirectory>();
        services.AddSingleton<Core.Commands.Text.CommandRunner>();
        services.AddOptions<Core.Distribution.DistributionOptions>().Bind(configuration.GetSection(Core.Distribution.DistributionOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<Core.Distribution.DistributionOptions>>(
            new DelegatingValidator<Core.Distribution.DistributionOptions>(o => o.Validate()));
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<Core.Distribution.DistributionOptions>>().Value);
        services.AddSingleton<Core.Distribution.Distributor>();
        services.AddOptions<Core.Spam.SpamOptions>().Bind(configuration.GetSection(Core.Spam.SpamOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<Core.Spam.SpamOptions>>(new DelegatingValidator<Core.Spam.SpamOptions>(o => o.Validate()));
        services.AddSingleton(sp => new Core.Spam.SpamRules(sp.GetRequiredService<IOptions<Core.Spam.SpamOptions>>().Value));
        services.AddOptions<Core.Routing.RoutingOptions>().Bind(configuration.GetSection(Core.Routing.RoutingOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<Core.Routing.RoutingOptions>>(new DelegatingValidator<Core.Routing.RoutingOptions>(o => o.Validate()));
        services.AddSingleton(sp => new Core.Routing.RouteBook(sp.GetRequiredService<IOptions<Core.Routing.RoutingOptions>>().Value));
        services.AddSingleton<IOutboxRouter, Core.Distribution.DistributionRouter>();
        services.AddSingleton<IOutboxDeliverer, Core.Distribution.DistributionDeliverer>();

        services.AddInboxStorage(configuration);
        // The widget's generated signing key lives beside the database unless configured elsewhere.
        services.PostConfigure<Channels.Widget.WidgetOptions>(widget =>
        {
            if (configuration[$"{Channels.Widget.WidgetOptions.Section}:SigningKeyFile"] is null)
            {
                var dataDirectory = configuration[$"{StorageOptions.Section}:DataDirectory"] ?? new StorageOptions().DataDirectory;
                widget.SigningKeyFile = Path.Combine(dataDirectory, "widget-signing.key");
            }
        });
        services.AddWidgetChannel(configuration);
        services.AddEmailChannel(configuration);
        services.AddSlackBridge(configuration);
        services.AddTeamsBridge(configuration);
        services.AddInboxJobs(configuration);
        services.AddTelegramChannel(configuration);

        services.AddOptions<OperatorApiOptions>().Bind(configuration.GetSection(OperatorApiOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<OperatorApiOptions>>(new DelegatingValidator<OperatorApiOptions>(o => o.Validate()));
        services.AddSingleton<OperatorSeeder>();
        services.AddSingleton<ActivityClock>();
        services.AddScoped<Commands>();
        services.AddHttpContextAccessor();
        // No default scheme: only the operator API asks for a key (the widget carries its own visitor token).
        services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        services.AddAuthorizationBuilder()
            .AddPolicy(OperatorApiPolicy.Name, policy => policy.AddAuthenticationSchemes(ApiKeyAuthenticationHandler.SchemeName).RequireAuthenticatedUser());

        services.AddProblemDetails();
        services.AddExceptionHandler<BadRequestExceptionHandler>();
        services.AddExceptionHandler<DatabaseUnavailableExceptionHandler>();
        // Unreadable bodies reach the handler above in every environment, so the problem says what was wrong.
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.ConfigureHttpJsonOptions(json => json.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", timeout: DatabaseHealthCheck.Timeout);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = 1024 * 1024);
        return builder;
    }

    public static WebApplication UseInbox(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseCors();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();

        app.MapHealthChecks("/health");
        app.MapWidgetAssets();
        app.MapWidgetApi();
        app.MapWidgetFiles();
        app.MapOperatorApi();
        app.MapSlackBridge();
        app.MapTeamsBridge();
        app.MapTelegramWebhook();
        return app;
    }

    /// <summary>Applies migrations and seeds operators; runs before the host accepts requests.</summary>
    public static async Task PrepareAsync(this WebApplication app, CancellationToken cancellationToken = default)
    {
        await app.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync(cancellationToken);
        await app.Services.GetRequiredService<OperatorSeeder>().SeedAsync(cancellationToken);
        if (app.Services.GetRequiredService<IOptions<StorageOptions>>().Value.IsPostgres)
        {
            app.Logger.LogInformation("Storage is PostgreSQL: hosts on this database share its outbox (rows claimed per host) and its Quartz cluster");
            if (string.IsNullOrWhiteSpace(app.Services.GetRequiredService<IOptions<Channels.Widget.WidgetOptions>>().Value.TokenSigningKey))
                app.Logger.LogWarning("Widget:TokenSigningKey is empty, so this host signs visitor tokens with a key of its own; give every host on the database the same key");
        }
        var slack = app.Services.GetRequiredService<IOptions<SlackOptions>>().Value;
        if (slack.IsEnabled)
            app.Logger.LogInformation("Slack bridge is on: conversations are mirrored into channel {Channel}", slack.ChannelId);
        else
            app.Logger.LogInformation("Slack bridge is off: set Slack:SigningSecret and Slack:BotToken (and Slack:ChannelId) to turn it on");
        var teams = app.Services.GetRequiredService<IOptions<TeamsOptions>>().Value;
        if (teams.IsEnabled)
        {
            app.Logger.LogInformation("Teams bridge is on: Bot Framework activities are taken at {Path}", TeamsEndpoints.MessagesPath);
            await app.Services.GetRequiredService<Teams.Install.TeamsTargets>().LoadAsync(cancellationToken);
        }
        else
            app.Logger.LogInformation("Teams bridge is off: set Teams:AppId and Teams:AppPassword to turn it on");
        var email = app.Services.GetRequiredService<IOptions<EmailOptions>>().Value;
        if (email.IsEnabled)
            app.Logger.LogInformation("Email channel is on: mail to {Mailbox} is read from {Host} folder {Folder}, replies go out through {SmtpHost}",
                email.Smtp.FromAddress, email.Imap.Host, email.Imap.Folder, email.Smtp.Host);
        else
            app.Logger.LogInformation("Email channel is off: set Email:Imap:Host and Email:Smtp:Host (with logins and Email:Smtp:FromAddress) to turn it on");
        if (app.Services.GetRequiredService<IOptions<TelegramOptions>>().Value.IsEnabled)
            app.Logger.LogInformation("Telegram channel is on: updates are taken at {Path} (point the bot's setWebhook there, with the secret_token)", TelegramEndpoints.WebhookPath);
        else
            app.Logger.LogInformation("Telegram channel is off: set Telegram:BotToken and Telegram:WebhookSecret to turn it on");
    }
}
