namespace Inbox.Host.Tests;

public sealed class HostStartsTests
{
    [Fact]
    public async Task Host_starts_without_credentials_and_reports_healthy()
    {
        await using var host = new InboxHost();
        using var client = host.Visitor();
        Assert.Equal("Healthy", await client.GetStringAsync("/health"));
        Assert.Contains("<script", await client.GetStringAsync("/"));
        Assert.Contains("InboxWidget", await client.GetStringAsync("/widget.js"));
        // The Slack bridge is off without its credentials: its endpoints do not exist.
        using var slack = await client.PostAsync("/slack/events", new StringContent("{}"));
        Assert.Equal(System.Net.HttpStatusCode.NotFound, slack.StatusCode);
    }
}
