using System.Collections.Immutable;
using System.Net;
using System.Net.Sockets;

namespace Inbox.Channels.Widget.VisitorFacts;

/// <summary>Address helpers shared by the locator and the client-address resolver.</summary>
internal static class PublicAddress
{
    private static readonly ImmutableArray<IPNetwork> NonPublicNetworks =
    [
        IPNetwork.Parse("0.0.0.0/8"),
        IPNetwork.Parse("10.0.0.0/8"),
        IPNetwork.Parse("100.64.0.0/10"), // carrier-grade NAT
        IPNetwork.Parse("127.0.0.0/8"),
        IPNetwork.Parse("169.254.0.0/16"),
        IPNetwork.Parse("172.16.0.0/12"),
        IPNetwork.Parse("192.168.0.0/16"),
        IPNetwork.Parse("224.0.0.0/3"), // multicast and reserved
        IPNetwork.Parse("::/127"), // unspecified and loopback
        IPNetwork.Parse("fc00::/7"), // unique local
        IPNetwork.Parse("fe80::/10"), // link local
        IPNetwork.Parse("ff00::/8"), // multicast
    ];

    /// <summary>IPv4-mapped IPv6 addresses (<c>::ffff:1.2.3.4</c>) as the IPv4 address they carry.</summary>
    public static IPAddress Normalize(IPAddress address) =>
        address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;

    /// <summary>True for addresses that cannot be located: private, loopback, link-local, multicast.</summary>
    public static bool IsNonPublic(IPAddress address)
    {
        var normalized = Normalize(address);
        if (normalized.AddressFamily is not (AddressFamily.InterNetwork or AddressFamily.InterNetworkV6))
        {
            return true;
        }

        foreach (var network in NonPublicNetworks)
        {
            if (network.BaseAddress.AddressFamily == normalized.AddressFamily && network.Contains(normalized))
            {
                return true;
            }
        }

        return false;
    }
}
