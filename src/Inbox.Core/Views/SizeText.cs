using System.Globalization;

namespace Inbox.Core.Views;

/// <summary>File sizes as people read them: "512 B", "1.5 KB", "12 MB".</summary>
public static class SizeText
{
    private static readonly string[] Units = ["B", "KB", "MB", "GB", "TB"];

    public static string Of(long bytes)
    {
        double size = Math.Max(bytes, 0);
        var unit = 0;
        while (size >= 1024 && unit < Units.Length - 1)
        {
            size /= 1024;
            unit++;
        }
        return unit == 0
            ? string.Create(CultureInfo.InvariantCulture, $"{size:0} {Units[unit]}")
            : string.Create(CultureInfo.InvariantCulture, $"{size:0.#} {Units[unit]}");
    }
}
