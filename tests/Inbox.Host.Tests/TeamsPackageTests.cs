using System.Buffers.Binary;
using System.IO.Compression;
using System.Text.Json;
using Inbox.Host.TeamsPackage;

namespace Inbox.Host.Tests;

public sealed class TeamsPackageTests : IDisposable
{
    private const string AppId = "8f2d4c1a-5b6e-4f70-9a8b-1c2d3e4f5a6b";
    private const string Domain = "inbox.example.com";

    private readonly string _folder = Directory.CreateTempSubdirectory("inbox-teams-package-").FullName;
    private readonly StringWriter _output = new();
    private readonly StringWriter _error = new();

    private string Zip => Path.Combine(_folder, "out", "inbox-teams.zip");

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Package_holds_the_manifest_and_both_icons_at_the_root_of_the_zip()
    {
        // No --manifests: the verb finds manifests/teams above the test's build output.
        var exit = await TeamsPackageCommand.RunAsync(["--app-id", AppId, "--domain", Domain, "--output", Zip], _output, _error);

        Assert.True(exit == 0, _error.ToString());
        Assert.Contains(Zip, _output.ToString());
        using var zip = ZipFile.OpenRead(Zip);
        Assert.Equal(["color.png", "manifest.json", "outline.png"], zip.Entries.Select(e => e.FullName).Order());
    }

    [Fact]
    public async Task Manifest_in_the_package_carries_the_app_id_and_domain_and_no_placeholders()
    {
        var manifest = await PackageManifestAsync();
        var root = manifest.RootElement;

        Assert.DoesNotContain("{{", manifest.RootElement.GetRawText());
        Assert.Equal(AppId, root.GetProperty("id").GetString());
        Assert.Equal(AppId, root.GetProperty("bots")[0].GetProperty("botId").GetString());
        Assert.Equal([Domain], root.GetProperty("validDomains").EnumerateArray().Select(d => d.GetString()));
        var developer = root.GetProperty("developer");
        foreach (var url in new[] { "websiteUrl", "privacyUrl", "termsOfUseUrl" })
            Assert.Equal($"https://{Domain}/", developer.GetProperty(url).GetString());
    }

    [Fact]
    public async Task Manifest_uses_a_current_schema_and_the_fields_teams_requires()
    {
        var root = (await PackageManifestAsync()).RootElement;

        Assert.True(Version.Parse(root.GetProperty("manifestVersion").GetString()!) >= new Version(1, 19));
        Assert.Contains($"/v{root.GetProperty("manifestVersion").GetString()}/", root.GetProperty("$schema").GetString());
        Assert.Equal("Inbox", root.GetProperty("name").GetProperty("short").GetString());
        Assert.Equal("Customer conversations from your website, email and Telegram, in Teams.",
            root.GetProperty("description").GetProperty("short").GetString());
        Assert.False(string.IsNullOrWhiteSpace(root.GetProperty("description").GetProperty("full").GetString()));
        Assert.Equal("color.png", root.GetProperty("icons").GetProperty("color").GetString());
        Assert.Equal("outline.png", root.GetProperty("icons").GetProperty("outline").GetString());
        Assert.Matches("^#[0-9A-Fa-f]{6}$", root.GetProperty("accentColor").GetString());
        Assert.Matches(@"^\d+\.\d+\.\d+$", root.GetProperty("version").GetString());
    }

    [Fact]
    public async Task Bot_works_in_team_and_personal_scope_with_a_command_list_for_each()
    {
        var bot = (await PackageManifestAsync()).RootElement.GetProperty("bots")[0];

        Assert.Equal(["team", "personal"], bot.GetProperty("scopes").EnumerateArray().Select(s => s.GetString()));
        Assert.False(bot.GetProperty("supportsFiles").GetBoolean());
        Assert.False(bot.GetProperty("isNotificationOnly").GetBoolean());
        var lists = bot.GetProperty("commandLists").EnumerateArray().ToList();
        Assert.Equal(["personal", "team"], lists.SelectMany(l => l.GetProperty("scopes").EnumerateArray().Select(s => s.GetString())).Order());
        string[] verbs = ["help", "you", "open", "all", "closed", "spam", "assign", "close", "details", "search"];
        foreach (var list in lists)
        {
            var commands = list.GetProperty("commands").EnumerateArray().ToList();
            Assert.Equal(verbs, commands.Select(c => c.GetProperty("title").GetString()));
            // Teams' limits: 10 commands a list, titles up to 32 characters, descriptions up to 128.
            Assert.InRange(commands.Count, 1, 10);
            Assert.All(commands, c => Assert.InRange(c.GetProperty("description").GetString()!.Length, 1, 128));
        }
    }

    [Fact]
    public async Task Icons_are_a_192_pixel_opaque_colour_square_and_a_32_pixel_white_outline_on_transparency()
    {
        await PackageAsync();
        using var zip = ZipFile.OpenRead(Zip);

        var color = Png.Read(Entry(zip, "color.png"));
        Assert.Equal((192, 192, 6), (color.Width, color.Height, color.ColorType));
        Assert.All(color.Pixels(), p => Assert.Equal(255, p.A));

        var outline = Png.Read(Entry(zip, "outline.png"));
        Assert.Equal((32, 32, 6), (outline.Width, outline.Height, outline.ColorType));
        var pixels = outline.Pixels().ToList();
        Assert.Contains(pixels, p => p.A == 0);
        Assert.Contains(pixels, p => p.A == 255);
        Assert.All(pixels.Where(p => p.A > 0), p => Assert.Equal((255, 255, 255), (p.R, p.G, p.B)));
    }

    [Fact]
    public async Task App_id_falls_back_to_the_Teams__AppId_environment_variable()
    {
        var exit = await RunAsync(["--domain", Domain, "--output", Zip], variable => variable == "Teams__AppId" ? AppId : null);

        Assert.True(exit == 0, _error.ToString());
        using var zip = ZipFile.OpenRead(Zip);
        using var manifest = JsonDocument.Parse(Entry(zip, "manifest.json"));
        Assert.Equal(AppId, manifest.RootElement.GetProperty("id").GetString());
    }

    [Theory]
    [InlineData("not-a-guid")]
    [InlineData("00000000-0000-0000-0000-000000000000")]
    public async Task App_id_that_is_not_a_guid_is_refused_with_exit_code_2_and_no_zip(string appId)
    {
        var exit = await RunAsync(["--app-id", appId, "--domain", Domain, "--output", Zip]);

        Assert.Equal(2, exit);
        Assert.Contains($"--app-id '{appId}' is not an app id", _error.ToString());
        Assert.False(File.Exists(Zip));
    }

    [Fact]
    public async Task Missing_app_id_and_domain_are_both_named_with_exit_code_2()
    {
        var exit = await RunAsync(["--output", Zip]);

        Assert.Equal(2, exit);
        Assert.Contains("--app-id is missing", _error.ToString());
        Assert.Contains("--domain is missing", _error.ToString());
        Assert.Contains("Usage: teams-package", _error.ToString());
        Assert.False(File.Exists(Zip));
    }

    [Theory]
    [InlineData("https://inbox.example.com", "has a scheme")]
    [InlineData("inbox.example.com:8443", "has a port")]
    [InlineData("inbox.example.com/teams", "has a path")]
    [InlineData("203.0.113.7", "is an IP address")]
    [InlineData("*.example.com", "is a wildcard")]
    [InlineData("inbox example.com", "is not a valid host name")]
    public async Task Domain_that_is_not_a_bare_host_name_is_refused_with_exit_code_2_and_no_zip(string domain, string problem)
    {
        var exit = await RunAsync(["--app-id", AppId, $"--domain={domain}", "--output", Zip]);

        Assert.Equal(2, exit);
        Assert.Contains($"--domain '{domain}' {problem}", _error.ToString());
        Assert.False(File.Exists(Zip));
    }

    [Fact]
    public async Task Domain_is_written_in_lower_case_without_a_trailing_dot()
    {
        var manifest = await PackageManifestAsync("Inbox.Example.COM.");

        Assert.Equal(Domain, manifest.RootElement.GetProperty("validDomains")[0].GetString());
    }

    [Fact]
    public async Task Unknown_argument_is_refused_with_exit_code_2()
    {
        var exit = await RunAsync(["--app-id", AppId, "--domain", Domain, "--output", Zip, "--colour", "red"]);

        Assert.Equal(2, exit);
        Assert.Contains("Unknown argument '--colour'", _error.ToString());
        Assert.False(File.Exists(Zip));
    }

    [Fact]
    public async Task Manifests_folder_without_a_manifest_is_refused_with_exit_code_2()
    {
        var empty = Directory.CreateDirectory(Path.Combine(_folder, "empty")).FullName;

        var exit = await RunAsync(["--app-id", AppId, "--domain", Domain, "--output", Zip, "--manifests", empty]);

        Assert.Equal(2, exit);
        Assert.Contains("has no manifest.json", _error.ToString());
        Assert.False(File.Exists(Zip));
    }

    [Fact]
    public async Task Template_with_a_placeholder_the_verb_does_not_fill_fails_and_writes_no_zip()
    {
        var manifests = CopyOfManifests();
        var path = Path.Combine(manifests, "manifest.json");
        await File.WriteAllTextAsync(path, (await File.ReadAllTextAsync(path)).Replace("\"Inbox\"", "\"{{APP_NAME}}\""));

        var exit = await RunAsync(["--app-id", AppId, "--domain", Domain, "--output", Zip, "--manifests", manifests]);

        Assert.Equal(1, exit);
        Assert.Contains("{{APP_NAME}}", _error.ToString());
        Assert.False(File.Exists(Zip));
    }

    [Fact]
    public async Task Icon_of_the_wrong_size_fails_and_writes_no_zip()
    {
        var manifests = CopyOfManifests();
        File.Copy(Path.Combine(manifests, "outline.png"), Path.Combine(manifests, "color.png"), overwrite: true);

        var exit = await RunAsync(["--app-id", AppId, "--domain", Domain, "--output", Zip, "--manifests", manifests]);

        Assert.Equal(1, exit);
        Assert.Contains("color.png is 32×32; Teams needs 192×192", _error.ToString());
        Assert.False(File.Exists(Zip));
    }

    private Task<int> RunAsync(string[] args, Func<string, string?>? environment = null) =>
        TeamsPackageCommand.RunAsync(args, _output, _error, environment ?? (_ => null), [AppContext.BaseDirectory], CancellationToken.None);

    private async Task PackageAsync(string domain = Domain)
    {
        var exit = await RunAsync(["--app-id", AppId, "--domain", domain, "--output", Zip]);
        Assert.True(exit == 0, _error.ToString());
    }

    private async Task<JsonDocument> PackageManifestAsync(string domain = Domain)
    {
        await PackageAsync(domain);
        using var zip = ZipFile.OpenRead(Zip);
        return JsonDocument.Parse(Entry(zip, "manifest.json"));
    }

    private string CopyOfManifests()
    {
        var source = TeamsManifestFolder.Find([AppContext.BaseDirectory]) ?? throw new InvalidOperationException("manifests/teams not found");
        var copy = Directory.CreateDirectory(Path.Combine(_folder, "manifests")).FullName;
        foreach (var file in Directory.GetFiles(source)) File.Copy(file, Path.Combine(copy, Path.GetFileName(file)));
        return copy;
    }

    private static byte[] Entry(ZipArchive zip, string name)
    {
        using var stream = zip.GetEntry(name)!.Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    /// <summary>Just enough of a PNG reader for 8-bit RGBA icons: the IHDR fields and the unfiltered pixels.</summary>
    private sealed record Png(int Width, int Height, byte ColorType, byte[] Scanlines)
    {
        public static Png Read(byte[] file)
        {
            Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, file[..8]);
            Assert.Equal("IHDR"u8.ToArray(), file[12..16]);
            var width = BinaryPrimitives.ReadInt32BigEndian(file.AsSpan(16));
            var height = BinaryPrimitives.ReadInt32BigEndian(file.AsSpan(20));
            Assert.Equal(8, file[24]);
            var data = new MemoryStream();
            for (var at = 8; at < file.Length;)
            {
                var length = BinaryPrimitives.ReadInt32BigEndian(file.AsSpan(at));
                if (file.AsSpan(at + 4, 4).SequenceEqual("IDAT"u8)) data.Write(file, at + 8, length);
                at += 12 + length;
            }
            data.Position = 0;
            using var inflate = new ZLibStream(data, CompressionMode.Decompress);
            var scanlines = new MemoryStream();
            inflate.CopyTo(scanlines);
            return new Png(width, height, file[25], scanlines.ToArray());
        }

        public IEnumerable<(byte R, byte G, byte B, byte A)> Pixels()
        {
            const int bytesPerPixel = 4;
            var stride = Width * bytesPerPixel;
            var previous = new byte[stride];
            for (var y = 0; y < Height; y++)
            {
                var filter = Scanlines[y * (stride + 1)];
                var line = Scanlines.AsSpan(y * (stride + 1) + 1, stride).ToArray();
                for (var x = 0; x < stride; x++)
                {
                    int left = x >= bytesPerPixel ? line[x - bytesPerPixel] : 0, up = previous[x];
                    int upLeft = x >= bytesPerPixel ? previous[x - bytesPerPixel] : 0;
                    line[x] = (byte)(line[x] + filter switch
                    {
                        0 => 0,
                        1 => left,
                        2 => up,
                        3 => (left + up) / 2,
                        4 => Paeth(left, up, upLeft),
                        _ => throw new InvalidDataException($"PNG filter {filter}"),
                    });
                }
                for (var x = 0; x < stride; x += bytesPerPixel)
                    yield return (line[x], line[x + 1], line[x + 2], line[x + 3]);
                previous = line;
            }
        }

        private static int Paeth(int a, int b, int c)
        {
            int p = a + b - c, pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
            return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
        }
    }
}
