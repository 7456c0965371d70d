using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Inbox.Storage.Postgres;

/// <summary>Lets `dotnet ef migrations add` build the PostgreSQL model without a host or a server (nothing connects).</summary>
internal sealed class DesignTimeContextFactory : IDesignTimeDbContextFactory<InboxDbContext>
{
    public InboxDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<InboxDbContext>()
            .UseNpgsql("Host=localhost;Database=inbox_design_time", npgsql => npgsql.MigrationsAssembly(StorageServiceCollectionExtensions.PostgresMigrationsAssembly))
            .Options);
}
