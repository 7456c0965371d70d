using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Inbox.Fakes.BotFramework;

/// <summary>
/// The Entra client-credentials endpoint a bot gets its Connector token from, and the Connector's check of
/// that token. Errors carry Entra's shape (<c>error</c>, <c>error_description</c> starting with an AADSTS code, <c>error_codes</c>).
/// </summary>
internal sealed class BotTokenEndpoint(FakeBotFrameworkOptions options) : IDisposable
{
    public const string BotFrameworkTenant = "botframework.com";

    /// <summary>The directory id behind <c>botframework.com</c>, as Microsoft's docs show it in token issuers.</summary>
    public const string BotFrameworkTenantId = "d6d49420-f39b-4df7-a1dc-d59a935871db";

    public const string ConnectorAudience = "https://api.botframework.com";
    public const string ConnectorScope = ConnectorAudience + "/.default";

    private readonly Lock _gate = new();
    private readonly RsaSigningKey _key = RsaSigningKey.FromShared("entra-", SharedKeyMaterial.AccessToken);

    // The signing material is shared between fakes in a process, so each fake accepts only the tokens it issued itself.
    private readonly HashSet<string> _live = new(StringComparer.Ordinal);
    private int _issued;

    public int TokensIssued => Volatile.Read(ref _issued);

    public BotAnswer Handle(string tenant, IReadOnlyDictionary<string, string> form)
    {
        string? Field(string name) => form.TryGetValue(name, out var value) && value.Length > 0 ? value : null;

        if (Field("grant_type") is not { } grantType) return Missing("grant_type");
        if (grantType != "client_credentials")
            return Error(400, "unsupported_grant_type", 70003, $"The app requested an unsupported grant type '{grantType}'.");
        if (!IsKnownTenant(tenant))
            return Error(400, "invalid_request", 90002, $"Tenant '{tenant}' not found.");
        if (Field("client_id") is not { } clientId) return Missing("client_id");
        if (!string.Equals(clientId, options.AppId, StringComparison.OrdinalIgnoreCase))
            return Error(400, "unauthorized_client", 700016, $"Application with identifier '{clientId}' was not found in the directory '{tenant}'.");
        if (Field("scope") is not { } scope) return Missing("scope");
        if (scope != ConnectorScope)
            return Error(400, "invalid_scope", 70011, $"The provided value for the input parameter 'scope' is not valid. The scope {scope} is not valid.");
        if (Field("client_secret") is not { } secret)
            return Error(401, "invalid_client", 7000216, "'client_assertion', 'client_secret' or 'request' is required for the 'client_credentials' grant type.");
        if (!string.Equals(secret, options.AppPassword, StringComparison.Ordinal))
            return Error(401, "invalid_client", 7000215, $"Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '{clientId}'.");

        var lifetime = (long)options.AccessTokenLifetime.TotalSeconds;
        Interlocked.Increment(ref _issued);
        return BotAnswer.Json(StatusCodes.Status200OK, new JsonObject
        {
            ["token_type"] = "Bearer",
            ["expires_in"] = lifetime,
            ["ext_expires_in"] = lifetime,
            ["access_token"] = IssueAccessToken(tenant, clientId),
        });
    }

    /// <summary>True for a bearer token this endpoint issued for the bot, for the Connector, and still within its lifetime.</summary>
    public bool Accepts(string? authorization)
    {
        const string scheme = "Bearer ";
        if (authorization is null || !authorization.StartsWith(scheme, StringComparison.OrdinalIgnoreCase)) return false;
        if (CompactJwt.VerifiedPayload(authorization[scheme.Length..].Trim(), _key.Rsa) is not { } claims) return false;
        if ((string?)claims["uti"] is not { } tokenId) return false;
        lock (_gate)
            if (!_live.Contains(tokenId)) return false;

        var now = options.TimeProvider.GetUtcNow().ToUnixTimeSeconds();
        return (string?)claims["aud"] == ConnectorAudience
               && string.Equals((string?)claims["appid"], options.AppId, StringComparison.OrdinalIgnoreCase)
               && claims["nbf"]?.GetValue<long>() <= now
               && claims["exp"]?.GetValue<long>() > now;
    }

    /// <summary>Every access token issued so far stops working; callers must fetch a new one.</summary>
    public void RevokeAll()
    {
        lock (_gate) _live.Clear();
    }

    public void Dispose() => _key.Dispose();

    private bool IsKnownTenant(string tenant) =>
        string.Equals(tenant, BotFrameworkTenant, StringComparison.OrdinalIgnoreCase)
        || string.Equals(tenant, options.TenantId, StringComparison.OrdinalIgnoreCase);

    private string IssueAccessToken(string tenant, string clientId)
    {
        var tenantId = string.Equals(tenant, BotFrameworkTenant, StringComparison.OrdinalIgnoreCase) ? BotFrameworkTenantId : tenant;
        var issuer = $"https://sts.windows.net/{tenantId}/";
        var now = options.TimeProvider.GetUtcNow().ToUnixTimeSeconds();
        var tokenId = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(16));
        lock (_gate) _live.Add(tokenId);
        var header = new JsonObject { ["typ"] = "JWT", ["alg"] = "RS256", ["kid"] = _key.KeyId };
        var payload = new JsonObject
        {
            ["aud"] = ConnectorAudience,
            ["iss"] = issuer,
            ["iat"] = now,
            ["nbf"] = now,
            ["exp"] = now + (long)options.AccessTokenLifetime.TotalSeconds,
            ["appid"] = clientId,
            ["appidacr"] = "1",
            ["idp"] = issuer,
            ["tid"] = tenantId,
            ["uti"] = tokenId,
            ["ver"] = "1.0",
        };
        return CompactJwt.SignRs256(header, payload, _key.Rsa);
    }

    private BotAnswer Missing(string parameter) =>
        Error(400, "invalid_request", 900144, $"The request body must contain the following parameter: '{parameter}'.");

    private BotAnswer Error(int status, string error, int code, string description)
    {
        var traceId = Guid.NewGuid().ToString();
        return BotAnswer.Json(status, new JsonObject
        {
            ["error"] = error,
            ["error_description"] = $"AADSTS{code}: {description} Trace ID: {traceId}",
            ["error_codes"] = new JsonArray(code),
            ["timestamp"] = options.TimeProvider.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd HH:mm:ssZ", CultureInfo.InvariantCulture),
            ["trace_id"] = traceId,
            ["correlation_id"] = Guid.NewGuid().ToString(),
        });
    }
}
