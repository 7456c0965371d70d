using System.Security.Claims;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace Inbox.Teams.Inbound;

/// <summary>Checks the bearer token on every activity Teams sends: Bot Framework's signature (keys from its OpenID metadata), issuer, audience, lifetime and serviceurl.</summary>
public sealed class BotFrameworkTokenValidator
{
    public const string BotFrameworkIssuer = "https://api.botframework.com";

    // Keys are kept a day, and fetched again at once (at most every few seconds) when a token names a key we do not have.
    private static readonly TimeSpan KeepKeys = TimeSpan.FromHours(24);
    private static readonly TimeSpan MinForcedRefresh = TimeSpan.FromSeconds(5);

    private readonly JsonWebTokenHandler _handler = new();
    private readonly TeamsOptions _options;
    private readonly HttpDocumentRetriever _retriever;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _fetching = new(1, 1);
    private (OpenIdConnectConfiguration Metadata, DateTimeOffset FetchedAt)? _current;
    private DateTimeOffset _lastForcedRefresh = DateTimeOffset.MinValue;

    public BotFrameworkTokenValidator(IOptions<TeamsOptions> options, HttpClient http, TimeProvider? time = null)
    {
        _options = options.Value;
        _retriever = new HttpDocumentRetriever(http) { RequireHttps = _options.OpenIdMetadataUrl.Scheme == Uri.UriSchemeHttps };
        _time = time ?? TimeProvider.System;
    }

    /// <summary>Who sent the activity, or why the request is refused.</summary>
    public Task<TokenCheck> ValidateAsync(string? authorization, string? activityServiceUrl, CancellationToken cancellationToken) =>
        ValidateAsync(authorization, activityServiceUrl, activityChannelId: null, cancellationToken);

    /// <summary>As above, and the signing key must be endorsed for <paramref name="activityChannelId"/> (e.g. "msteams") when given.</summary>
    public async Task<TokenCheck> ValidateAsync(string? authorization, string? activityServiceUrl, string? activityChannelId, CancellationToken cancellationToken)
    {
        if (authorization is null || !authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            return TokenCheck.Refused("The activity has no bearer token.");
        var token = authorization["Bearer ".Length..].Trim();

        var result = await ValidateWithCurrentKeysAsync(token, forceRefresh: false, cancellationToken);
        if (!result.IsValid && result.Exception is SecurityTokenSignatureKeyNotFoundException)
            // A key we have not seen: Bot Framework rotated its keys; read them again once.
            result = await ValidateWithCurrentKeysAsync(token, forceRefresh: true, cancellationToken);
        if (!result.IsValid)
            return TokenCheck.Refused($"The token is not valid: {result.Exception?.GetType().Name ?? "unknown reason"}.");

        var serviceUrl = result.ClaimsIdentity.FindFirst("serviceurl")?.Value;
        if (serviceUrl is null || activityServiceUrl is null || !SameUrl(serviceUrl, activityServiceUrl))
            return TokenCheck.Refused("The token's serviceurl does not match the activity's serviceUrl.");
        if (activityChannelId is not null && !Endorses(result.SecurityToken, activityChannelId))
            return TokenCheck.Refused($"The token's signing key is not endorsed for channel '{activityChannelId}'.");
        return new TokenCheck(true, null, result.ClaimsIdentity);
    }

    private async Task<TokenValidationResult> ValidateWithCurrentKeysAsync(string token, bool forceRefresh, CancellationToken cancellationToken)
    {
        OpenIdConnectConfiguration metadata;
        try { metadata = await MetadataAsync(forceRefresh, cancellationToken); }
        catch (Exception error) when (error is InvalidOperationException or IOException or HttpRequestException)
        {
            return new TokenValidationResult { IsValid = false, Exception = error };
        }
        var parameters = new TokenValidationParameters
        {
            ValidIssuers = ValidIssuers(),
            ValidAudience = _options.AppId,
            IssuerSigningKeys = metadata.SigningKeys,
            ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
            RequireSignedTokens = true,
            RequireExpirationTime = true,
            ValidateLifetime = true,
            ClockSkew = _options.ClockSkew,
        };
        return await _handler.ValidateTokenAsync(token, parameters);
    }

    private async Task<OpenIdConnectConfiguration> MetadataAsync(bool forceRefresh, CancellationToken cancellationToken)
    {
        await _fetching.WaitAsync(cancellationToken);
        try
        {
            var now = _time.GetUtcNow();
            var stale = _current is not { } current || now - current.FetchedAt > KeepKeys;
            var forced = forceRefresh && now - _lastForcedRefresh >= MinForcedRefresh;
            if (stale || forced)
            {
                if (forced) _lastForcedRefresh = now;
                try
                {
                    var fetched = await OpenIdConnectConfigurationRetriever.GetAsync(_options.OpenIdMetadataUrl.AbsoluteUri, _retriever, cancellationToken);
                    _current = (fetched, now);
                }
                catch (Exception error) when (_current is not null && error is InvalidOperationException or IOException or HttpRequestException)
                {
                    // Bot Framework's metadata is unreachable for a moment: the keys we have are still the best we know.
                }
            }
            return _current!.Value.Metadata;
        }
        finally
        {
            _fetching.Release();
        }
    }

    // Bot Framework lists, per key, the channels it signs for ("endorsements"); a key without the list is not Bot Framework's own.
    private bool Endorses(SecurityToken token, string channelId)
    {
        var kid = (token as JsonWebToken)?.Kid;
        var key = _current?.Metadata.JsonWebKeySet?.Keys.FirstOrDefault(k => k.Kid == kid);
        if (key is null || !key.AdditionalData.TryGetValue("endorsements", out var endorsements)) return true;
        return endorsements switch
        {
            System.Text.Json.JsonElement { ValueKind: System.Text.Json.JsonValueKind.Array } array =>
                array.EnumerateArray().Any(e => e.ValueKind == System.Text.Json.JsonValueKind.String && e.GetString() == channelId),
            IEnumerable<object> list => list.Any(e => e?.ToString() == channelId),
            _ => false,
        };
    }

    private IEnumerable<string> ValidIssuers()
    {
        yield return BotFrameworkIssuer;
        if (_options.TenantId is { Length: > 0 } tenant)
        {
            // Single-tenant bots also get tokens from their own Entra tenant.
            yield return $"https://sts.windows.net/{tenant}/";
            yield return $"https://login.microsoftonline.com/{tenant}/v2.0";
        }
    }

    private static bool SameUrl(string a, string b) =>
        string.Equals(a.TrimEnd('/'), b.TrimEnd('/'), StringComparison.OrdinalIgnoreCase);
}

/// <summary>The outcome of checking an activity's token.</summary>
public sealed record TokenCheck(bool IsValid, string? Reason, ClaimsIdentity? Identity = null)
{
    public static TokenCheck Refused(string reason) => new(false, reason);
}
