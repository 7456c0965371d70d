namespace Inbox.Host.TeamsPackage;

/// <summary>The <c>teams-package</c> verb's arguments, parsed and checked.</summary>
/// <param name="ManifestsDirectory">The folder holding manifest.json and the icons; null: look for <c>manifests/teams</c>.</param>
internal sealed record TeamsPackageArguments(Guid AppId, string Domain, string OutputPath, string? ManifestsDirectory)
{
    public const string Usage =
        "Usage: teams-package --app-id <GUID> --domain <host> [--output inbox-teams.zip] [--manifests <dir>]\n"
        + "  --app-id     the bot's Microsoft App ID (default: the Teams__AppId environment variable)\n"
        + "  --domain     the public host name Inbox answers at, e.g. inbox.example.com (no https://, path or port)\n"
        + "  --output     where to write the app package (default: inbox-teams.zip)\n"
        + "  --manifests  the folder with manifest.json, color.png and outline.png (default: manifests/teams, found upwards)";

    public const string DefaultOutput = "inbox-teams.zip";

    /// <summary>The environment variable the app id falls back to: the same setting the host binds as <c>Teams:AppId</c>.</summary>
    public const string AppIdVariable = "Teams__AppId";

    private const string AppIdName = "--app-id", DomainName = "--domain", OutputName = "--output", ManifestsName = "--manifests";
    private static readonly string[] Names = [AppIdName, DomainName, OutputName, ManifestsName];

    /// <summary>Parses <c>--name value</c> and <c>--name=value</c> pairs; every problem found is in <paramref name="problems"/>.</summary>
    public static TeamsPackageArguments? Parse(IReadOnlyList<string> args, Func<string, string?> environment, out IReadOnlyList<string> problems)
    {
        var found = new List<string>();
        problems = found;
        var values = ReadValues(args, found);

        var appId = ParseAppId(values.GetValueOrDefault(AppIdName), environment(AppIdVariable), found);
        string? domain = null;
        if (!values.TryGetValue(DomainName, out var domainText))
            found.Add($"{DomainName} is missing: give the public host name Inbox answers at, e.g. inbox.example.com.");
        else if (!TeamsHostName.TryNormalize(domainText, out domain, out var domainProblem))
            found.Add(domainProblem);
        var output = values.GetValueOrDefault(OutputName, DefaultOutput);
        if (string.IsNullOrWhiteSpace(output)) found.Add($"{OutputName} is empty: give the zip file to write.");
        var manifests = values.GetValueOrDefault(ManifestsName);
        if (manifests is not null && string.IsNullOrWhiteSpace(manifests)) found.Add($"{ManifestsName} is empty: give the folder with manifest.json.");

        return found.Count == 0 && appId is { } id && domain is not null
            ? new TeamsPackageArguments(id, domain, output, manifests)
            : null;
    }

    private static Dictionary<string, string> ReadValues(IReadOnlyList<string> args, List<string> problems)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            var equals = arg.IndexOf('=');
            var name = arg.StartsWith("--", StringComparison.Ordinal) && equals > 0 ? arg[..equals] : arg;
            if (!Names.Contains(name))
            {
                problems.Add($"Unknown argument '{arg}'.");
                continue;
            }
            string? value = equals > 0 ? arg[(equals + 1)..]
                : i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal) ? args[++i]
                : null;
            if (value is null) problems.Add($"{name} needs a value.");
            else if (!values.TryAdd(name, value)) problems.Add($"{name} is given twice.");
        }
        return values;
    }

    private static Guid? ParseAppId(string? argument, string? variable, List<string> problems)
    {
        var (text, source) = argument is not null ? (argument, AppIdName) : (variable, AppIdVariable);
        if (string.IsNullOrWhiteSpace(text))
        {
            problems.Add($"{AppIdName} is missing: give the bot's Microsoft App ID (a GUID), or set {AppIdVariable}.");
            return null;
        }
        if (!Guid.TryParse(text.Trim(), out var id) || id == Guid.Empty)
        {
            problems.Add($"{source} '{text}' is not an app id: give the bot's Microsoft App ID, a GUID such as 11111111-2222-3333-4444-555555555555.");
            return null;
        }
        return id;
    }
}
