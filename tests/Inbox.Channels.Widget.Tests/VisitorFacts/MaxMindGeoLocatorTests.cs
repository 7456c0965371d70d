using System.Net;
using Inbox.Channels.Widget.VisitorFacts;
using Microsoft.Extensions.Logging;

namespace Inbox.Channels.Widget.Tests.VisitorFacts;

public sealed class MaxMindGeoLocatorTests : IDisposable
{
    internal static readonly string TestDatabasePath =
        Path.Combine(AppContext.BaseDirectory, "Fixtures", "geoip", "GeoLite2-City-Test.mmdb");

    private readonly RecordingLoggerProvider _logs = new();
    private readonly MaxMindGeoLocator _locator;

    public MaxMindGeoLocatorTests() => _locator = new MaxMindGeoLocator(TestDatabasePath, _logs.CreateLogger<MaxMindGeoLocator>());

    public void Dispose() => _locator.Dispose();

    [Theory]
    [InlineData("81.2.69.142", "London", "GB", "United Kingdom")]
    [InlineData("89.160.20.112", "Linköping", "SE", "Sweden")]
    [InlineData("216.160.83.56", "Milton", "US", "United States")]
    [InlineData("175.16.199.0", "Changchun", "CN", "China")]
    public void Known_address_is_placed_in_its_city_and_country(string address, string city, string countryCode, string countryName)
    {
        var facts = _locator.Locate(IPAddress.Parse(address));

        Assert.Equal(new GeoFacts(city, countryCode, countryName), facts);
    }

    [Fact]
    public void IPv4_mapped_IPv6_address_is_located_like_its_IPv4_form()
    {
        var facts = _locator.Locate(IPAddress.Parse("::ffff:81.2.69.142"));

        Assert.Equal(new GeoFacts("London", "GB", "United Kingdom"), facts);
    }

    [Theory]
    [InlineData("8.8.8.8")]
    [InlineData("2001:db8::1")]
    public void Address_missing_from_the_database_is_unknown(string address)
    {
        Assert.Equal(GeoFacts.Unknown, _locator.Locate(IPAddress.Parse(address)));
    }

    [Theory]
    [InlineData("::1")]
    [InlineData("127.0.0.1")]
    [InlineData("10.1.2.3")]
    [InlineData("192.168.0.10")]
    [InlineData("172.20.0.1")]
    [InlineData("fd00::5")]
    [InlineData("fe80::1")]
    public void Loopback_and_private_addresses_are_unknown(string address)
    {
        Assert.Equal(GeoFacts.Unknown, _locator.Locate(IPAddress.Parse(address)));
    }

    [Fact]
    public void Null_address_is_unknown()
    {
        Assert.Equal(GeoFacts.Unknown, _locator.Locate(null));
    }

    [Fact]
    public void Failed_lookup_is_unknown_and_logged_at_debug()
    {
        var locator = new MaxMindGeoLocator(TestDatabasePath, _logs.CreateLogger<MaxMindGeoLocator>());
        locator.Dispose();

        var facts = locator.Locate(IPAddress.Parse("81.2.69.142"));

        Assert.Equal(GeoFacts.Unknown, facts);
        var entry = Assert.Single(_logs.Entries);
        Assert.Equal(LogLevel.Debug, entry.Level);
        Assert.NotNull(entry.Exception);
    }

    [Fact]
    public void Lookups_from_many_threads_at_once_agree()
    {
        var results = new GeoFacts[2_000];
        string[] addresses = ["81.2.69.142", "89.160.20.112", "216.160.83.56", "175.16.199.0"];

        Parallel.For(0, results.Length, i => results[i] = _locator.Locate(IPAddress.Parse(addresses[i % addresses.Length])));

        Assert.Equal(500, results.Count(facts => facts.City == "London"));
        Assert.Equal(500, results.Count(facts => facts.City == "Changchun"));
    }

    [Fact]
    public void Missing_database_file_fails_loudly_at_construction()
    {
        Assert.ThrowsAny<Exception>(() => new MaxMindGeoLocator(Path.Combine(AppContext.BaseDirectory, "no-such.mmdb")));
    }

    [Fact]
    public void Null_locator_knows_nothing()
    {
        Assert.Equal(GeoFacts.Unknown, new NullGeoLocator().Locate(IPAddress.Parse("81.2.69.142")));
    }
}
