using Inbox.Channels.Widget.VisitorFacts;
using Inbox.Core.Model;
using Microsoft.AspNetCore.Http;

namespace Inbox.Channels.Widget.Visitors;

/// <summary>What a request tells about its visitor: device, OS and browser from UA + client hints, city and country from the address.</summary>
public sealed class VisitorProfileCollector(UserAgentParser userAgents, ClientAddressResolver addresses, IGeoLocator geo)
{
    public ContactProfile Collect(HttpContext context, ClientHints? fromScript = null)
    {
        var hints = ClientHints.FromHeaders(context.Request.Headers).MergedWith(fromScript);
        var device = userAgents.Parse(context.Request.Headers.UserAgent.ToString(), hints);
        var place = geo.Locate(addresses.Resolve(context));
        return new ContactProfile(
            City: place.City,
            Country: place.CountryCode,
            Device: device.Device,
            OperatingSystem: device.OperatingSystem,
            Browser: device.Browser);
    }
}
