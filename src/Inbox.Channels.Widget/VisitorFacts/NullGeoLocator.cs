using System.Net;

namespace Inbox.Channels.Widget.VisitorFacts;

/// <summary>The locator used when no GeoIP database is configured: every address is unknown.</summary>
public sealed class NullGeoLocator : IGeoLocator
{
    public GeoFacts Locate(IPAddress? address) => GeoFacts.Unknown;
}
