using Inbox.Channels.Email;
using Inbox.Core.Upkeep;
using Inbox.Storage;
using Inbox.Storage.Outbox;
using Microsoft.Extensions.Options;
using Quartz;

namespace Inbox.Host.Jobs;

/// <summary>
/// Quartz with its persistent store in the inbox database: the jobs' triggers survive restarts, a trigger fires once,
/// and no job runs twice at the same time — on PostgreSQL across all hosts too, as one Quartz cluster.
/// </summary>
public static class JobScheduling
{
    public static IServiceCollection AddInboxJobs(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<UpkeepOptions>().Bind(configuration.GetSection(UpkeepOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<UpkeepOptions>>(new DelegatingValidator<UpkeepOptions>(o => o.Validate()));
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<UpkeepOptions>>().Value);
        services.AddSingleton<ConversationUpkeep>();
        services.AddSingleton<SlaReminders>();
        services.AddSingleton<IdleConversationCloser>();
        services.AddSingleton<OutboxSweeper>();

        var jobs = configuration.GetSection(UpkeepOptions.Section).Get<UpkeepOptions>() ?? new UpkeepOptions();
        var storage = configuration.GetSection(StorageOptions.Section).Get<StorageOptions>() ?? new StorageOptions();
        var mail = configuration.GetSection(EmailOptions.Section).Get<EmailOptions>() ?? new EmailOptions();
        if (!jobs.Enabled) return services;

        services.AddQuartz(quartz =>
        {
            quartz.UsePersistentStore(store =>
            {
                if (storage.IsPostgres)
                {
                    // Every host on the database schedules through the same tables; clustered, each fire runs on one of them.
                    store.UsePostgres(StorageServiceCollectionExtensions.ConnectionString(storage));
                    store.UseClustering();
                }
                else
                    store.UseSqlite(StorageServiceCollectionExtensions.ConnectionString(storage));
                // Quartz creates its own tables (QRTZ_*) in the inbox database when they are missing.
                store.ProvisionSchema();
            });
            Every<SlaReminderJob>(quartz, "sla-reminders", jobs.SlaCheckInterval);
            Every<AutoCloseJob>(quartz, "auto-close", jobs.AutoCloseCheckInterval);
            Every<OutboxSweepJob>(quartz, "outbox-sweep", jobs.OutboxSweepInterval);
            Every<DistributionJob>(quartz, "distribution", jobs.DistributionInterval);
            if (mail.IsEnabled) Every<MailPollJob>(quartz, "mail-poll", jobs.MailPollInterval);
        });
        services.AddQuartzHostedService(hosted => hosted.WaitForJobsToComplete = true);
        return services;
    }

    // A fire missed while the host was down runs once when it is back, not once per missed interval.
    private static void Every<TJob>(IQuartzBuilder quartz, string name, TimeSpan interval) where TJob : IJob =>
        quartz.ScheduleJob<TJob>(
            trigger => trigger.WithIdentity(name, "inbox").StartNow()
                .WithSimpleSchedule(schedule => schedule.WithInterval(interval).RepeatForever()
                    .WithMisfireInstruction(SimpleTriggerMisfireInstruction.NowWithRemainingCount)),
            job => job.WithIdentity(name, "inbox").WithDescription(typeof(TJob).Name));
}
