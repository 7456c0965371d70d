using System.Text.Json.Nodes;

namespace Inbox.Fakes.BotFramework;

/// <summary>Writes the JWT the Bot Framework channel service sends with each activity, or a deliberately flawed one.</summary>
internal static class ChannelTokens
{
    /// <summary>Another bot's app id, for tokens meant for someone else.</summary>
    private const string OtherAppId = "ffffffff-0000-4000-8000-00000000dead";

    private const string ForeignIssuer = "https://issuer.invalid/botframework";
    private const string ForeignServiceUrl = "https://smba.trafficmanager.net/elsewhere/";

    public static string Issue(BotSigningKeys keys, FakeBotFrameworkOptions options, string serviceUrl, ChannelTokenOptions flaws)
    {
        var now = options.TimeProvider.GetUtcNow();
        var (notBefore, expires) = (now, now + options.ChannelTokenLifetime);
        if (flaws.Expired) (notBefore, expires) = (now.AddHours(-2), now.AddHours(-1));
        if (flaws.NotYetValid) (notBefore, expires) = (now.AddHours(1), now.AddHours(1) + options.ChannelTokenLifetime);

        var audience = flaws.WrongAudience
            ? options.AppId.Equals(OtherAppId, StringComparison.OrdinalIgnoreCase) ? OtherAppId.Replace('f', 'e') : OtherAppId
            : options.AppId;
        var claimedServiceUrl = flaws.WrongServiceUrl
            ? serviceUrl.Equals(ForeignServiceUrl, StringComparison.OrdinalIgnoreCase) ? ForeignServiceUrl + "other/" : ForeignServiceUrl
            : serviceUrl;
        var payload = new JsonObject
        {
            ["serviceurl"] = claimedServiceUrl,
            ["nbf"] = notBefore.ToUnixTimeSeconds(),
            ["iat"] = Math.Min(now.ToUnixTimeSeconds(), notBefore.ToUnixTimeSeconds()),
            ["exp"] = expires.ToUnixTimeSeconds(),
            ["iss"] = flaws.WrongIssuer ? ForeignIssuer : FakeBotFramework.ChannelIssuer,
            ["aud"] = audience,
        };

        var key = flaws.SignedWithUnknownKey ? keys.Unpublished : keys.Current;
        if (flaws.AlgNone)
            return CompactJwt.Unsigned(new JsonObject { ["typ"] = "JWT", ["alg"] = "none", ["kid"] = key.KeyId }, payload);
        return CompactJwt.SignRs256(new JsonObject { ["typ"] = "JWT", ["alg"] = "RS256", ["kid"] = key.KeyId }, payload, key.Rsa);
    }
}
