using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Inbox.Storage;

/// <summary>Lets `dotnet ef migrations add` build the context without starting the host.</summary>
internal sealed class DesignTimeContextFactory : IDesignTimeDbContextFactory<InboxDbContext>
{
    public InboxDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<InboxDbContext>().UseSqlite("Data Source=design-time.db").Options);
}
