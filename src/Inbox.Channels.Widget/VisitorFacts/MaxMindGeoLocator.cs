using System.Net;
using MaxMind.Db;
using MaxMind.GeoIP2;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Inbox.Channels.Widget.VisitorFacts;

/// <summary>Locates addresses in a MaxMind GeoIP2 or GeoLite2 City database file.</summary>
/// <remarks>
/// The file is memory-mapped rather than read into memory: a full City database is tens of
/// megabytes, and the operating system shares mapped pages. <see cref="DatabaseReader"/> is
/// safe for concurrent lookups, so one instance serves the whole application.
/// </remarks>
public sealed class MaxMindGeoLocator : IGeoLocator, IDisposable
{
    private readonly DatabaseReader _reader;
    private readonly ILogger<MaxMindGeoLocator> _logger;

    /// <summary>Opens the database at <paramref name="databasePath"/>; throws if it is missing or not a MaxMind database.</summary>
    public MaxMindGeoLocator(string databasePath, ILogger<MaxMindGeoLocator>? logger = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(databasePath);
        _logger = logger ?? NullLogger<MaxMindGeoLocator>.Instance;
        _reader = new DatabaseReader(databasePath, FileAccessMode.MemoryMapped);
    }

    public GeoFacts Locate(IPAddress? address)
    {
        if (address is null || PublicAddress.IsNonPublic(address))
        {
            return GeoFacts.Unknown;
        }

        try
        {
            if (!_reader.TryCity(PublicAddress.Normalize(address), out var city) || city is null)
            {
                return GeoFacts.Unknown;
            }

            var facts = new GeoFacts(
                NullIfEmpty(city.City.Name),
                NullIfEmpty(city.Country.IsoCode),
                NullIfEmpty(city.Country.Name));
            return facts == GeoFacts.Unknown ? GeoFacts.Unknown : facts;
        }
        catch (Exception exception)
        {
            // A lookup failure costs the agent a city name, not the visitor their conversation.
            _logger.LogDebug(exception, "GeoIP lookup failed for {Address}", address);
            return GeoFacts.Unknown;
        }
    }

    public void Dispose() => _reader.Dispose();

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
