using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Inbox.Slack.Commands;

/// <summary>Publishes a user's Home tab after the event that asked for it has been answered.</summary>
/// <remarks>
/// Slack retries an Events API request that is not answered within 3 seconds, and rendering five views (with
/// views.publish, itself paced by Slack) is work of its own; so app_home_opened is answered at once and the tab follows.
/// The work listens to the host's stopping, not the request, which has ended by then.
/// One user's publishes run one after another, and what is asked while one runs waits for it, only the latest ask
/// kept: two quick picks in the route menu could otherwise land in Slack in the wrong order and leave the tab showing
/// the route picked first.
/// </remarks>
public sealed class SlackHomeTabRefresher(SlackHomeTab homeTab, IHostApplicationLifetime lifetime, ILogger<SlackHomeTabRefresher> logger)
{
    private readonly Lock _gate = new();
    // The users whose tab is being published, each with the ask that came in meanwhile (null: none).
    private readonly Dictionary<string, Ask?> _publishing = [];

    /// <summary>Starts publishing <paramref name="userId"/>'s Home tab (narrowed to <paramref name="route"/> if given) on the thread pool and returns at once.</summary>
    public void Refresh(string userId, string? route = null)
    {
        lock (_gate)
        {
            if (_publishing.ContainsKey(userId))
            {
                _publishing[userId] = new Ask(route);
                return;
            }
            _publishing[userId] = null;
        }
        _ = Task.Run(() => PublishInTurnAsync(userId, route));
    }

    private async Task PublishInTurnAsync(string userId, string? route)
    {
        while (true)
        {
            await PublishAsync(userId, route);
            lock (_gate)
            {
                // Leaving and letting the next ask start a new turn happen under one lock, so no ask is dropped between.
                if (_publishing[userId] is not { } next || lifetime.ApplicationStopping.IsCancellationRequested)
                {
                    _publishing.Remove(userId);
                    return;
                }
                _publishing[userId] = null;
                route = next.Route;
            }
        }
    }

    // Never throws: a failure is logged, and the user's next ask gets its turn.
    private async Task PublishAsync(string userId, string? route)
    {
        try
        {
            await homeTab.PublishAsync(userId, lifetime.ApplicationStopping, route);
        }
        catch (OperationCanceledException) when (lifetime.ApplicationStopping.IsCancellationRequested)
        {
        }
        catch (Exception error)
        {
            logger.LogError(error, "Publishing the Home tab of {User} failed", userId);
        }
    }

    private sealed record Ask(string? Route);
}
