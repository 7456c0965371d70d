namespace Inbox.Fakes.Telegram;

/// <summary>A file the fake hosts: getFile describes it and <c>/file/bot{token}/{FilePath}</c> serves it.</summary>
/// <param name="Content">The bytes; null for a file getFile refuses as too big.</param>
/// <param name="Width">For a photo size: its width (and <paramref name="Height"/>).</param>
public sealed record FakeTelegramFile(string FileId, string FileUniqueId, string FilePath, long Size, byte[]? Content, int Width = 0, int Height = 0);
