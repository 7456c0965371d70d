using Inbox.Teams.Activities;
using Inbox.Teams.Install;
using Microsoft.Extensions.Logging;

namespace Inbox.Teams.Inbound;

/// <summary>conversationUpdate: the bot added to a team (remember where, so threads can start later) or removed from one.</summary>
public sealed class TeamsInstallEvents(TeamsTargets targets, ILogger<TeamsInstallEvents> logger)
{
    public async Task HandleAsync(Activity activity, string botId, CancellationToken ct)
    {
        if (activity.TeamId is not { } teamId || activity.ServiceUrl is null) return; // personal and group chats: nothing to remember
        var botAdded = activity.MembersAdded?.Any(m => IsBot(m?.Id, botId)) == true;
        var botRemoved = activity.MembersRemoved?.Any(m => IsBot(m?.Id, botId)) == true;
        if (botAdded && activity.TenantId is { } tenant)
        {
            // The channel chosen at install time, else the General channel, whose id is the team's.
            var channel = Activity.Read(Activity.At(activity.ChannelData, "settings", "selectedChannel", "id")) ?? activity.TeamsChannelId ?? teamId;
            var became = await targets.InstalledAsync(new TeamsTarget(activity.ServiceUrl, channel, tenant, teamId), ct);
            logger.LogInformation("Inbox was installed in team {Team} (channel {Channel}){Target}", teamId, channel,
                became ? "; conversation threads start there" : "; threads stay where they were");
        }
        else if (botRemoved || activity.EventType is "teamDeleted" or "teamArchived")
            await targets.RemovedAsync(teamId, ct);
        else if (activity.EventType == "channelDeleted" && activity.TeamsChannelId is { } channel)
            await targets.ChannelDeletedAsync(channel, ct);
    }

    public static bool IsBot(string? id, string botId) =>
        id is not null && (id == botId || id.EndsWith(":" + botId.Split(':').Last(), StringComparison.Ordinal));
}
