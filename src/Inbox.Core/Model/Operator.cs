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

    public static string NormalizeEmail(string email) => email.Trim().ToLowerInvariant();

    public void Rename(string displayName)
    {
        if (!string.IsNullOrWhiteSpace(displayName)) DisplayName = displayName.Trim();
    }

    public void LinkSlack(string slackUserId) => SlackUserId = slackUserId;

    public void LinkTeams(string teamsObjectId) => TeamsObjectId = teamsObjectId;
}
