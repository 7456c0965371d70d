using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Inbox.Host.OperatorApi;

/// <summary>Authenticates "Authorization: Bearer &lt;key&gt;" against the configured operator keys.</summary>
internal sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> schemeOptions,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IOptions<OperatorApiOptions> apiOptions)
    : AuthenticationHandler<AuthenticationSchemeOptions>(schemeOptions, logger, encoder)
{
    public const string SchemeName = "OperatorApiKey";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            return Task.FromResult(AuthenticateResult.NoResult());
        var given = SHA256.HashData(Encoding.UTF8.GetBytes(header["Bearer ".Length..].Trim()));

        // Compare hashes in constant time against every key, so timing says nothing about which one nearly matched.
        OperatorApiKey? match = null;
        foreach (var key in apiOptions.Value.Keys)
            if (CryptographicOperations.FixedTimeEquals(given, SHA256.HashData(Encoding.UTF8.GetBytes(key.Key))))
                match = key;
        if (match is null)
            return Task.FromResult(AuthenticateResult.Fail("Unknown API key."));

        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.Email, match.Email), new Claim(ClaimTypes.Name, match.Name)], SchemeName);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        await Results.Problem(detail: "Send an operator API key as 'Authorization: Bearer <key>'.", statusCode: 401).ExecuteAsync(Context);
    }
}
