namespace Inbox.Core.Model;

/// <summary>Tag rules shared by contacts and conversations: lower-case words, no duplicates.</summary>
public static class TagSet
{
    public const int MaxLength = 40;

    /// <summary>Normalises a tag, or returns null when it is not a usable tag.</summary>
    public static string? Normalize(string? tag)
    {
        var t = tag?.Trim().TrimStart('#').ToLowerInvariant();
        if (string.IsNullOrEmpty(t) || t.Length > MaxLength) return null;
        foreach (var c in t)
            if (!(char.IsLetterOrDigit(c) || c is '-' or '_' or '.' or ':')) return null;
        return t;
    }

    // Tags are replaced with a new list rather than mutated so change tracking sees the change.
    internal static bool Add(ref List<string> tags, string tag)
    {
        if (tags.Contains(tag)) return false;
        tags = [.. tags, tag];
        return true;
    }

    internal static bool Remove(ref List<string> tags, string tag)
    {
        if (!tags.Contains(tag)) return false;
        tags = tags.Where(t => t != tag).ToList();
        return true;
    }
}
