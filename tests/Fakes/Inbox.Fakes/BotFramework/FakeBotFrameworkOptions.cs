namespace Inbox.Fakes.BotFramework;

/// <summary>Who the fake bot registration is, which tenant it lives in, and which clock the fake keeps.</summary>
public sealed record FakeBotFrameworkOptions
{
    /// <summary>The bot's Microsoft App ID: the <c>client_id</c> the token endpoint accepts and the <c>aud</c> of channel tokens.</summary>
    public string AppId { get; init; } = "00000000-0000-4000-8000-00000000b07f";

    /// <summary>The only <c>client_secret</c> the token endpoint accepts.</summary>
    public string AppPassword { get; init; } = "fake-app-password";

    /// <summary>The bot's display name, as mentions show it (<c>&lt;at&gt;Inbox&lt;/at&gt;</c>).</summary>
    public string BotName { get; init; } = "Inbox";

    /// <summary>The Entra tenant of the team; also accepted in the token endpoint path (single-tenant bots).</summary>
    public string TenantId { get; init; } = "11111111-2222-4333-8444-555555555555";

    /// <summary>Channels the signing keys vouch for (the JWKS <c>endorsements</c>).</summary>
    public IReadOnlyList<string> Endorsements { get; init; } = ["msteams"];

    public TimeSpan ChannelTokenLifetime { get; init; } = TimeSpan.FromHours(1);

    /// <summary>Lifetime of access tokens from the token endpoint (<c>expires_in</c>).</summary>
    public TimeSpan AccessTokenLifetime { get; init; } = TimeSpan.FromHours(1);

    /// <summary>Feeds token times, message ids and Timeout faults; a <c>FakeTimeProvider</c> makes them deterministic.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}
