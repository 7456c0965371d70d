using Inbox.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Inbox.Host.Health;

/// <summary>Healthy when the database answers a trivial query.</summary>
internal sealed class DatabaseHealthCheck(IDbContextFactory<InboxDbContext> contexts) : IHealthCheck
{
    /// <summary>Longest a check waits for the database: a server that stopped answering must not hang <c>/health</c>.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            return await db.Database.CanConnectAsync(cancellationToken)
                ? HealthCheckResult.Healthy("Database reachable.")
                : HealthCheckResult.Unhealthy("Database not reachable.");
        }
        catch (Exception error)
        {
            return HealthCheckResult.Unhealthy("Database check failed.", error);
        }
    }
}
