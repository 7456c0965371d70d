using System.Net.Http.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;

namespace Inbox.Teams.Connector;

/// <summary>Gets and caches the bot's own access token for Connector calls (OAuth2 client credentials).</summary>
/// <remarks>A small typed client instead of MSAL: the token endpoint is configuration (tests point it at the fake issuer).</remarks>
public sealed class BotTokenClient(HttpClient http, IOptions<TeamsOptions> options, TimeProvider time)
{
    public const string Scope = "https://api.botframework.com/.default";
    private static readonly TimeSpan RenewBefore = TimeSpan.FromMinutes(5);

    private readonly SemaphoreSlim _renewing = new(1, 1);
    private (string Token, DateTimeOffset ExpiresAt)? _cached;

    /// <summary>A valid token, from the cache while it has more than a few minutes left.</summary>
    public async Task<string> GetTokenAsync(CancellationToken cancellationToken)
    {
        if (_cached is { } fresh && fresh.ExpiresAt - time.GetUtcNow() > RenewBefore) return fresh.Token;
        await _renewing.WaitAsync(cancellationToken);
        try
        {
            if (_cached is { } again && again.ExpiresAt - time.GetUtcNow() > RenewBefore) return again.Token;
            var settings = options.Value;
            using var response = await http.PostAsync(settings.TokenEndpoint, new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "client_credentials",
                ["client_id"] = settings.AppId!,
                ["client_secret"] = settings.AppPassword!,
                ["scope"] = Scope,
            }), cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                var status = (int)response.StatusCode;
                // A throttled or failing token service will answer again later; a refused id or secret will not.
                throw new BotTokenException($"The token endpoint answered {status}: {await response.Content.ReadAsStringAsync(cancellationToken)}",
                    isTransient: status is 429 or >= 500);
            }
            var answer = await response.Content.ReadFromJsonAsync<TokenAnswer>(cancellationToken)
                ?? throw new BotTokenException("The token endpoint answered nothing.");
            _cached = (answer.AccessToken, time.GetUtcNow().AddSeconds(answer.ExpiresIn));
            return answer.AccessToken;
        }
        finally
        {
            _renewing.Release();
        }
    }

    /// <summary>Forgets the cached token (the Connector refused it).</summary>
    public void Forget() => _cached = null;

    private sealed record TokenAnswer(
        [property: JsonPropertyName("access_token")] string AccessToken,
        [property: JsonPropertyName("expires_in")] int ExpiresIn);
}

/// <summary>The bot could not get a token: wrong app id or password (permanent), or the token endpoint is throttling or down (transient).</summary>
public sealed class BotTokenException(string message, bool isTransient = false) : Exception(message)
{
    public bool IsTransient { get; } = isTransient;
}
