namespace Inbox.Host.TeamsPackage;

/// <summary>
/// The host's <c>teams-package</c> verb: writes the zip to upload in Teams (Apps → Manage your apps → Upload an app).
/// Exit codes: 0 written, 1 the manifest folder or its files are not usable, 2 bad arguments.
/// </summary>
public static class TeamsPackageCommand
{
    public const string Verb = "teams-package";
    public const int Written = 0;
    public const int Failed = 1;
    public const int BadArguments = 2;

    /// <summary>Runs the verb with <paramref name="args"/> (those after <c>teams-package</c>); the app id may come from the Teams__AppId environment variable.</summary>
    public static Task<int> RunAsync(string[] args, TextWriter output, TextWriter error) =>
        RunAsync(args, output, error, Environment.GetEnvironmentVariable, TeamsManifestFolder.DefaultStarts, CancellationToken.None);

    /// <param name="environment">Reads an environment variable.</param>
    /// <param name="searchStarts">Where to look upwards for <c>manifests/teams</c> when --manifests is not given.</param>
    internal static async Task<int> RunAsync(
        IReadOnlyList<string> args, TextWriter output, TextWriter error,
        Func<string, string?> environment, IEnumerable<string> searchStarts, CancellationToken cancellationToken)
    {
        if (args.Any(a => a is "--help" or "-h"))
        {
            await output.WriteLineAsync(TeamsPackageArguments.Usage);
            return Written;
        }

        var arguments = TeamsPackageArguments.Parse(args, environment, out var problems);
        if (arguments is null)
        {
            foreach (var problem in problems) await error.WriteLineAsync($"{Verb}: {problem}");
            await error.WriteLineAsync(TeamsPackageArguments.Usage);
            return BadArguments;
        }

        string folder;
        if (arguments.ManifestsDirectory is { } given)
        {
            if (!TeamsManifestFolder.HasManifest(given))
            {
                await error.WriteLineAsync($"{Verb}: --manifests '{given}' has no {TeamsPackageWriter.ManifestFile}.");
                return BadArguments;
            }
            folder = given;
        }
        else if (TeamsManifestFolder.Find(searchStarts) is { } found)
        {
            folder = found;
        }
        else
        {
            await error.WriteLineAsync(
                $"{Verb}: no manifests/teams/{TeamsPackageWriter.ManifestFile} in {string.Join(" or ", searchStarts)} or above; pass --manifests <dir>.");
            return Failed;
        }

        try
        {
            await new TeamsPackageWriter(folder).WriteAsync(arguments.AppId, arguments.Domain, arguments.OutputPath, cancellationToken);
        }
        catch (Exception problem) when (problem is InvalidDataException or IOException or UnauthorizedAccessException)
        {
            await error.WriteLineAsync($"{Verb}: {problem.Message}");
            return Failed;
        }

        await output.WriteLineAsync(
            $"Wrote {Path.GetFullPath(arguments.OutputPath)} for app {arguments.AppId:D} at {arguments.Domain}. "
            + "Upload it in Teams: Apps → Manage your apps → Upload an app.");
        return Written;
    }
}
