using System.Net;
using System.Net.Sockets;

namespace Inbox.Channels.Widget.VisitorFacts;

/// <summary>Strict parsing of the textual IP addresses found in configuration and forwarding headers.</summary>
/// <remarks>
/// <see cref="IPAddress.TryParse(string?, out IPAddress?)"/> accepts legacy forms such as "1" or
/// "0x7f.1"; in a header those are junk, not addresses, so only dotted-quad IPv4 and IPv6 pass here.
/// </remarks>
internal static class AddressText
{
    /// <summary>Parses "203.0.113.7", "2001:db8::1", and, when <paramref name="allowPort"/>, "203.0.113.7:443" or "[2001:db8::1]:443".</summary>
    public static bool TryParse(ReadOnlySpan<char> text, bool allowPort, out IPAddress address)
    {
        address = IPAddress.None;
        text = text.Trim();
        if (text.IsEmpty || text.Length > 64)
        {
            return false;
        }

        if (text[0] == '[')
        {
            var close = text.IndexOf(']');
            if (close < 0 || !allowPort && close != text.Length - 1 || !IsPortSuffix(text[(close + 1)..]))
            {
                return false;
            }

            return TryParseIPv6(text[1..close], out address);
        }

        var colons = text.Count(':');
        if (colons == 0)
        {
            return TryParseIPv4(text, out address);
        }

        if (colons == 1 && allowPort)
        {
            var colon = text.IndexOf(':');
            return IsPortSuffix(text[colon..]) && TryParseIPv4(text[..colon], out address);
        }

        return TryParseIPv6(text, out address);
    }

    private static bool TryParseIPv4(ReadOnlySpan<char> text, out IPAddress address)
    {
        address = IPAddress.None;
        if (text.Count('.') != 3)
        {
            return false;
        }

        foreach (var c in text)
        {
            if (c != '.' && !char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        if (!IPAddress.TryParse(text, out var parsed) || parsed.AddressFamily != AddressFamily.InterNetwork)
        {
            return false;
        }

        address = parsed;
        return true;
    }

    private static bool TryParseIPv6(ReadOnlySpan<char> text, out IPAddress address)
    {
        address = IPAddress.None;
        if (!IPAddress.TryParse(text, out var parsed) || parsed.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return false;
        }

        address = parsed;
        return true;
    }

    private static bool IsPortSuffix(ReadOnlySpan<char> suffix) =>
        suffix.IsEmpty
        || suffix.Length is > 1 and <= 6
            && suffix[0] == ':'
            && ushort.TryParse(suffix[1..], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out _);
}
