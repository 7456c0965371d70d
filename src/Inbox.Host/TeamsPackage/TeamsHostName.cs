using System.Diagnostics.CodeAnalysis;
using System.Net;

namespace Inbox.Host.TeamsPackage;

/// <summary>Checks the public host Teams reaches Inbox at: a bare DNS name, the form <c>validDomains</c> and the developer URLs need.</summary>
internal static class TeamsHostName
{
    private const int MaxLength = 253;

    /// <summary>The host in lower case without a trailing dot, or why <paramref name="value"/> is not a bare host name.</summary>
    public static bool TryNormalize(string value, [NotNullWhen(true)] out string? host, [NotNullWhen(false)] out string? problem)
    {
        host = null;
        problem = Check(value.Trim());
        if (problem is not null) return false;
        host = value.Trim().TrimEnd('.').ToLowerInvariant();
        return true;
    }

    private static string? Check(string value)
    {
        const string example = "e.g. inbox.example.com";
        if (value.Length == 0)
            return $"--domain is empty: give the public host name Inbox answers at, {example}.";
        if (value.Contains("://", StringComparison.Ordinal))
            return $"--domain '{value}' has a scheme: give the bare host name without https://, {example}.";
        if (value.IndexOfAny(['/', '?', '#']) >= 0)
            return $"--domain '{value}' has a path: give the bare host name only, {example}.";
        if (IPAddress.TryParse(value.Trim('[', ']'), out _))
            return $"--domain '{value}' is an IP address: Teams needs a DNS host name, {example}.";
        if (value.Contains(':', StringComparison.Ordinal))
            return $"--domain '{value}' has a port: Teams valid domains take no port, so give the host name alone and serve HTTPS on 443.";
        if (value.Contains('*', StringComparison.Ordinal))
            return $"--domain '{value}' is a wildcard: give the one host name Inbox answers at, {example}.";
        if (!value.All(char.IsAscii))
            return $"--domain '{value}' is not ASCII: give the punycode form (xn--...) of the host name.";
        if (value.Length > MaxLength || Uri.CheckHostName(value) != UriHostNameType.Dns)
            return $"--domain '{value}' is not a valid host name: give the public host name Inbox answers at, {example}.";
        return null;
    }
}
