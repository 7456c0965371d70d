namespace Inbox.Channels.Widget.VisitorFacts;

/// <summary>Where a visitor's address places them, as far as the location database knows.</summary>
/// <param name="City">English city name, e.g. "London".</param>
/// <param name="CountryCode">ISO 3166-1 alpha-2 code, e.g. "GB".</param>
/// <param name="CountryName">English country name, e.g. "United Kingdom".</param>
public sealed record GeoFacts(string? City, string? CountryCode, string? CountryName)
{
    /// <summary>No location known.</summary>
    public static GeoFacts Unknown { get; } = new(null, null, null);
}
