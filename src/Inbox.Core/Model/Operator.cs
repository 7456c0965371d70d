namespace Inbox.Core.Model;

/// <summary>A support agent; linked to Slack and Teams users by email.</summary>
public sealed class Operator
{
    private Operator() { DisplayName = ""; Email = ""; }

    public Operator(Guid id, string displayName, string email)
    {
        Id = id;
        DisplayName = displayName;
        Email = NormalizeEmail(email);
    }

    public Guid Id { get; private set; }
    public string DisplayName { get; private set; }
    /// <summary>Lower-case email: the key that links Slack, Teams and API identities.</summary>
    public string Email { get; private set; }
    public string? SlackUserId { get; private set; }
    public string? TeamsObjectId { get; private set; }
    /// <summary>A picture of the operator (their Slack profile image) the widget shows with their replies; null: initials.</summary>
    public string? AvatarUrl { get; private set; }
    /// <summary>Online operators take new conversations when auto-assignment is on.</summary>
    public OperatorStatus Status { get; private set; }
    /// <summary>Most open conversations assigned at once; null: the configured default.</summary>
    public int? Capacity { get; private set; }
    /// <summary>When a conversation was last given to them automatically (round robin goes to whoever waited longest).</summary>
    public DateTimeOffset? LastAssignedAt { get; private set; }

    public static string NormalizeEmail(string email) => email.Trim().ToLowerInvariant();

    public void Rename(string displayName)
    {
        if (!string.IsNullOrWhiteSpace(displayName)) DisplayName = displayName.Trim();
    }

    public void SetStatus(OperatorStatus status) => Status = status;

    public void SetCapacity(int? capacity) => Capacity = capacity;

    internal void RecordAutoAssignment(DateTimeOffset at) => LastAssignedAt = at;

    public void LinkSlack(string slackUserId) => SlackUserId = slackUserId;

    public void LinkTeams(string teamsObjectId) => TeamsObjectId = teamsObjectId;

    /// <summary>Keeps an https picture URL; anything else (or nothing) leaves the current one.</summary>
    public void SetAvatar(string? url)
    {
        if (Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps && url!.Length <= MaxAvatarUrlLength)
            AvatarUrl = url;
    }

    public const int MaxAvatarUrlLength = 500;
}

/// <summary>Whether an operator is taking conversations.</summary>
public enum OperatorStatus
{
    Offline = 0,
    Online = 1,
    Away = 2,
}
