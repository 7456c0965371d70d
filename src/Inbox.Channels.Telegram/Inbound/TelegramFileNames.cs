namespace Inbox.Channels.Telegram.Inbound;

/// <summary>Makes a file name safe to store and show (see <see cref="Core.Files.FileNames"/>).</summary>
public static class TelegramFileNames
{
    public static string Safe(string? fileName, string fallback) => Core.Files.FileNames.Safe(fileName, fallback);
}
