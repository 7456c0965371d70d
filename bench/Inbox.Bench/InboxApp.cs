using Inbox.Host.Extensions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Inbox.Bench;

/// <summary>The real host's composition (what Inbox.Host's Program does) in this process, with the bench's settings.</summary>
internal static class InboxApp
{
    /// <summary>Builds the host without starting it (enough for migrations and queries).</summary>
    public static WebApplication Build(IReadOnlyDictionary<string, string> settings, bool listen)
    {
        var builder = WebApplication.CreateBuilder(settings.Select(s => $"--{s.Key}={s.Value}").ToArray());
        builder.Logging.ClearProviders();
        builder.AddInbox();
        if (listen) builder.WebHost.UseUrls("http://127.0.0.1:0");
        return builder.Build();
    }

    /// <summary>Builds, migrates, seeds operators and starts the host, as Inbox.Host does.</summary>
    public static async Task<WebApplication> StartAsync(IReadOnlyDictionary<string, string> settings, bool listen)
    {
        var app = Build(settings, listen);
        await app.PrepareAsync();
        app.UseInbox();
        await app.StartAsync();
        return app;
    }

    /// <summary>Stops a started host (its hosted services too: Quartz's threads would otherwise keep this process alive) and disposes it.</summary>
    public static async Task StopAsync(WebApplication app)
    {
        using (var stopping = new CancellationTokenSource(TimeSpan.FromSeconds(30))) await app.StopAsync(stopping.Token);
        await app.DisposeAsync();
    }

    /// <summary>Where a started host listens, e.g. http://127.0.0.1:41234/.</summary>
    public static Uri Address(WebApplication app) =>
        new(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/') + "/");

    /// <summary>A new empty folder for one run's database, removed by <see cref="Remove"/>.</summary>
    public static string NewDataDirectory() => Directory.CreateTempSubdirectory("inbox-bench-").FullName;

    public static void Remove(string folder)
    {
        // Pooled connections keep the database files open, and with them their disk space, until the process ends.
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(folder, recursive: true); }
        catch (IOException) { } // a file still held open is left for the temp cleaner
        catch (UnauthorizedAccessException) { }
    }
}
