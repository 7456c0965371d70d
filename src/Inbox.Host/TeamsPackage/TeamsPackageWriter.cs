using System.IO.Compression;
using System.Text;

namespace Inbox.Host.TeamsPackage;

/// <summary>
/// Writes the Teams app package: the filled-in manifest.json with color.png (192×192) and outline.png (32×32, transparent)
/// at the root of a zip, as Teams requires.
/// </summary>
/// <param name="manifestsDirectory">The folder with the manifest template and the two icons.</param>
internal sealed class TeamsPackageWriter(string manifestsDirectory)
{
    public const string ManifestFile = "manifest.json";
    public const string ColorIcon = "color.png";
    public const string OutlineIcon = "outline.png";
    public const int ColorIconSize = 192;
    public const int OutlineIconSize = 32;

    /// <summary>Writes the package to <paramref name="outputPath"/>, replacing any file there only once the whole zip is written.</summary>
    /// <exception cref="InvalidDataException">The template or an icon is not usable; nothing is written.</exception>
    public async Task WriteAsync(Guid appId, string domain, string outputPath, CancellationToken cancellationToken)
    {
        var template = await File.ReadAllTextAsync(Path.Combine(manifestsDirectory, ManifestFile), cancellationToken);
        var manifest = TeamsManifestTemplate.Fill(template, appId, domain);
        var color = await ReadIconAsync(ColorIcon, ColorIconSize, needsAlpha: false, cancellationToken);
        var outline = await ReadIconAsync(OutlineIcon, OutlineIconSize, needsAlpha: true, cancellationToken);

        using var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
        {
            Add(archive, ManifestFile, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(manifest));
            Add(archive, ColorIcon, color);
            Add(archive, OutlineIcon, outline);
        }

        var target = Path.GetFullPath(outputPath);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var partial = $"{target}.{Guid.NewGuid():N}.tmp";
        try
        {
            await File.WriteAllBytesAsync(partial, zip.ToArray(), cancellationToken);
            File.Move(partial, target, overwrite: true);
        }
        finally
        {
            File.Delete(partial);
        }
    }

    private async Task<byte[]> ReadIconAsync(string name, int size, bool needsAlpha, CancellationToken cancellationToken)
    {
        var bytes = await File.ReadAllBytesAsync(Path.Combine(manifestsDirectory, name), cancellationToken);
        var header = PngHeader.Read(bytes) ?? throw new InvalidDataException($"{name} is not a PNG file.");
        if (header.Width != size || header.Height != size)
            throw new InvalidDataException($"{name} is {header.Width}×{header.Height}; Teams needs {size}×{size}.");
        if (needsAlpha && !header.HasAlpha)
            throw new InvalidDataException($"{name} has no alpha channel; Teams needs a white glyph on a transparent background.");
        return bytes;
    }

    private static void Add(ZipArchive archive, string name, byte[] content)
    {
        using var entry = archive.CreateEntry(name, CompressionLevel.Optimal).Open();
        entry.Write(content);
    }
}
