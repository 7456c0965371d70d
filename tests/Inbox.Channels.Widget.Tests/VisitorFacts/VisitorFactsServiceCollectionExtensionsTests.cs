using Inbox.Channels.Widget.VisitorFacts;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Inbox.Channels.Widget.Tests.VisitorFacts;

public sealed class VisitorFactsServiceCollectionExtensionsTests
{
    private readonly RecordingLoggerProvider _logs = new();

    private ServiceProvider Build(params (string Key, string? Value)[] settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(setting => new KeyValuePair<string, string?>(setting.Key, setting.Value)))
            .Build();
        return new ServiceCollection()
            .AddLogging(logging => logging.AddProvider(_logs).SetMinimumLevel(LogLevel.Trace))
            .AddVisitorFacts(configuration)
            .BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    [Fact]
    public void Configured_database_gives_a_locator_that_finds_cities()
    {
        using var services = Build(("Visitors:GeoIpDatabasePath", MaxMindGeoLocatorTests.TestDatabasePath));

        var locator = services.GetRequiredService<IGeoLocator>();

        Assert.IsType<MaxMindGeoLocator>(locator);
        Assert.Equal("London", locator.Locate(System.Net.IPAddress.Parse("81.2.69.142")).City);
    }

    [Fact]
    public void Without_a_database_location_is_off_and_says_so_once()
    {
        using var services = Build();

        var first = services.GetRequiredService<IGeoLocator>();
        var second = services.GetRequiredService<IGeoLocator>();

        Assert.IsType<NullGeoLocator>(first);
        Assert.Same(first, second);
        var entry = Assert.Single(_logs.Entries, e => e.Message.Contains("GeoIP", StringComparison.Ordinal));
        Assert.Equal(LogLevel.Information, entry.Level);
        Assert.Equal("GeoIP database not configured; visitor city and country stay empty", entry.Message);
    }

    [Fact]
    public void Settings_are_bound_from_the_visitors_section()
    {
        using var services = Build(
            ("Visitors:TrustedProxies:0", "10.0.0.0/8"),
            ("Visitors:TrustedProxies:1", "2001:db8::/32"),
            ("Visitors:DefaultPhoneRegion", "GB"));

        var options = services.GetRequiredService<IOptions<VisitorFactsOptions>>().Value;

        Assert.Equal(["10.0.0.0/8", "2001:db8::/32"], options.TrustedProxies);
        Assert.Equal("+442079460958", services.GetRequiredService<PhoneNormalizer>().Normalize("020 7946 0958").E164);
    }

    [Fact]
    public void Services_are_singletons()
    {
        using var services = Build();

        Assert.Same(services.GetRequiredService<UserAgentParser>(), services.GetRequiredService<UserAgentParser>());
        Assert.Same(services.GetRequiredService<ClientAddressResolver>(), services.GetRequiredService<ClientAddressResolver>());
        Assert.Same(services.GetRequiredService<PhoneNormalizer>(), services.GetRequiredService<PhoneNormalizer>());
    }

    [Fact]
    public void Bad_settings_stop_the_host_at_start_naming_the_key()
    {
        using var services = Build(("Visitors:TrustedProxies:0", "abc"), ("Visitors:DefaultPhoneRegion", "XX"));

        var failure = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("Visitors:TrustedProxies: 'abc' is not an IP address or CIDR network", failure.Failures);
        Assert.Contains("Visitors:DefaultPhoneRegion: 'XX' is not a region code libphonenumber knows", failure.Failures);
    }

    [Fact]
    public void Good_settings_pass_the_start_check()
    {
        using var services = Build(("Visitors:GeoIpDatabasePath", MaxMindGeoLocatorTests.TestDatabasePath), ("Visitors:TrustedProxies:0", "10.0.0.0/8"));

        services.GetRequiredService<IStartupValidator>().Validate();
    }
}
