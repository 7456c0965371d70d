using Inbox.Host.Extensions;
using Inbox.Host.TeamsPackage;
using Inbox.Storage;
using Microsoft.Extensions.Options;

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

try
{
    await app.PrepareAsync();
    app.UseInbox();
    await app.RunAsync();
}
catch (OptionsValidationException invalid)
{
    // A configuration mistake is the admin's to mend: say what is wrong, plainly and synchronously (the console
    // logger writes from a queue that a crashing process may never drain), and exit with 1, not an abort and a trace.
    Console.Error.WriteLine("Inbox cannot start: the configuration is invalid.");
    foreach (var failure in invalid.Failures) Console.Error.WriteLine($"  {failure}");
    Environment.ExitCode = 1;
    await app.DisposeAsync();
}

/// <summary>The entry point, visible to the end-to-end tests' WebApplicationFactory.</summary>
public partial class Program;
