using System.Globalization;

namespace Inbox.Core.Views;

/// <summary>Times and durations as operators read them in lists: "5m ago", "2h 10m", a UTC date for older times.</summary>
public static class TimeText
{
    public static string When(DateTimeOffset at, DateTimeOffset now)
    {
        var ago = now - at;
        return ago < TimeSpan.FromMinutes(1) ? "just now"
            : ago < TimeSpan.FromHours(1) ? $"{(int)ago.TotalMinutes}m ago"
            : ago < TimeSpan.FromDays(1) ? $"{(int)ago.TotalHours}h ago"
            : at.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
    }

    public static string Duration(TimeSpan? span) => span is not { } d ? "—"
        : d < TimeSpan.FromMinutes(1) ? $"{(int)d.TotalSeconds}s"
        : d < TimeSpan.FromHours(1) ? $"{(int)d.TotalMinutes}m"
        : d < TimeSpan.FromDays(1) ? $"{(int)d.TotalHours}h {d.Minutes}m"
        : $"{(int)d.TotalDays}d {d.Hours}h";
}
