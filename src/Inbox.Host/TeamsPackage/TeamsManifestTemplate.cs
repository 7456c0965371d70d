using System.Text.Json;
using System.Text.RegularExpressions;

namespace Inbox.Host.TeamsPackage;

/// <summary>Fills the manifest template's <c>{{APP_ID}}</c> and <c>{{DOMAIN}}</c> and checks the result is a manifest Teams will take.</summary>
internal static partial class TeamsManifestTemplate
{
    public const string AppIdPlaceholder = "{{APP_ID}}";
    public const string DomainPlaceholder = "{{DOMAIN}}";

    /// <summary>The manifest for <paramref name="appId"/> at <paramref name="domain"/>; <see cref="InvalidDataException"/> when the template is not usable.</summary>
    /// <param name="domain">A host name already checked by <see cref="TeamsHostName"/>, so it needs no JSON escaping.</param>
    public static string Fill(string template, Guid appId, string domain)
    {
        var id = appId.ToString("D");
        var manifest = template.Replace(AppIdPlaceholder, id, StringComparison.Ordinal).Replace(DomainPlaceholder, domain, StringComparison.Ordinal);
        if (Placeholder().Match(manifest) is { Success: true } left)
            throw new InvalidDataException($"{TeamsPackageWriter.ManifestFile} has a placeholder teams-package does not fill: {left.Value}.");

        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(manifest);
            root = document.RootElement.Clone();
        }
        catch (JsonException error)
        {
            throw new InvalidDataException($"{TeamsPackageWriter.ManifestFile} is not valid JSON: {error.Message}");
        }

        if (root.ValueKind != JsonValueKind.Object || Text(root, "id") != id)
            throw new InvalidDataException($"{TeamsPackageWriter.ManifestFile} must have \"id\": \"{AppIdPlaceholder}\".");
        if (!root.TryGetProperty("icons", out var icons) || icons.ValueKind != JsonValueKind.Object
            || Text(icons, "color") != TeamsPackageWriter.ColorIcon || Text(icons, "outline") != TeamsPackageWriter.OutlineIcon)
            throw new InvalidDataException(
                $"{TeamsPackageWriter.ManifestFile} must name its icons \"{TeamsPackageWriter.ColorIcon}\" and \"{TeamsPackageWriter.OutlineIcon}\", the files the package holds.");
        return manifest;
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    [GeneratedRegex(@"\{\{[^}]*\}\}")]
    private static partial Regex Placeholder();
}
