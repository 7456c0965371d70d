using System.Net;
using Inbox.Channels.Widget.VisitorFacts;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace Inbox.Channels.Widget.Tests.VisitorFacts;

public sealed class ClientAddressResolverTests
{
    private static readonly string[] Proxies = ["10.0.0.0/8", "192.0.2.10", "2001:db8:1::/48", "::ffff:198.51.100.0/120"];

    private static IPAddress? Resolve(string remote, string? forwardedFor, params string[] trustedProxies)
    {
        var resolver = new ClientAddressResolver(Options.Create(new VisitorFactsOptions { TrustedProxies = trustedProxies }));
        var context = new DefaultHttpContext();
        context.Connection.RemoteIpAddress = IPAddress.Parse(remote);
        if (forwardedFor is not null)
        {
            context.Request.Headers["X-Forwarded-For"] = forwardedFor;
        }

        return resolver.Resolve(context);
    }

    [Fact]
    public void Direct_visitor_is_their_connection_address()
    {
        Assert.Equal(IPAddress.Parse("81.2.69.142"), Resolve("81.2.69.142", null, Proxies));
    }

    [Fact]
    public void Forwarded_for_from_an_untrusted_peer_is_ignored()
    {
        Assert.Equal(IPAddress.Parse("81.2.69.142"), Resolve("81.2.69.142", "89.160.20.112", Proxies));
    }

    [Fact]
    public void Forwarded_for_is_ignored_when_no_proxy_is_trusted()
    {
        Assert.Equal(IPAddress.Parse("10.0.0.5"), Resolve("10.0.0.5", "89.160.20.112"));
    }

    [Fact]
    public void Visitor_behind_one_trusted_proxy_is_the_forwarded_address()
    {
        Assert.Equal(IPAddress.Parse("89.160.20.112"), Resolve("10.0.0.5", "89.160.20.112", Proxies));
    }

    [Fact]
    public void Visitor_behind_a_chain_of_trusted_proxies_is_the_first_untrusted_hop_from_the_right()
    {
        Assert.Equal(IPAddress.Parse("89.160.20.112"), Resolve("10.0.0.5", "89.160.20.112, 192.0.2.10, 10.1.1.1", Proxies));
    }

    [Fact]
    public void Address_the_visitor_wrote_into_the_header_is_not_believed()
    {
        // The visitor sent "X-Forwarded-For: 1.1.1.1"; the proxy appended the address it really saw.
        Assert.Equal(IPAddress.Parse("89.160.20.112"), Resolve("10.0.0.5", "1.1.1.1, 89.160.20.112", Proxies));
    }

    [Fact]
    public void Repeated_forwarded_for_lines_are_read_as_one_list()
    {
        var resolver = new ClientAddressResolver(Options.Create(new VisitorFactsOptions { TrustedProxies = Proxies }));
        var context = new DefaultHttpContext();
        context.Connection.RemoteIpAddress = IPAddress.Parse("10.0.0.5");
        context.Request.Headers["X-Forwarded-For"] = new Microsoft.Extensions.Primitives.StringValues(["89.160.20.112", "10.2.2.2"]);

        Assert.Equal(IPAddress.Parse("89.160.20.112"), resolver.Resolve(context));
    }

    [Fact]
    public void Trusted_IPv6_proxy_forwards_an_IPv6_visitor()
    {
        Assert.Equal(IPAddress.Parse("2a02:26f0::1"), Resolve("2001:db8:1::7", "2a02:26f0::1", Proxies));
    }

    [Fact]
    public void IPv4_mapped_peer_is_matched_against_IPv4_proxy_ranges_and_returned_as_IPv4()
    {
        Assert.Equal(IPAddress.Parse("89.160.20.112"), Resolve("::ffff:10.0.0.5", "::ffff:89.160.20.112", Proxies));
    }

    [Fact]
    public void IPv4_mapped_proxy_range_trusts_IPv4_peers()
    {
        Assert.Equal(IPAddress.Parse("89.160.20.112"), Resolve("198.51.100.20", "89.160.20.112", Proxies));
    }

    [Fact]
    public void Direct_IPv4_mapped_visitor_is_shown_as_IPv4()
    {
        Assert.Equal(IPAddress.Parse("81.2.69.142"), Resolve("::ffff:81.2.69.142", null, Proxies));
    }

    [Theory]
    [InlineData("203.0.113.9:51234, 10.1.1.1", "203.0.113.9")]
    [InlineData("[2a02:26f0::1]:443", "2a02:26f0::1")]
    public void Forwarded_entries_with_ports_are_understood(string forwardedFor, string expected)
    {
        Assert.Equal(IPAddress.Parse(expected), Resolve("10.0.0.5", forwardedFor, Proxies));
    }

    [Theory]
    [InlineData("89.160.20.112, unknown")]
    [InlineData("89.160.20.112, 10.1.1.1, not-an-ip")]
    [InlineData("89.160.20.112, 12345")]
    [InlineData("89.160.20.112, 999.1.1.1")]
    [InlineData("89.160.20.112, ")]
    public void Malformed_hop_stops_the_walk_at_the_connection_address(string forwardedFor)
    {
        Assert.Equal(IPAddress.Parse("10.0.0.5"), Resolve("10.0.0.5", forwardedFor, Proxies));
    }

    [Fact]
    public void Malformed_entry_left_of_the_visitor_does_not_matter()
    {
        Assert.Equal(IPAddress.Parse("89.160.20.112"), Resolve("10.0.0.5", "garbage, 89.160.20.112, 10.1.1.1", Proxies));
    }

    [Fact]
    public void When_every_hop_is_trusted_the_furthest_one_is_the_visitor()
    {
        Assert.Equal(IPAddress.Parse("10.9.9.9"), Resolve("10.0.0.5", "10.9.9.9, 10.1.1.1", Proxies));
    }

    [Fact]
    public void Trusted_proxy_without_forwarded_for_is_the_address()
    {
        Assert.Equal(IPAddress.Parse("10.0.0.5"), Resolve("10.0.0.5", null, Proxies));
    }

    [Fact]
    public void Connection_without_an_address_has_no_visitor_address()
    {
        var resolver = new ClientAddressResolver(Options.Create(new VisitorFactsOptions { TrustedProxies = Proxies }));

        Assert.Null(resolver.Resolve(new DefaultHttpContext()));
    }
}
