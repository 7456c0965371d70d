using Inbox.Channels.Widget.VisitorFacts;

namespace Inbox.Channels.Widget.Tests.VisitorFacts;

public sealed class VisitorFactsOptionsValidatorTests
{
    private readonly VisitorFactsOptionsValidator _validator = new();

    [Fact]
    public void Empty_settings_are_valid_because_every_feature_is_optional()
    {
        Assert.True(_validator.Validate(null, new VisitorFactsOptions()).Succeeded);
    }

    [Fact]
    public void Complete_settings_are_valid()
    {
        var options = new VisitorFactsOptions
        {
            GeoIpDatabasePath = MaxMindGeoLocatorTests.TestDatabasePath,
            TrustedProxies = ["10.0.0.0/8", "192.0.2.10", "2001:db8::/32", "::1", "::ffff:10.0.0.0/104", " 172.16.0.0/12 "],
            DefaultPhoneRegion = "GB",
        };

        Assert.True(_validator.Validate(null, options).Succeeded);
    }

    [Fact]
    public void Missing_database_file_is_reported_with_its_key_and_path()
    {
        var result = _validator.Validate(null, new VisitorFactsOptions { GeoIpDatabasePath = "/x.mmdb" });

        Assert.True(result.Failed);
        Assert.Equal(["Visitors:GeoIpDatabasePath: file '/x.mmdb' does not exist"], result.Failures);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("10.0.0.0/33")]
    [InlineData("2001:db8::/129")]
    [InlineData("10.0.0.0/")]
    [InlineData("10.0.0.0/-1")]
    [InlineData("1")]
    [InlineData("")]
    public void Trusted_proxy_that_is_no_address_or_network_is_reported(string entry)
    {
        var result = _validator.Validate(null, new VisitorFactsOptions { TrustedProxies = ["10.0.0.1", entry] });

        Assert.Equal([$"Visitors:TrustedProxies: '{entry}' is not an IP address or CIDR network"], result.Failures);
    }

    [Fact]
    public void Unknown_phone_region_is_reported()
    {
        var result = _validator.Validate(null, new VisitorFactsOptions { DefaultPhoneRegion = "XX" });

        Assert.Equal(["Visitors:DefaultPhoneRegion: 'XX' is not a region code libphonenumber knows"], result.Failures);
    }

    [Fact]
    public void Every_problem_is_reported_at_once()
    {
        var options = new VisitorFactsOptions { GeoIpDatabasePath = "/x.mmdb", TrustedProxies = ["abc"], DefaultPhoneRegion = "XX" };

        Assert.Equal(3, _validator.Validate(null, options).Failures!.Count());
    }
}
