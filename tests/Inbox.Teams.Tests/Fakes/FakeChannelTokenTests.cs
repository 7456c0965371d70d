using System.Net;
using System.Text.Json.Nodes;
using Inbox.Fakes.BotFramework;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace Inbox.Teams.Tests.Fakes;

public sealed class FakeChannelTokenTests : IAsyncLifetime
{
    private const string AppId = "3f1c9a52-7b1e-4d7a-9c2e-0a1b2c3d4e5f";
    private const string ServiceUrl = "https://smba.trafficmanager.net/emea/";
    private FakeBotFramework _bot = null!;
    private RawBotClient _client = null!;

    public async Task InitializeAsync()
    {
        _bot = await FakeBotFramework.StartAsync(AppId, "s3cret");
        _client = new RawBotClient(_bot);
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _bot.DisposeAsync();
    }

    [Fact]
    public async Task Openid_metadata_names_the_botframework_issuer_rs256_and_this_servers_jwks()
    {
        var answer = await _client.GetAsync(_bot.OpenIdMetadataUrl);

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal("/.well-known/openidconfiguration", _bot.OpenIdMetadataUrl.AbsolutePath);
        Assert.Equal("https://api.botframework.com", answer.Field("issuer"));
        Assert.Equal(_bot.JwksUrl.ToString(), answer.Field("jwks_uri"));
        Assert.Equal(["RS256"], answer.Json!["id_token_signing_alg_values_supported"]!.AsArray().Select(a => (string?)a));
        Assert.Equal(["RS256"], answer.Json!["token_endpoint_auth_signing_alg_values_supported"]!.AsArray().Select(a => (string?)a));
    }

    [Fact]
    public async Task Jwks_lists_the_signing_key_as_an_rsa_signature_key_endorsed_for_msteams()
    {
        var answer = await _client.GetAsync(_bot.JwksUrl);

        var key = Assert.Single(answer.Json!["keys"]!.AsArray())!.AsObject();
        Assert.Equal("RSA", (string?)key["kty"]);
        Assert.Equal("sig", (string?)key["use"]);
        Assert.Equal(_bot.SigningKeyId, (string?)key["kid"]);
        Assert.Equal("AQAB", (string?)key["e"]);
        Assert.Equal(256, Base64UrlEncoder.DecodeBytes((string)key["n"]!).Length); // a 2048-bit modulus
        Assert.Equal(["msteams"], key["endorsements"]!.AsArray().Select(e => (string?)e));
    }

    [Fact]
    public async Task A_channel_token_validates_against_the_published_keys_with_botframework_rules()
    {
        var token = _bot.IssueChannelToken(ServiceUrl);

        var result = await ValidateAsync(token, await PublishedKeysAsync());

        Assert.True(result.IsValid, result.Exception?.Message);
        var jwt = (JsonWebToken)result.SecurityToken;
        Assert.Equal("RS256", jwt.Alg);
        Assert.Equal(_bot.SigningKeyId, jwt.Kid);
        Assert.Equal(ServiceUrl, jwt.GetClaim("serviceurl").Value);
        Assert.Equal(TimeSpan.FromHours(1), jwt.ValidTo - jwt.ValidFrom);
        Assert.Equal(jwt.ValidFrom, jwt.IssuedAt);
    }

    [Fact]
    public async Task The_standard_openid_configuration_manager_reads_the_metadata_and_its_keys()
    {
        var manager = new ConfigurationManager<OpenIdConnectConfiguration>(
            _bot.OpenIdMetadataUrl.ToString(), new OpenIdConnectConfigurationRetriever(), new HttpDocumentRetriever { RequireHttps = false });

        var configuration = await manager.GetConfigurationAsync(CancellationToken.None);

        Assert.Equal("https://api.botframework.com", configuration.Issuer);
        Assert.Equal(_bot.SigningKeyId, Assert.Single(configuration.SigningKeys).KeyId);
    }

    public static TheoryData<string> Flaws => ["Expired", "NotYetValid", "WrongAudience", "WrongIssuer", "SignedWithUnknownKey", "AlgNone"];

    [Theory]
    [MemberData(nameof(Flaws))]
    public async Task A_flawed_channel_token_fails_validation(string flaw)
    {
        var options = flaw switch
        {
            "Expired" => new ChannelTokenOptions { Expired = true },
            "NotYetValid" => new ChannelTokenOptions { NotYetValid = true },
            "WrongAudience" => new ChannelTokenOptions { WrongAudience = true },
            "WrongIssuer" => new ChannelTokenOptions { WrongIssuer = true },
            "SignedWithUnknownKey" => new ChannelTokenOptions { SignedWithUnknownKey = true },
            _ => new ChannelTokenOptions { AlgNone = true },
        };

        var result = await ValidateAsync(_bot.IssueChannelToken(ServiceUrl, options), await PublishedKeysAsync());

        Assert.False(result.IsValid);
    }

    [Fact]
    public async Task Expired_means_beyond_the_five_minute_skew_and_not_yet_valid_starts_an_hour_ahead()
    {
        var expired = new JsonWebToken(_bot.IssueChannelToken(ServiceUrl, new ChannelTokenOptions { Expired = true }));
        var early = new JsonWebToken(_bot.IssueChannelToken(ServiceUrl, new ChannelTokenOptions { NotYetValid = true }));

        Assert.True(expired.ValidTo < DateTime.UtcNow.AddMinutes(-30));
        Assert.True(early.ValidFrom > DateTime.UtcNow.AddMinutes(30));
        Assert.IsType<SecurityTokenExpiredException>((await ValidateAsync(expired.EncodedToken, await PublishedKeysAsync())).Exception);
        Assert.IsType<SecurityTokenNotYetValidException>((await ValidateAsync(early.EncodedToken, await PublishedKeysAsync())).Exception);
    }

    [Fact]
    public void An_alg_none_token_has_an_empty_signature_and_a_forged_key_is_not_published()
    {
        var unsigned = _bot.IssueChannelToken(ServiceUrl, new ChannelTokenOptions { AlgNone = true });
        var forged = new JsonWebToken(_bot.IssueChannelToken(ServiceUrl, new ChannelTokenOptions { SignedWithUnknownKey = true }));

        Assert.EndsWith(".", unsigned);
        Assert.Equal("none", new JsonWebToken(unsigned).Alg);
        Assert.Equal("RS256", forged.Alg);
        Assert.DoesNotContain(forged.Kid, _bot.PublishedKeyIds);
    }

    [Fact]
    public async Task A_wrong_service_url_token_is_well_signed_but_claims_another_service()
    {
        var token = _bot.IssueChannelToken(ServiceUrl, new ChannelTokenOptions { WrongServiceUrl = true });

        var result = await ValidateAsync(token, await PublishedKeysAsync());

        Assert.True(result.IsValid); // only the bot's own serviceurl check can catch it
        Assert.NotEqual(ServiceUrl, ((JsonWebToken)result.SecurityToken).GetClaim("serviceurl").Value);
    }

    [Fact]
    public async Task Rotating_the_key_publishes_both_keys_and_a_validator_with_the_old_set_must_refresh()
    {
        var oldKid = _bot.SigningKeyId;
        var cached = await PublishedKeysAsync();
        var oldToken = _bot.IssueChannelToken(ServiceUrl);

        var newKid = _bot.RotateSigningKey();
        var newToken = _bot.IssueChannelToken(ServiceUrl);
        var refreshed = await PublishedKeysAsync();

        Assert.NotEqual(oldKid, newKid);
        Assert.Equal(newKid, _bot.SigningKeyId);
        Assert.Equal(newKid, new JsonWebToken(newToken).Kid);
        Assert.Equal([oldKid, newKid], refreshed.Select(k => k.KeyId));
        Assert.False((await ValidateAsync(newToken, cached)).IsValid);
        Assert.True((await ValidateAsync(newToken, refreshed)).IsValid);
        Assert.True((await ValidateAsync(oldToken, refreshed)).IsValid);
    }

    [Fact]
    public async Task Metadata_and_key_fetches_are_recorded()
    {
        await _client.GetAsync(_bot.OpenIdMetadataUrl);
        await _client.GetAsync(_bot.JwksUrl);

        Assert.Equal([BotOperation.OpenIdMetadata, BotOperation.Keys], _bot.Calls.Select(c => c.Operation));
        Assert.All(_bot.Calls, c => Assert.Equal("GET", c.HttpMethod));
    }

    private async Task<IList<SecurityKey>> PublishedKeysAsync()
    {
        var answer = await _client.GetAsync(_bot.JwksUrl);
        return new JsonWebKeySet(answer.Text).GetSigningKeys();
    }

    /// <summary>The checks Microsoft's Bot Connector authentication article asks of a bot, built by hand.</summary>
    private static Task<TokenValidationResult> ValidateAsync(string token, IEnumerable<SecurityKey> keys) =>
        new JsonWebTokenHandler().ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidIssuer = "https://api.botframework.com",
            ValidAudience = AppId,
            IssuerSigningKeys = keys,
            ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
            RequireSignedTokens = true,
            RequireExpirationTime = true,
            ClockSkew = TimeSpan.FromMinutes(5),
        });
}
