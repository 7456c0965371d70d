namespace Inbox.Channels.Telegram.Inbound;

/// <summary>Makes a file name safe to store and show: no folders, quotes or control characters, at most 200 characters.</summary>
public static class TelegramFileNames
{
    public static string Safe(string? fileName, string fallback)
    {
        var name = Path.GetFileName((fileName ?? "").Replace('\\', '/')).Trim();
        name = new string(name.Where(c => !char.IsControl(c) && c is not ('/' or '\\' or '"')).ToArray());
        if (name.Length == 0) return fallback;
        return name.Length <= 200 ? name : name[..200];
    }
}
