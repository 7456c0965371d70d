using System.Text.Json;

namespace Inbox.Teams.Install;

/// <summary>Where conversation threads start: a Teams channel, its tenant and the Connector address (serviceUrl) that reaches it.</summary>
public sealed record TeamsTarget(string ServiceUrl, string ChannelId, string TenantId, string? TeamId)
{
    public string ToJson() => JsonSerializer.Serialize(this, Activities.Activity.Json);

    public static TeamsTarget? FromJson(string? json)
    {
        if (string.IsNullOrEmpty(json)) return null;
        try { return JsonSerializer.Deserialize<TeamsTarget>(json, Activities.Activity.Json); }
        catch (JsonException) { return null; }
    }
}
