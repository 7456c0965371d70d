using System.Globalization;

namespace Inbox.Core.Upkeep;

/// <summary>The scheduled jobs that keep the inbox tidy, bound from the "Jobs" section.</summary>
public sealed class UpkeepOptions
{
    public const string Section = "Jobs";

    /// <summary>False keeps the scheduler from starting (tests of other things, maintenance).</summary>
    public bool Enabled { get; set; } = true;
    /// <summary>How long a customer may wait for a reply before each reminder (comma-separated times, e.g. "00:15:00,01:00:00"); empty: no reminders.</summary>
    public string SlaReminders { get; set; } = "00:15:00,01:00:00";
    public TimeSpan SlaCheckInterval { get; set; } = TimeSpan.FromMinutes(1);
    /// <summary>Open conversations without activity for this long are closed; zero turns auto-close off.</summary>
    public TimeSpan AutoCloseAfter { get; set; } = TimeSpan.FromHours(48);
    public TimeSpan AutoCloseCheckInterval { get; set; } = TimeSpan.FromMinutes(5);
    /// <summary>How long delivered outbox rows are kept before the sweep removes them.</summary>
    public TimeSpan KeepDeliveredOutboxFor { get; set; } = TimeSpan.FromDays(7);
    public TimeSpan OutboxSweepInterval { get; set; } = TimeSpan.FromHours(1);
    /// <summary>How often the mailbox is read when the email channel is on.</summary>
    public TimeSpan MailPollInterval { get; set; } = TimeSpan.FromSeconds(30);
    /// <summary>How often waiting conversations are offered again to operators (a safety net: changes already trigger a pass).</summary>
    public TimeSpan DistributionInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The reminder thresholds, shortest first.</summary>
    public IReadOnlyList<TimeSpan> ReminderThresholds =>
        SlaReminders.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(t => TimeSpan.TryParse(t, CultureInfo.InvariantCulture, out var span) ? span : TimeSpan.MinValue)
            .Order().ToList();

    public IEnumerable<string> Validate()
    {
        if (ReminderThresholds.Any(t => t <= TimeSpan.Zero))
            yield return $"{Section}:SlaReminders must be positive times separated by commas, e.g. 00:15:00,01:00:00.";
        if (ReminderThresholds.Distinct().Count() != ReminderThresholds.Count)
            yield return $"{Section}:SlaReminders must not repeat a time.";
        if (AutoCloseAfter < TimeSpan.Zero) yield return $"{Section}:AutoCloseAfter must not be negative (zero turns it off).";
        foreach (var (name, value) in new[]
        {
            (nameof(SlaCheckInterval), SlaCheckInterval), (nameof(AutoCloseCheckInterval), AutoCloseCheckInterval),
            (nameof(OutboxSweepInterval), OutboxSweepInterval), (nameof(MailPollInterval), MailPollInterval),
            (nameof(DistributionInterval), DistributionInterval), (nameof(KeepDeliveredOutboxFor), KeepDeliveredOutboxFor),
        })
        {
            if (value <= TimeSpan.Zero) yield return $"{Section}:{name} must be positive.";
        }
    }
}
