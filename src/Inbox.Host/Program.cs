using Inbox.Host.Extensions;
using Inbox.Host.TeamsPackage;
using Inbox.Storage;

if (args is [TeamsPackageCommand.Verb, ..])
{
    // `dotnet run --project src/Inbox.Host -- teams-package --app-id <id> --domain <host>`: write the Teams app package and exit.
    Environment.ExitCode = await TeamsPackageCommand.RunAsync(args[1..], Console.Out, Console.Error);
    return;
}

var builder = WebApplication.CreateBuilder(args.Where(a => a != "migrate").ToArray());
builder.AddInbox();
var app = builder.Build();

if (args.Contains("migrate"))
{
    // `dotnet run --project src/Inbox.Host -- migrate`: bring the database up to date and exit.
    await app.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync(CancellationToken.None);
    return;
}

await app.PrepareAsync();
app.UseInbox();
await app.RunAsync();

/// <summary>The entry point, visible to the end-to-end tests' WebApplicationFactory.</summary>
public partial class Program;
