using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace Inbox.Host.Tests;

public sealed class MigrateVerbTests
{
    [Fact]
    public async Task Migrate_verb_creates_the_database_and_exits_without_serving()
    {
        var folder = Directory.CreateTempSubdirectory("inbox-migrate-").FullName;
        var hostDll = Path.Combine(AppContext.BaseDirectory, "Inbox.Host.dll");
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { hostDll, "migrate", $"--Storage:DataDirectory={folder}", "--urls=http://127.0.0.1:0" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = folder,
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);

        Assert.True(process.ExitCode == 0, $"exit {process.ExitCode}: {await output}{await errors}");
        Assert.DoesNotContain("Now listening", await output);
        await using var db = new SqliteConnection($"Data Source={Path.Combine(folder, "inbox.db")}");
        await db.OpenAsync();
        var command = db.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM __EFMigrationsHistory";
        Assert.True((long)(await command.ExecuteScalarAsync())! >= 1);
        command.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", (string)(await command.ExecuteScalarAsync())!);
    }
}
