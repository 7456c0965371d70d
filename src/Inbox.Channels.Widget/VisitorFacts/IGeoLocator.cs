using System.Net;

namespace Inbox.Channels.Widget.VisitorFacts;

/// <summary>Finds the city and country of a visitor's IP address.</summary>
public interface IGeoLocator
{
    /// <summary>The location of <paramref name="address"/>, or <see cref="GeoFacts.Unknown"/>; never throws.</summary>
    GeoFacts Locate(IPAddress? address);
}
