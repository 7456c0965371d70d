using System.Collections.Concurrent;
using Inbox.Core.Commands;
using Inbox.Core.Model;
using Inbox.Slack.WebApi;

namespace Inbox.Slack.Inbound;

/// <summary>Turns a Slack user into an Inbox operator: real name, email and profile picture from users.info, linked by email, remembered for a while.</summary>
public sealed class SlackOperators(SlackWebApi slack, OperatorDirectory directory, TimeProvider time)
{
    private static readonly TimeSpan RememberFor = TimeSpan.FromMinutes(10);
    private readonly ConcurrentDictionary<string, (Operator Operator, DateTimeOffset Until)> _known = new(StringComparer.Ordinal);

    /// <summary>The operator behind a Slack user, or null when Slack does not know the user or it is a bot.</summary>
    public async Task<Operator?> ResolveAsync(string slackUserId, CancellationToken cancellationToken)
    {
        if (_known.TryGetValue(slackUserId, out var known) && known.Until > time.GetUtcNow()) return known.Operator;
        var user = await slack.UserAsync(slackUserId, cancellationToken);
        if (user is null || user.IsBot) return null;
        // Without the users:read.email scope there is no email; the Slack id still gives a stable identity.
        var email = user.Email ?? $"{slackUserId.ToLowerInvariant()}@slack.invalid";
        var result = await directory.EnsureAsync(email, user.RealName, op =>
        {
            op.LinkSlack(slackUserId);
            op.SetAvatar(user.ImageUrl);
        }, cancellationToken);
        if (!result.Succeeded) return null;
        _known[slackUserId] = (result.Value, time.GetUtcNow() + RememberFor);
        return result.Value;
    }
}
