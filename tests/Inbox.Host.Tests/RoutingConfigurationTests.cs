using Inbox.Host.Tests.Faults;
using Inbox.Host.Tests.Slack;

namespace Inbox.Host.Tests;

public sealed class RoutingConfigurationTests
{
    [Fact]
    public async Task An_invalid_routing_rule_stops_the_host_at_start_with_exit_code_1_and_a_message_naming_the_rule()
    {
        var settings = SlackRoutingDriver.Rules(("chats", "Channel=widget", "CCHATS0001", null, "two-way"), ("mail", "Channel=fax", null, "19:mail@thread.tacv2", "loud"));
        await using var host = new HostProcess(settings);

        var error = await Assert.ThrowsAsync<Xunit.Sdk.XunitException>(() => host.StartAsync(TimeSpan.FromSeconds(60)));

        Assert.False(host.IsRunning);
        Assert.Contains("The host exited with 1 while starting", error.Message);
        Assert.Contains("Inbox cannot start: the configuration is invalid.", error.Message);
        Assert.Contains("Routing:Rules:1 (\"mail\"): ThreadMode \"loud\" is not two-way, notes-by-default or alerts-only.", error.Message);
        Assert.Contains("Routing:Rules:1 (\"mail\"): Match:Channel \"fax\" is not widget, email or telegram.", error.Message);
        Assert.DoesNotContain("Routing:Rules:0", error.Message);
    }
}
