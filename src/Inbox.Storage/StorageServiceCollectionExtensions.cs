using Inbox.Core.Storage;
using Inbox.Core.Views;
using Inbox.Storage.Outbox;
using Inbox.Storage.Queries;
using Inbox.Storage.Writing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Inbox.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>Registers the store (single group-commit writer), the queries and the outbox dispatcher.</summary>
    public static IServiceCollection AddInboxStorage(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StorageOptions>().Bind(configuration.GetSection(StorageOptions.Section))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<StorageOptions>>(new DelegatingValidator<StorageOptions>(o => o.Validate()));
        services.AddOptions<OutboxOptions>().Bind(configuration.GetSection(OutboxOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<OutboxOptions>>(new DelegatingValidator<OutboxOptions>(o => o.Validate()));

        // The one place the provider is chosen; what differs below it asks the context (Database.IsNpgsql()).
        services.AddPooledDbContextFactory<InboxDbContext>((sp, builder) =>
        {
            var options = sp.GetRequiredService<IOptions<StorageOptions>>().Value;
            if (options.IsPostgres)
                builder.UseNpgsql(ConnectionString(options), npgsql => npgsql.MigrationsAssembly(PostgresMigrationsAssembly))
                    .AddInterceptors(new Resilience.PostgresConnectionLoss(
                        sp.GetRequiredService<ILoggerFactory>().CreateLogger<Resilience.PostgresConnectionLoss>(), sp.GetService<TimeProvider>() ?? TimeProvider.System));
            else
                builder.UseSqlite(ConnectionString(options))
                    .AddInterceptors(new SqliteConnectionSetup(options.Synchronous.ToUpperInvariant()));
        });
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<GroupCommitStore>();
        services.AddSingleton<IInboxStore>(sp => sp.GetRequiredService<GroupCommitStore>());
        services.AddSingleton<IWriteStatistics>(sp => sp.GetRequiredService<GroupCommitStore>());
        services.AddSingleton(new SearchWalkOptions());
        services.AddSingleton<CounterShardFolder>();
        services.AddSingleton<IInboxQueries, EfInboxQueries>();
        services.AddSingleton<Core.Files.IAttachmentStore, Files.EfAttachmentStore>();
        services.AddSingleton<Core.Storage.IBridgeSettings, Settings.EfBridgeSettings>();
        services.AddSingleton<DatabaseMigrator>();
        services.AddSingleton<OutboxDispatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<OutboxDispatcher>());
        return services;
    }

    /// <summary>The assembly holding the PostgreSQL migrations (src/Inbox.Storage.Postgres); the host references it.</summary>
    public const string PostgresMigrationsAssembly = "Inbox.Storage.Postgres";

    /// <summary>The connection string in use: the configured one, or a SQLite file in the data folder.</summary>
    public static string ConnectionString(StorageOptions options)
    {
        if (!string.IsNullOrWhiteSpace(options.ConnectionString)) return options.ConnectionString;
        if (options.IsPostgres) throw new InvalidOperationException($"{StorageOptions.Section}:ConnectionString must be set when {StorageOptions.Section}:Provider is Postgres.");
        var folder = Path.GetFullPath(options.DataDirectory);
        Directory.CreateDirectory(folder);
        return new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(folder, "inbox.db"),
            Pooling = true,
        }.ToString();
    }
}
