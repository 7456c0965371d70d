using System.Net;
using System.Net.Sockets;

namespace Inbox.Channels.Widget.VisitorFacts;

/// <summary>The configured reverse proxies whose <c>X-Forwarded-For</c> entries may be believed.</summary>
internal sealed class TrustedProxies
{
    private readonly IPNetwork[] _networks;

    private TrustedProxies(IPNetwork[] networks) => _networks = networks;

    /// <summary>Builds the list from configuration entries, skipping any that do not parse (the options validator reports those).</summary>
    public static TrustedProxies From(IEnumerable<string>? entries)
    {
        var networks = new List<IPNetwork>();
        foreach (var entry in entries ?? [])
        {
            if (TryParseEntry(entry, out var network))
            {
                networks.Add(network);
            }
        }

        return new TrustedProxies([.. networks]);
    }

    public bool IsEmpty => _networks.Length == 0;

    /// <summary>Parses "10.0.0.5", "10.0.0.0/8", "2001:db8::/32" or "::ffff:10.0.0.0/104".</summary>
    public static bool TryParseEntry(string? entry, out IPNetwork network)
    {
        network = default;
        if (string.IsNullOrWhiteSpace(entry))
        {
            return false;
        }

        var text = entry.AsSpan().Trim();
        var slash = text.IndexOf('/');
        if (slash < 0)
        {
            if (!AddressText.TryParse(text, allowPort: false, out var single))
            {
                return false;
            }

            single = PublicAddress.Normalize(single);
            network = new IPNetwork(single, single.AddressFamily == AddressFamily.InterNetwork ? 32 : 128);
            return true;
        }

        if (!AddressText.TryParse(text[..slash], allowPort: false, out var baseAddress)
            || !int.TryParse(text[(slash + 1)..], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var prefix))
        {
            return false;
        }

        // An IPv4-mapped range describes IPv4 peers; keep it in IPv4 form so it matches them.
        if (baseAddress.IsIPv4MappedToIPv6 && prefix >= 96)
        {
            baseAddress = baseAddress.MapToIPv4();
            prefix -= 96;
        }

        var maxPrefix = baseAddress.AddressFamily == AddressFamily.InterNetwork ? 32 : 128;
        if (prefix > maxPrefix)
        {
            return false;
        }

        // Host bits after the prefix ("10.0.0.1/8") are cleared, as IPNetwork.Parse does.
        return IPNetwork.TryParse($"{baseAddress}/{prefix}", out network);
    }

    public bool Contains(IPAddress address)
    {
        var normalized = PublicAddress.Normalize(address);
        foreach (var network in _networks)
        {
            if (network.BaseAddress.AddressFamily == normalized.AddressFamily && network.Contains(normalized))
            {
                return true;
            }
        }

        return false;
    }
}
