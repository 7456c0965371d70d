using Inbox.Teams.Install;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Inbox.Teams.Tests.Install;

public sealed class TeamsTargetsTests
{
    private const string Tenant = "72f988bf-86f1-41af-91ab-2d7cd011db47";
    private static readonly TeamsTarget Support = new("https://smba.example/emea/", "19:support@thread.tacv2", Tenant, "team-a");
    private static readonly TeamsTarget Sales = new("https://smba.example/emea/", "19:sales@thread.tacv2", Tenant, "team-b");

    private readonly InMemoryBridgeSettings _settings = new();
    private static readonly CancellationToken Ct = CancellationToken.None;

    private TeamsTargets Targets(TeamsOptions? options = null) =>
        new(_settings, Options.Create(options ?? new TeamsOptions()), NullLogger<TeamsTargets>.Instance);

    private string? Stored => _settings[TeamsTargets.Bridge, "target"];

    [Fact]
    public async Task Before_anything_is_known_there_is_no_target()
    {
        var targets = Targets();
        await targets.StartAsync(Ct);

        Assert.Null(targets.Current);
    }

    [Fact]
    public async Task Start_loads_the_stored_target()
    {
        await _settings.SetAsync(TeamsTargets.Bridge, "target", Support.ToJson(), Ct);
        var targets = Targets();

        await targets.StartAsync(Ct);

        Assert.Equal(Support, targets.Current);
    }

    [Fact]
    public async Task A_stored_value_that_is_not_a_target_is_ignored()
    {
        await _settings.SetAsync(TeamsTargets.Bridge, "target", "{not json", Ct);
        var targets = Targets();

        await targets.StartAsync(Ct);

        Assert.Null(targets.Current);
    }

    [Fact]
    public async Task First_install_becomes_the_target_and_is_stored()
    {
        var targets = Targets();
        await targets.StartAsync(Ct);

        Assert.True(await targets.InstalledAsync(Support, Ct));

        Assert.Equal(Support, targets.Current);
        Assert.Equal(Support, TeamsTarget.FromJson(Stored));
        Assert.Equal(Support, TeamsTarget.FromJson(_settings[TeamsTargets.Bridge, "team:team-a"]));
    }

    [Fact]
    public async Task Install_in_another_team_keeps_the_existing_target()
    {
        var targets = Targets();
        await targets.InstalledAsync(Support, Ct);

        Assert.False(await targets.InstalledAsync(Sales, Ct));

        Assert.Equal(Support, targets.Current);
        Assert.Equal(Support, TeamsTarget.FromJson(Stored));
        // The other team is still remembered for later.
        Assert.Equal(Sales, TeamsTarget.FromJson(_settings[TeamsTargets.Bridge, "team:team-b"]));
    }

    [Fact]
    public async Task Reinstall_in_the_same_team_replaces_the_target()
    {
        var targets = Targets();
        await targets.InstalledAsync(Support, Ct);
        var moved = Support with { ChannelId = "19:help@thread.tacv2" };

        Assert.True(await targets.InstalledAsync(moved, Ct));

        Assert.Equal(moved, targets.Current);
        Assert.Equal(moved, TeamsTarget.FromJson(Stored));
    }

    [Fact]
    public async Task Use_this_channel_overrides_whatever_was_the_target()
    {
        var targets = Targets();
        await targets.InstalledAsync(Support, Ct);

        await targets.UseAsync(Sales, Ct);

        Assert.Equal(Sales, targets.Current);
        Assert.Equal(Sales, TeamsTarget.FromJson(Stored));
    }

    [Fact]
    public async Task Removal_from_the_targets_team_clears_the_target()
    {
        var targets = Targets();
        await targets.InstalledAsync(Support, Ct);

        await targets.RemovedAsync("team-a", Ct);

        Assert.Null(targets.Current);
        Assert.Null(Stored);
        Assert.Null(_settings[TeamsTargets.Bridge, "team:team-a"]);
    }

    [Fact]
    public async Task Removal_from_another_team_keeps_the_target()
    {
        var targets = Targets();
        await targets.InstalledAsync(Support, Ct);
        await targets.InstalledAsync(Sales, Ct);

        await targets.RemovedAsync("team-b", Ct);

        Assert.Equal(Support, targets.Current);
        Assert.Equal(Support, TeamsTarget.FromJson(Stored));
        Assert.Null(_settings[TeamsTargets.Bridge, "team:team-b"]);
    }

    [Fact]
    public async Task After_removal_a_new_install_elsewhere_becomes_the_target()
    {
        var targets = Targets();
        await targets.InstalledAsync(Support, Ct);
        await targets.RemovedAsync("team-a", Ct);

        Assert.True(await targets.InstalledAsync(Sales, Ct));

        Assert.Equal(Sales, targets.Current);
    }

    [Fact]
    public async Task A_new_service_url_for_the_targets_tenant_is_followed_and_stored()
    {
        var targets = Targets();
        await targets.InstalledAsync(Support, Ct);

        await targets.SeenServiceUrlAsync(Tenant, "https://smba.example/amer/", Ct);

        Assert.Equal(Support with { ServiceUrl = "https://smba.example/amer/" }, targets.Current);
        Assert.Equal("https://smba.example/amer/", TeamsTarget.FromJson(Stored)!.ServiceUrl);
    }

    [Fact]
    public async Task A_service_url_seen_in_another_tenant_changes_nothing()
    {
        var targets = Targets();
        await targets.InstalledAsync(Support, Ct);

        await targets.SeenServiceUrlAsync("another-tenant", "https://smba.example/apac/", Ct);

        Assert.Equal(Support, targets.Current);
        Assert.Equal(Support, TeamsTarget.FromJson(Stored));
    }

    [Fact]
    public async Task A_service_url_seen_before_any_target_stores_nothing()
    {
        var targets = Targets();
        await targets.StartAsync(Ct);

        await targets.SeenServiceUrlAsync(Tenant, "https://smba.example/apac/", Ct);

        Assert.Null(targets.Current);
        Assert.Empty(_settings.Keys);
    }

    [Fact]
    public async Task A_configured_channel_wins_over_the_installed_one()
    {
        var targets = Targets(new TeamsOptions { ChannelId = "19:configured@thread.tacv2" });

        await targets.InstalledAsync(Support, Ct);

        Assert.Equal(Support with { ChannelId = "19:configured@thread.tacv2" }, targets.Current);
        // What Teams said is still what is stored.
        Assert.Equal(Support, TeamsTarget.FromJson(Stored));
    }

    [Fact]
    public async Task A_configured_channel_and_tenant_need_nothing_stored_and_use_the_configured_service_url()
    {
        var targets = Targets(new TeamsOptions
        {
            ChannelId = "19:configured@thread.tacv2", TenantId = Tenant, ServiceUrl = new Uri("https://smba.example/configured/"),
        });

        await targets.StartAsync(Ct);

        Assert.Equal(new TeamsTarget("https://smba.example/configured/", "19:configured@thread.tacv2", Tenant, null), targets.Current);
    }

    [Fact]
    public async Task A_configured_channel_without_a_tenant_waits_for_Teams()
    {
        var targets = Targets(new TeamsOptions { ChannelId = "19:configured@thread.tacv2" });

        await targets.StartAsync(Ct);

        Assert.Null(targets.Current);
    }
}
