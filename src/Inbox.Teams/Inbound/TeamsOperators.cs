using System.Collections.Concurrent;
using Inbox.Core.Commands;
using Inbox.Core.Model;
using Inbox.Teams.Connector;

namespace Inbox.Teams.Inbound;

/// <summary>
/// Turns a Teams user into an Inbox operator: real name and email from the conversation members API, linked by email
/// (so the same person in Slack and Teams is one operator), remembered for a while.
/// </summary>
public sealed class TeamsOperators(ConnectorClient connector, OperatorDirectory directory, TimeProvider time)
{
    private static readonly TimeSpan RememberFor = TimeSpan.FromMinutes(10);
    private readonly ConcurrentDictionary<string, (Operator Operator, DateTimeOffset Until)> _known = new(StringComparer.Ordinal);

    /// <summary>The operator behind <paramref name="userId"/> (a 29:... id) as a member of <paramref name="conversationId"/>; null when Teams does not know them.</summary>
    public async Task<Operator?> ResolveAsync(Uri serviceUrl, string conversationId, string userId, CancellationToken cancellationToken)
    {
        if (_known.TryGetValue(userId, out var known) && known.Until > time.GetUtcNow()) return known.Operator;
        var member = await connector.GetMemberAsync(serviceUrl, conversationId, userId, cancellationToken);
        // Teams being busy is not "nobody": the activity is answered 503 and Teams sends it again.
        if (member.Outcome == ConnectorOutcome.Transient) throw new TeamsUnavailableException($"Teams could not describe member {userId}: {member.Error}");
        if (!member.Ok) return null;
        var name = member.Field("name");
        var objectId = member.Field("aadObjectId");
        // Teams gives email (or the user principal name, usually the same address); without either the Entra id keeps the identity stable.
        var email = member.Field("email") ?? Address(member.Field("userPrincipalName"))
            ?? $"{(objectId ?? userId.Replace(':', '-')).ToLowerInvariant()}@teams.invalid";
        var result = await directory.EnsureAsync(email, string.IsNullOrWhiteSpace(name) ? email : name,
            op => op.LinkTeams(objectId ?? userId), cancellationToken);
        if (!result.Succeeded) return null;
        _known[userId] = (result.Value, time.GetUtcNow() + RememberFor);
        return result.Value;
    }

    private static string? Address(string? userPrincipalName) => userPrincipalName?.Contains('@') == true ? userPrincipalName : null;
}

/// <summary>Teams did not answer a call the handling of an activity needs; the activity should be retried later.</summary>
public sealed class TeamsUnavailableException(string message) : Exception(message);
