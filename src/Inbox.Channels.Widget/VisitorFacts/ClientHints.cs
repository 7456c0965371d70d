using Microsoft.AspNetCore.Http;

namespace Inbox.Channels.Widget.VisitorFacts;

/// <summary>User-agent client hints in the raw structured-header form browsers send (<c>Sec-CH-UA*</c>).</summary>
/// <remarks>
/// The widget script reports the high-entropy values it reads from <c>navigator.userAgentData</c>
/// in these same header forms, so one parser serves both sources.
/// </remarks>
public sealed record ClientHints(
    string? Brands,
    string? FullVersionList,
    string? Mobile,
    string? Platform,
    string? PlatformVersion,
    string? Model)
{
    internal const string BrandsHeader = "Sec-CH-UA";
    internal const string FullVersionListHeader = "Sec-CH-UA-Full-Version-List";
    internal const string MobileHeader = "Sec-CH-UA-Mobile";
    internal const string PlatformHeader = "Sec-CH-UA-Platform";
    internal const string PlatformVersionHeader = "Sec-CH-UA-Platform-Version";
    internal const string ModelHeader = "Sec-CH-UA-Model";

    internal bool IsEmpty =>
        string.IsNullOrWhiteSpace(Brands)
        && string.IsNullOrWhiteSpace(FullVersionList)
        && string.IsNullOrWhiteSpace(Mobile)
        && string.IsNullOrWhiteSpace(Platform)
        && string.IsNullOrWhiteSpace(PlatformVersion)
        && string.IsNullOrWhiteSpace(Model);

    /// <summary>Reads the <c>Sec-CH-UA*</c> request headers; absent headers stay null.</summary>
    public static ClientHints FromHeaders(IHeaderDictionary headers)
    {
        ArgumentNullException.ThrowIfNull(headers);
        return new ClientHints(
            Read(headers, BrandsHeader),
            Read(headers, FullVersionListHeader),
            Read(headers, MobileHeader),
            Read(headers, PlatformHeader),
            Read(headers, PlatformVersionHeader),
            Read(headers, ModelHeader));
    }

    /// <summary>These hints with every non-null value of <paramref name="other"/> taking precedence.</summary>
    public ClientHints MergedWith(ClientHints? other) =>
        other is null
            ? this
            : new ClientHints(
                other.Brands ?? Brands,
                other.FullVersionList ?? FullVersionList,
                other.Mobile ?? Mobile,
                other.Platform ?? Platform,
                other.PlatformVersion ?? PlatformVersion,
                other.Model ?? Model);

    private static string? Read(IHeaderDictionary headers, string name)
    {
        if (!headers.TryGetValue(name, out var values) || values.Count == 0)
        {
            return null;
        }

        // Repeated field lines mean the same as one comma-joined line (RFC 9110, section 5.3).
        var joined = values.Count == 1 ? values[0] : string.Join(", ", values.ToArray());
        return string.IsNullOrWhiteSpace(joined) ? null : joined;
    }
}
