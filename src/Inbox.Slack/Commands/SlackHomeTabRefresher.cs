using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Inbox.Slack.Commands;

/// <summary>Publishes a user's Home tab after the event that asked for it has been answered.</summary>
/// <remarks>
/// Slack retries an Events API request that is not answered within 3 seconds, and rendering five views (with
/// views.publish, itself paced by Slack) is work of its own; so app_home_opened is answered at once and the tab follows.
/// The work listens to the host's stopping, not the request, which has ended by then.
/// </remarks>
public sealed class SlackHomeTabRefresher(SlackHomeTab homeTab, IHostApplicationLifetime lifetime, ILogger<SlackHomeTabRefresher> logger)
{
    /// <summary>Starts publishing <paramref name="userId"/>'s Home tab (narrowed to <paramref name="route"/> if given) on the thread pool and returns at once.</summary>
    public void Refresh(string userId, string? route = null) => _ = Task.Run(() => PublishAsync(userId, route), lifetime.ApplicationStopping);

    private async Task PublishAsync(string userId, string? route)
    {
        try
        {
            await homeTab.PublishAsync(userId, lifetime.ApplicationStopping, route);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            logger.LogError(error, "Publishing the Home tab of {User} failed", userId);
        }
    }
}
