namespace Inbox.Teams.Tests;

public sealed class TeamsOptionsTests
{
    [Fact]
    public void Without_app_id_and_password_the_bridge_is_off_and_that_is_valid() =>
        Assert.Empty(new TeamsOptions().Validate());

    [Fact]
    public void Half_a_configuration_is_refused_naming_the_keys() =>
        Assert.Contains("Teams:AppId and Teams:AppPassword", Assert.Single(new TeamsOptions { AppId = "x" }.Validate()));

    [Fact]
    public void A_tenant_must_be_a_tenant_id() =>
        Assert.Contains(new TeamsOptions { AppId = "x", AppPassword = "y", TenantId = "contoso" }.Validate(), f => f.Contains("Teams:TenantId"));
}
