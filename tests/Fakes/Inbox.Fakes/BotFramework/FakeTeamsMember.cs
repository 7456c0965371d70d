using System.Text.Json.Nodes;

namespace Inbox.Fakes.BotFramework;

/// <summary>A person in the fake tenant, as the Connector's get-member call describes them.</summary>
/// <param name="Id">The Teams user id, e.g. <c>29:1AbC...</c>.</param>
/// <param name="AadObjectId">The Entra object id; get-member finds a member by this too.</param>
public sealed record FakeTeamsMember(string Id, string Name, string? Email, string AadObjectId, string TenantId)
{
    public string GivenName => Name.Split(' ', 2)[0];

    public string? Surname => Name.Split(' ', 2) is [_, var rest] ? rest : null;

    /// <summary>The <c>from</c>/<c>recipient</c> account object of an activity.</summary>
    public JsonObject ToAccount() => new() { ["id"] = Id, ["name"] = Name, ["aadObjectId"] = AadObjectId };

    /// <summary>The TeamsChannelAccount the get-member call answers with.</summary>
    internal JsonObject ToTeamsChannelAccount() => new()
    {
        ["id"] = Id,
        ["name"] = Name,
        ["aadObjectId"] = AadObjectId,
        ["givenName"] = GivenName,
        ["surname"] = Surname,
        ["email"] = Email,
        ["userPrincipalName"] = Email,
        ["tenantId"] = TenantId,
        ["userRole"] = "user",
    };
}
