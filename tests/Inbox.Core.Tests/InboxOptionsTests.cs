namespace Inbox.Core.Tests;

public sealed class InboxOptionsTests
{
    [Fact]
    public void The_defaults_are_valid() => Assert.Empty(new InboxOptions().Validate());

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    public void A_non_positive_inactivity_window_is_reported_by_its_key(int minutes)
    {
        var problems = new InboxOptions { InactiveAfter = TimeSpan.FromMinutes(minutes) }.Validate();

        Assert.StartsWith("Inbox:InactiveAfter ", Assert.Single(problems));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(100_001)]
    public void A_message_length_limit_out_of_range_is_reported_by_its_key(int limit)
    {
        var problems = new InboxOptions { MaxMessageLength = limit }.Validate();

        Assert.StartsWith("Inbox:MaxMessageLength ", Assert.Single(problems));
    }

    [Fact]
    public void Every_problem_is_reported_at_once()
    {
        var problems = new InboxOptions { InactiveAfter = TimeSpan.Zero, MaxMessageLength = 0 }.Validate().ToList();

        Assert.Equal(2, problems.Count);
    }
}
