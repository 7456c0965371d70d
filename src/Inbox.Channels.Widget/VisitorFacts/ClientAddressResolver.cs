using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace Inbox.Channels.Widget.VisitorFacts;

/// <summary>Finds the visitor's own IP address behind the reverse proxies the host is configured to trust.</summary>
/// <remarks>
/// Each trusted proxy appends the address it received the request from to <c>X-Forwarded-For</c>,
/// so the entries are read right to left, and only as far as trusted proxies vouch for them:
/// anything left of the first untrusted address could have been written by the visitor.
/// </remarks>
public sealed class ClientAddressResolver
{
    private const string ForwardedForHeader = "X-Forwarded-For";

    private readonly TrustedProxies _trustedProxies;

    public ClientAddressResolver(IOptions<VisitorFactsOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _trustedProxies = TrustedProxies.From(options.Value.TrustedProxies);
    }

    /// <summary>The visitor's address, IPv4-mapped IPv6 shown as IPv4; null when the connection has none.</summary>
    public IPAddress? Resolve(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Connection.RemoteIpAddress is not { } remoteAddress)
        {
            return null;
        }

        var remote = PublicAddress.Normalize(remoteAddress);
        if (_trustedProxies.IsEmpty || !_trustedProxies.Contains(remote))
        {
            return remote;
        }

        var entries = ForwardedEntries(context.Request.Headers);
        IPAddress? leftmostTrusted = null;
        for (var i = entries.Count - 1; i >= 0; i--)
        {
            if (!AddressText.TryParse(entries[i], allowPort: true, out var hop))
            {
                // A hop we cannot read breaks the chain of vouching; fall back to the peer we saw.
                return remote;
            }

            hop = PublicAddress.Normalize(hop);
            if (!_trustedProxies.Contains(hop))
            {
                return hop;
            }

            leftmostTrusted = hop;
        }

        // Every hop was a trusted proxy (or there were none): the furthest one is the best we know.
        return leftmostTrusted ?? remote;
    }

    private static List<string> ForwardedEntries(IHeaderDictionary headers)
    {
        var entries = new List<string>();
        // Several header lines mean the same as one comma-joined line, in order.
        foreach (var line in headers[ForwardedForHeader])
        {
            if (line is null)
            {
                continue;
            }

            foreach (var entry in line.Split(',', StringSplitOptions.TrimEntries))
            {
                entries.Add(entry);
            }
        }

        return entries;
    }
}
