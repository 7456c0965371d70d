using Microsoft.Extensions.Options;

namespace Inbox.Teams.Install;

/// <summary>
/// Which Microsoft 365 tenants this Inbox serves: the configured ones (<see cref="TeamsOptions.AllowedTenants"/>, or the
/// single tenant of a single-tenant bot), else the tenant that installed it first. Anyone else's activities are refused,
/// so another organisation uploading a package with our bot id can neither read conversations nor pull threads away.
/// </summary>
public sealed class TeamsTenants(IOptions<TeamsOptions> options, TeamsTargets targets)
{
    public bool Allows(string? tenantId)
    {
        var configured = options.Value.ServedTenants;
        if (configured.Count > 0) return tenantId is not null && configured.Contains(tenantId, StringComparer.OrdinalIgnoreCase);
        // Nothing configured: the first installation claims the bot; before it, the first tenant to talk to it may install it.
        var claimed = targets.Stored?.TenantId;
        return claimed is null || string.Equals(claimed, tenantId, StringComparison.OrdinalIgnoreCase);
    }
}
