namespace Inbox.Host.TeamsPackage;

/// <summary>Finds <c>manifests/teams</c>, the folder with the Teams app manifest template and its icons, above a starting folder.</summary>
internal static class TeamsManifestFolder
{
    /// <summary>Where the search starts: the current directory (a repo checkout) and the host's own folder (its build output).</summary>
    public static IReadOnlyList<string> DefaultStarts => [Directory.GetCurrentDirectory(), AppContext.BaseDirectory];

    /// <summary>True when <paramref name="folder"/> holds a manifest.json.</summary>
    public static bool HasManifest(string folder) => File.Exists(Path.Combine(folder, TeamsPackageWriter.ManifestFile));

    /// <summary>The first <c>manifests/teams</c> with a manifest.json in a start folder or one of its parents; null when none has one.</summary>
    public static string? Find(IEnumerable<string> starts)
    {
        foreach (var start in starts)
        {
            for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
            {
                var candidate = Path.Combine(folder.FullName, "manifests", "teams");
                if (HasManifest(candidate)) return candidate;
            }
        }
        return null;
    }
}
