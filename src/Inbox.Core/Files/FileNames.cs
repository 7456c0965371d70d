namespace Inbox.Core.Files;

/// <summary>Makes a file name a customer sent safe to store, link and show: no folders, quotes or control characters, not only dots, at most 200 characters.</summary>
public static class FileNames
{
    public const int MaxLength = 200;

    public static string Safe(string? fileName, string fallback)
    {
        var name = Path.GetFileName((fileName ?? "").Replace('\\', '/')).Trim();
        name = new string(name.Where(c => !char.IsControl(c) && c is not ('/' or '\\' or '"')).ToArray());
        // "." and ".." would fold the file's link into its parent path.
        if (name.Length == 0 || name.All(c => c == '.')) return fallback;
        return name.Length <= MaxLength ? name : name[..MaxLength];
    }
}
