using System.Text.RegularExpressions;

namespace Inbox.Channels.Widget.VisitorFacts;

/// <summary>Reads device, operating system and browser from a <c>User-Agent</c> string.</summary>
internal static partial class UserAgentStringReader
{
    private const RegexOptions Options = RegexOptions.CultureInvariant;
    private const int TimeoutMs = 200;

    public static UserAgentReading Read(string userAgent)
    {
        var bot = BotSignatures.Match(userAgent);
        var (platform, operatingSystem, appleDevice) = ReadOperatingSystem(userAgent);
        var browser = bot ?? BrowserSignatures.Match(userAgent);
        var deviceClass = bot is not null ? DeviceClass.Bot : ReadDeviceClass(userAgent, platform, appleDevice);
        var model = appleDevice ?? (platform == PlatformFamily.Android ? ReadAndroidModel(userAgent) : null);
        return new UserAgentReading(deviceClass, model, platform, operatingSystem, browser);
    }

    private static (PlatformFamily? Platform, string? OperatingSystem, string? AppleDevice) ReadOperatingSystem(string userAgent)
    {
        // Windows Phone claims Android and iPhone for compatibility, so it goes first.
        if (WindowsPhone().Match(userAgent) is { Success: true } windowsPhone)
        {
            return (PlatformFamily.Other, WithVersion("Windows Phone", windowsPhone.Groups["v"].Value), null);
        }

        // Apple mobile agents say "like Mac OS X", so they go before macOS.
        if (AppleMobile().Match(userAgent) is { Success: true } apple)
        {
            var device = apple.Groups["d"].Value;
            var version = apple.Groups["v"].Value.Replace('_', '.');
            var isIpad = device == "iPad";
            var major = MajorOf(version);
            // Apple renamed the iPad's system iPadOS from version 13.
            var ipadOs = isIpad && (major is null or >= 13);
            return (
                ipadOs ? PlatformFamily.IpadOs : PlatformFamily.Ios,
                WithVersion(ipadOs ? "iPadOS" : "iOS", version),
                device == "iPod" ? "iPod touch" : device);
        }

        // Android agents also say "Linux", so they go before Linux.
        if (Android().Match(userAgent) is { Success: true } android)
        {
            return (PlatformFamily.Android, WithVersion("Android", android.Groups["v"].Value), null);
        }

        if (ChromeOs().IsMatch(userAgent))
        {
            return (PlatformFamily.ChromeOs, "ChromeOS", null);
        }

        if (MacOs().Match(userAgent) is { Success: true } mac)
        {
            return (PlatformFamily.MacOs, WithVersion("macOS", mac.Groups["v"].Value.Replace('_', '.')), null);
        }

        if (Macintosh().IsMatch(userAgent))
        {
            return (PlatformFamily.MacOs, "macOS", null);
        }

        if (Windows().Match(userAgent) is { Success: true } windows)
        {
            return (PlatformFamily.Windows, WindowsName(windows.Groups["v"].Value), null);
        }

        if (LinuxDistribution().Match(userAgent) is { Success: true } distribution)
        {
            return (PlatformFamily.Linux, distribution.Groups["d"].Value, null);
        }

        if (Linux().IsMatch(userAgent))
        {
            return (PlatformFamily.Linux, "Linux", null);
        }

        return (null, null, null);
    }

    private static DeviceClass? ReadDeviceClass(string userAgent, PlatformFamily? platform, string? appleDevice) =>
        platform switch
        {
            PlatformFamily.Ios or PlatformFamily.IpadOs => appleDevice == "iPad" ? DeviceClass.Tablet : DeviceClass.Mobile,
            // Chrome on Android tablets drops the "Mobile" token; Firefox says "Tablet" outright.
            PlatformFamily.Android => MobileToken().IsMatch(userAgent) ? DeviceClass.Mobile : DeviceClass.Tablet,
            PlatformFamily.Windows or PlatformFamily.MacOs or PlatformFamily.ChromeOs or PlatformFamily.Linux => DeviceClass.Desktop,
            _ => MobileToken().IsMatch(userAgent) ? DeviceClass.Mobile : null,
        };

    private static string? ReadAndroidModel(string userAgent)
    {
        var candidate = AndroidModelBeforeBuild().Match(userAgent) is { Success: true } beforeBuild
            ? beforeBuild.Groups["m"].Value
            : AndroidModelAfterVersion().Match(userAgent) is { Success: true } afterVersion
                ? afterVersion.Groups["m"].Value
                : null;
        return UserAgentModel.Clean(candidate);
    }

    internal static string WindowsName(string ntVersion) =>
        ntVersion switch
        {
            // Windows 11 still reports NT 10.0; only client hints can tell it apart.
            "10.0" => "Windows 10",
            "6.3" => "Windows 8.1",
            "6.2" => "Windows 8",
            "6.1" => "Windows 7",
            "6.0" => "Windows Vista",
            "5.1" or "5.2" => "Windows XP",
            _ => "Windows",
        };

    private static string WithVersion(string name, string version) =>
        string.IsNullOrEmpty(version) ? name : $"{name} {version}";

    private static int? MajorOf(string version)
    {
        var dot = version.IndexOf('.');
        return int.TryParse(dot < 0 ? version : version[..dot], out var major) ? major : null;
    }

    [GeneratedRegex(@"\bWindows Phone(?: OS)?(?: (?<v>\d+(?:\.\d+)?))?", Options, TimeoutMs)]
    private static partial Regex WindowsPhone();

    [GeneratedRegex(@"\((?<d>iPhone|iPad|iPod)\b[^)]*?(?:\bOS (?<v>\d+(?:_\d+)*)|\))", Options, TimeoutMs)]
    private static partial Regex AppleMobile();

    [GeneratedRegex(@"\bAndroid(?:[ /](?<v>\d+(?:\.\d+)*))?", Options, TimeoutMs)]
    private static partial Regex Android();

    [GeneratedRegex(@"\bCrOS\b", Options, TimeoutMs)]
    private static partial Regex ChromeOs();

    [GeneratedRegex(@"\bMac OS X(?: (?<v>\d+(?:[_.]\d+)*))?", Options, TimeoutMs)]
    private static partial Regex MacOs();

    [GeneratedRegex(@"\bMacintosh\b", Options, TimeoutMs)]
    private static partial Regex Macintosh();

    [GeneratedRegex(@"\bWindows NT (?<v>\d+\.\d+)|\bWindows\b", Options, TimeoutMs)]
    private static partial Regex Windows();

    [GeneratedRegex(@"\b(?<d>Ubuntu|Fedora|Debian|Linux Mint|openSUSE|Manjaro)\b", Options, TimeoutMs)]
    private static partial Regex LinuxDistribution();

    [GeneratedRegex(@"\b(?:Linux|X11)\b", Options, TimeoutMs)]
    private static partial Regex Linux();

    [GeneratedRegex(@"\bMobi(?:le)?\b", Options, TimeoutMs)]
    private static partial Regex MobileToken();

    // Older Chrome and every WebView: "(Linux; Android 14; Pixel 7 Build/AP1A.240405.002; wv)".
    [GeneratedRegex(@";\s*(?<m>[^;()]+?)\s+Build/", Options, TimeoutMs)]
    private static partial Regex AndroidModelBeforeBuild();

    // Samsung Internet and others: "(Linux; Android 14; SAMSUNG SM-S918B)".
    [GeneratedRegex(@"\bAndroid[ /]\d[\d.]*;\s*(?<m>[^;()]+)", Options, TimeoutMs)]
    private static partial Regex AndroidModelAfterVersion();
}
