using System.Text.RegularExpressions;

namespace Inbox.Channels.Widget.VisitorFacts;

/// <summary>Turns a visitor's <c>User-Agent</c> string and client hints into facts an agent can read.</summary>
/// <remarks>
/// Stateless and thread-safe. Client hints win where they speak, because Chromium freezes the
/// parts of its user-agent string that the hints carry (Windows 11 says "NT 10.0", every Mac says
/// "10_15_7", every Android phone "Android 10; K").
/// </remarks>
public sealed class UserAgentParser
{
    // Real strings stay well under 512 characters; the cap bounds the work a hostile one can cause.
    private const int MaxUserAgentLength = 2048;

    /// <summary>Reads what is knowable; unrecognised or empty input gives nulls, never an exception.</summary>
    public DeviceFacts Parse(string? userAgent, ClientHints? hints = null)
    {
        try
        {
            return Combine(ReadString(userAgent), hints is null || hints.IsEmpty ? UserAgentReading.Nothing : ClientHintsReader.Read(hints));
        }
        catch (RegexMatchTimeoutException)
        {
            return DeviceFacts.Unknown;
        }
    }

    private static UserAgentReading ReadString(string? userAgent)
    {
        if (string.IsNullOrWhiteSpace(userAgent))
        {
            return UserAgentReading.Nothing;
        }

        var text = userAgent.Length > MaxUserAgentLength ? userAgent[..MaxUserAgentLength] : userAgent;
        return UserAgentStringReader.Read(text.Trim());
    }

    private static DeviceFacts Combine(UserAgentReading fromString, UserAgentReading fromHints)
    {
        if (fromString.DeviceClass == DeviceClass.Bot)
        {
            // Crawlers send no hints worth believing; their own name is the useful fact.
            return new DeviceFacts(nameof(DeviceClass.Bot), fromString.OperatingSystem, fromString.Browser?.ToString());
        }

        var platformsAgree = fromHints.Platform is null || fromHints.Platform == fromString.Platform;

        var operatingSystem = fromHints.OperatingSystem
            ?? (platformsAgree ? fromString.OperatingSystem : FamilyName(fromHints.Platform!.Value));

        var browser = fromHints.Browser switch
        {
            null => fromString.Browser,
            // A bare "Chromium" brand is less than the string knows when it names, say, Vivaldi or a WebView.
            { Name: ClientHintsReader.ChromiumBrand } engine =>
                fromString.Browser is { Name: not "Chrome" } named ? named : engine,
            var named => named,
        };

        var deviceClass = fromHints.DeviceClass ?? fromString.DeviceClass;
        var model = fromHints.Model ?? (platformsAgree ? fromString.Model : null);

        return new DeviceFacts(DeviceName(deviceClass, model), operatingSystem, browser?.ToString());
    }

    private static string? DeviceName(DeviceClass? deviceClass, string? model) =>
        deviceClass switch
        {
            null => null,
            DeviceClass.Mobile or DeviceClass.Tablet when model is not null => $"{deviceClass} ({model})",
            _ => deviceClass.ToString(),
        };

    private static string FamilyName(PlatformFamily platform) =>
        platform switch
        {
            PlatformFamily.Windows => "Windows",
            PlatformFamily.MacOs => "macOS",
            PlatformFamily.Ios => "iOS",
            PlatformFamily.IpadOs => "iPadOS",
            PlatformFamily.Android => "Android",
            PlatformFamily.ChromeOs => "ChromeOS",
            PlatformFamily.Linux => "Linux",
            _ => platform.ToString(),
        };
}
