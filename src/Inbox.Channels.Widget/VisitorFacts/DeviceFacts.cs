namespace Inbox.Channels.Widget.VisitorFacts;

/// <summary>What a visitor's browser says about itself, ready to show to an agent.</summary>
/// <param name="Device">"Desktop", "Mobile", "Tablet" or "Bot", with the model in parentheses when known: "Mobile (Pixel 7)".</param>
/// <param name="OperatingSystem">Name and version where known: "Windows 11", "macOS 14.4.1", "iOS 17.4", "Android 14".</param>
/// <param name="Browser">Name and major version: "Chrome 124", "Firefox 126"; Safari keeps its minor version: "Safari 17.4".</param>
public sealed record DeviceFacts(string? Device, string? OperatingSystem, string? Browser)
{
    internal static DeviceFacts Unknown { get; } = new(null, null, null);
}
