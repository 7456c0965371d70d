namespace Inbox.Channels.Widget.VisitorFacts;

/// <summary>The broad kind of device a request came from.</summary>
internal enum DeviceClass
{
    Desktop,
    Mobile,
    Tablet,
    Bot,
}

/// <summary>Operating-system families that user-agent strings and client hints both name.</summary>
internal enum PlatformFamily
{
    Windows,
    MacOs,
    Ios,
    IpadOs,
    Android,
    ChromeOs,
    Linux,
    Other,
}

/// <summary>A browser name with the version text to show after it.</summary>
internal sealed record BrowserName(string Name, string? Version)
{
    public override string ToString() => Version is null ? Name : $"{Name} {Version}";
}

/// <summary>What one source (the user-agent string or the client hints) says; any part may be unknown.</summary>
internal sealed record UserAgentReading(
    DeviceClass? DeviceClass,
    string? Model,
    PlatformFamily? Platform,
    string? OperatingSystem,
    BrowserName? Browser)
{
    public static UserAgentReading Nothing { get; } = new(null, null, null, null, null);
}
