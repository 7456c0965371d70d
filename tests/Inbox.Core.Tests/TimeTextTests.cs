using Inbox.Core.Views;

namespace Inbox.Core.Tests;

public sealed class TimeTextTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(0)]
    [InlineData(59)]
    public void Under_a_minute_ago_is_just_now(int seconds) =>
        Assert.Equal("just now", TimeText.When(Now.AddSeconds(-seconds), Now));

    [Fact]
    public void A_time_in_the_future_is_just_now() =>
        Assert.Equal("just now", TimeText.When(Now.AddMinutes(5), Now));

    [Theory]
    [InlineData(60, "1m ago")]
    [InlineData(5 * 60 + 59, "5m ago")]
    [InlineData(59 * 60 + 59, "59m ago")]
    public void Under_an_hour_ago_counts_whole_minutes(int seconds, string expected) =>
        Assert.Equal(expected, TimeText.When(Now.AddSeconds(-seconds), Now));

    [Theory]
    [InlineData(60, "1h ago")]
    [InlineData(150, "2h ago")]
    [InlineData(23 * 60 + 59, "23h ago")]
    public void Under_a_day_ago_counts_whole_hours(int minutes, string expected) =>
        Assert.Equal(expected, TimeText.When(Now.AddMinutes(-minutes), Now));

    [Fact]
    public void A_day_or_more_ago_is_a_UTC_date_and_time()
    {
        Assert.Equal("2026-11-01 09:00 UTC", TimeText.When(Now.AddDays(-1), Now));
        Assert.Equal("2025-12-31 23:05 UTC", TimeText.When(new DateTimeOffset(2025, 12, 31, 23, 5, 59, TimeSpan.Zero), Now));
    }

    [Fact]
    public void An_older_time_with_an_offset_is_shown_in_UTC() =>
        Assert.Equal("2026-10-30 22:30 UTC", TimeText.When(new DateTimeOffset(2026, 10, 31, 0, 30, 0, TimeSpan.FromHours(2)), Now));

    [Fact]
    public void No_duration_is_a_dash() => Assert.Equal("—", TimeText.Duration(null));

    [Theory]
    [InlineData(0, "0s")]
    [InlineData(1.9, "1s")]
    [InlineData(59, "59s")]
    public void Under_a_minute_is_seconds(double seconds, string expected) =>
        Assert.Equal(expected, TimeText.Duration(TimeSpan.FromSeconds(seconds)));

    [Theory]
    [InlineData(60, "1m")]
    [InlineData(12 * 60 + 30, "12m")]
    [InlineData(3599, "59m")]
    public void Under_an_hour_is_minutes(int seconds, string expected) =>
        Assert.Equal(expected, TimeText.Duration(TimeSpan.FromSeconds(seconds)));

    [Theory]
    [InlineData(60, "1h 0m")]
    [InlineData(90, "1h 30m")]
    [InlineData(23 * 60 + 59, "23h 59m")]
    public void Under_a_day_is_hours_and_minutes(int minutes, string expected) =>
        Assert.Equal(expected, TimeText.Duration(TimeSpan.FromMinutes(minutes)));

    [Theory]
    [InlineData(24 * 60, "1d 0h")]
    [InlineData(2 * 24 * 60 + 5 * 60 + 59, "2d 5h")]
    [InlineData(400 * 24 * 60, "400d 0h")]
    public void A_day_or_more_is_days_and_hours(int minutes, string expected) =>
        Assert.Equal(expected, TimeText.Duration(TimeSpan.FromMinutes(minutes)));
}
