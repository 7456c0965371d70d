namespace Inbox.Channels.Widget.VisitorFacts;

/// <summary>Reads device, operating system and browser from user-agent client hints.</summary>
internal static class ClientHintsReader
{
    /// <summary>The engine brand every Chromium browser lists beside its own.</summary>
    public const string ChromiumBrand = "Chromium";

    public static UserAgentReading Read(ClientHints hints)
    {
        var platform = PlatformOf(StructuredHeaderReader.ReadString(hints.Platform));
        var platformVersion = StructuredHeaderReader.ReadString(hints.PlatformVersion);
        var mobile = StructuredHeaderReader.ReadBoolean(hints.Mobile);
        return new UserAgentReading(
            DeviceClassOf(platform, mobile),
            UserAgentModel.Clean(StructuredHeaderReader.ReadString(hints.Model)),
            platform,
            platform is null ? null : OperatingSystemOf(platform.Value, platformVersion),
            BrowserOf(hints));
    }

    /// <summary>The most specific real brand: a named browser before the bare engine, GREASE never.</summary>
    private static BrowserName? BrowserOf(ClientHints hints)
    {
        // The brand list is sent by default; the full version list only when asked for, so it is the fallback.
        var brands = StructuredHeaderReader.ReadBrandList(hints.Brands);
        if (brands.Count == 0)
        {
            brands = StructuredHeaderReader.ReadBrandList(hints.FullVersionList);
        }

        BrandVersion? engine = null;
        foreach (var brand in brands)
        {
            if (IsGrease(brand.Brand) || brand.Brand.Length == 0 || brand.Brand.Any(char.IsControl))
            {
                continue;
            }

            if (string.Equals(brand.Brand, ChromiumBrand, StringComparison.OrdinalIgnoreCase))
            {
                engine ??= brand;
                continue;
            }

            return new BrowserName(DisplayName(brand.Brand), Major(brand.Version));
        }

        return engine is { } chromium ? new BrowserName(ChromiumBrand, Major(chromium.Version)) : null;
    }

    // Chromium adds a made-up brand ("Not A(Brand", "Not/A)Brand", " Not;A Brand") so that
    // servers cannot rely on the list's order or contents; it carries no information.
    private static bool IsGrease(string brand)
    {
        var text = brand.Trim();
        return text.Length <= 16
            && text.StartsWith("Not", StringComparison.OrdinalIgnoreCase)
            && text.EndsWith("Brand", StringComparison.OrdinalIgnoreCase);
    }

    private static string DisplayName(string brand) =>
        brand switch
        {
            "Google Chrome" => "Chrome",
            "Microsoft Edge" => "Edge",
            "Opera GX" or "Opera" => "Opera",
            "YaBrowser" or "Yandex" => "Yandex",
            "Samsung Internet" => "Samsung Internet",
            _ => brand.Length > 40 ? brand[..40] : brand,
        };

    private static string? Major(string? version)
    {
        if (string.IsNullOrEmpty(version))
        {
            return null;
        }

        var dot = version.IndexOf('.');
        var major = dot < 0 ? version : version[..dot];
        return major.Length is > 0 and <= 6 && major.All(char.IsAsciiDigit) ? major : null;
    }

    private static PlatformFamily? PlatformOf(string? platform) =>
        platform?.ToUpperInvariant() switch
        {
            "WINDOWS" => PlatformFamily.Windows,
            "MACOS" => PlatformFamily.MacOs,
            "IOS" => PlatformFamily.Ios,
            "ANDROID" => PlatformFamily.Android,
            "CHROME OS" or "CHROMEOS" or "CHROMIUM OS" => PlatformFamily.ChromeOs,
            "LINUX" => PlatformFamily.Linux,
            _ => null,
        };

    private static DeviceClass? DeviceClassOf(PlatformFamily? platform, bool? mobile) =>
        (platform, mobile) switch
        {
            (_, true) => DeviceClass.Mobile,
            (PlatformFamily.Android, false) => DeviceClass.Tablet,
            (PlatformFamily.Windows or PlatformFamily.MacOs or PlatformFamily.ChromeOs or PlatformFamily.Linux, _) => DeviceClass.Desktop,
            _ => null,
        };

    /// <summary>
    /// The system name with its version, or null when the hint alone is too vague and the
    /// user-agent string should be asked instead.
    /// </summary>
    private static string? OperatingSystemOf(PlatformFamily platform, string? platformVersion)
    {
        var version = TrimVersion(platformVersion);
        return platform switch
        {
            PlatformFamily.Windows => version is null ? null : WindowsName(version),
            PlatformFamily.MacOs => version is null ? null : $"macOS {version}",
            PlatformFamily.Ios => version is null ? null : $"iOS {version}",
            PlatformFamily.Android => version is null ? null : $"Android {version}",
            PlatformFamily.ChromeOs => "ChromeOS",
            // Linux sends no version, and the user-agent string may name the distribution.
            _ => null,
        };
    }

    // Sec-CH-UA-Platform-Version on Windows is the Windows.Foundation.UniversalApiContract
    // version: 13 and above is Windows 11, 1 to 12 Windows 10, 0.1 to 0.3 Windows 7 to 8.1.
    private static string? WindowsName(string version)
    {
        var parts = version.Split('.');
        if (!int.TryParse(parts[0], out var major))
        {
            return null;
        }

        var minor = parts.Length > 1 && int.TryParse(parts[1], out var m) ? m : 0;
        return (major, minor) switch
        {
            ( >= 13, _) => "Windows 11",
            ( >= 1, _) => "Windows 10",
            (0, 3) => "Windows 8.1",
            (0, 2) => "Windows 8",
            (0, 1) => "Windows 7",
            _ => null,
        };
    }

    /// <summary>"14.0.0" becomes "14" and "14.4.0" "14.4"; anything but dotted digits is dropped.</summary>
    private static string? TrimVersion(string? version)
    {
        if (string.IsNullOrWhiteSpace(version) || version.Length > 32)
        {
            return null;
        }

        var parts = version.Trim().Split('.');
        if (parts.Any(part => part.Length == 0 || !part.All(char.IsAsciiDigit)))
        {
            return null;
        }

        var keep = parts.Length;
        while (keep > 1 && parts[keep - 1].All(c => c == '0'))
        {
            keep--;
        }

        return string.Join('.', parts.Take(keep));
    }
}
