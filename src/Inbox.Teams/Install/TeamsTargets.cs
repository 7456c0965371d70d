using Inbox.Core.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Inbox.Teams.Install;

/// <summary>
/// Knows the channel where conversation threads start: the one the bot was installed in, or the one someone named with
/// "@Inbox use this channel", kept in the database; <see cref="TeamsOptions.ChannelId"/> overrides the channel.
/// </summary>
/// <remarks>Loaded once at start and kept in memory, so the outbox router can ask without a database read.</remarks>
public sealed class TeamsTargets(IBridgeSettings settings, IOptions<TeamsOptions> options, ILogger<TeamsTargets> logger) : IHostedService
{
    public const string Bridge = "teams";
    private const string TargetKey = "target";

    private volatile TeamsTarget? _stored;
    private volatile bool _loaded;

    /// <summary>The channel threads start in now, or null while Teams has not told Inbox where it is installed.</summary>
    public TeamsTarget? Current => Effective(_stored);

    /// <summary>Where Teams installed the bot (or was told to use), before configuration overrides.</summary>
    public TeamsTarget? Stored => _stored;

    /// <summary>Reads what was stored; the host calls it before it takes requests or delivers anything.</summary>
    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        _stored = TeamsTarget.FromJson(await settings.GetAsync(Bridge, TargetKey, cancellationToken));
        _loaded = true;
        if (Current is { } target) logger.LogInformation("Teams threads start in channel {Channel}", target.ChannelId);
        else logger.LogInformation("Teams bridge is waiting to be installed in a team (or for '@Inbox use this channel')");
    }

    public Task StartAsync(CancellationToken cancellationToken) => _loaded ? Task.CompletedTask : LoadAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>The bot joined a team: its channel becomes the target unless another team's channel already is.</summary>
    public async Task<bool> InstalledAsync(TeamsTarget installed, CancellationToken cancellationToken)
    {
        await settings.SetAsync(Bridge, $"team:{installed.TeamId}", installed.ToJson(), cancellationToken);
        if (_stored is { } existing && existing.TeamId != installed.TeamId) return false;
        await StoreAsync(installed, cancellationToken);
        return true;
    }

    /// <summary>Someone said "use this channel": it becomes the target whatever was there.</summary>
    public Task UseAsync(TeamsTarget chosen, CancellationToken cancellationToken) => StoreAsync(chosen, cancellationToken);

    /// <summary>The bot left a team: when the target was there, threads stop until it is installed again.</summary>
    public async Task RemovedAsync(string teamId, CancellationToken cancellationToken)
    {
        await settings.RemoveAsync(Bridge, $"team:{teamId}", cancellationToken);
        if (_stored?.TeamId != teamId) return;
        await settings.RemoveAsync(Bridge, TargetKey, cancellationToken);
        _stored = null;
        logger.LogWarning("Inbox was removed from team {Team}; Teams threads stop until it is installed again", teamId);
    }

    /// <summary>A channel was deleted: when threads started there, they stop until another channel is chosen.</summary>
    public async Task ChannelDeletedAsync(string channelId, CancellationToken cancellationToken)
    {
        if (_stored?.ChannelId != channelId) return;
        await settings.RemoveAsync(Bridge, TargetKey, cancellationToken);
        _stored = null;
        logger.LogWarning("The Teams channel {Channel} where threads started was deleted; write '@Inbox use this channel' in another one", channelId);
    }

    /// <summary>Teams moved the target's tenant to another Connector address (it says so on every activity): follow it.</summary>
    public async Task SeenServiceUrlAsync(string tenantId, string serviceUrl, CancellationToken cancellationToken)
    {
        if (_stored is { } target && target.TenantId == tenantId && target.ServiceUrl != serviceUrl)
            await StoreAsync(target with { ServiceUrl = serviceUrl }, cancellationToken);
    }

    private async Task StoreAsync(TeamsTarget target, CancellationToken cancellationToken)
    {
        await settings.SetAsync(Bridge, TargetKey, target.ToJson(), cancellationToken);
        _stored = target;
        logger.LogInformation("Teams threads now start in channel {Channel} of team {Team}", Effective(target)!.ChannelId, target.TeamId);
    }

    private TeamsTarget? Effective(TeamsTarget? stored)
    {
        var configured = options.Value;
        if (string.IsNullOrWhiteSpace(configured.ChannelId)) return stored;
        // A configured channel still needs the Connector address and tenant, learned from Teams or configured.
        var tenant = stored?.TenantId ?? configured.TenantId;
        if (string.IsNullOrWhiteSpace(tenant)) return null;
        return new TeamsTarget(stored?.ServiceUrl ?? configured.ServiceUrl.AbsoluteUri, configured.ChannelId, tenant, stored?.TeamId);
    }
}
