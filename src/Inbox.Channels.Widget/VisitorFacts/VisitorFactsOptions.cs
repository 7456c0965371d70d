namespace Inbox.Channels.Widget.VisitorFacts;

/// <summary>Settings for what the widget learns about visitors, bound from the "Visitors" section.</summary>
public sealed class VisitorFactsOptions
{
    public const string Section = "Visitors";

    /// <summary>Path to a GeoLite2/GeoIP2 City .mmdb file; unset turns location lookup off.</summary>
    public string? GeoIpDatabasePath { get; set; }

    /// <summary>Reverse proxies whose X-Forwarded-For is believed: addresses or CIDR networks, IPv4 or IPv6.</summary>
    public string[] TrustedProxies { get; set; } = [];

    /// <summary>Region (ISO 3166-1 alpha-2, e.g. "GB") for phone numbers typed without a country code.</summary>
    public string? DefaultPhoneRegion { get; set; }
}
