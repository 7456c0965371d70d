using System.Net;
using Inbox.Fakes.BotFramework;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Inbox.Teams.Tests.Fakes;

public sealed class FakeTokenEndpointTests : IAsyncLifetime
{
    private const string AppId = "3f1c9a52-7b1e-4d7a-9c2e-0a1b2c3d4e5f";
    private const string Scope = "https://api.botframework.com/.default";
    private readonly FakeTimeProvider _time = new(DateTimeOffset.FromUnixTimeSeconds(1_700_000_000));
    private FakeBotFramework _bot = null!;
    private RawBotClient _client = null!;

    public async Task InitializeAsync()
    {
        _bot = await FakeBotFramework.StartAsync(AppId, "s3cret", _time);
        _client = new RawBotClient(_bot);
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _bot.DisposeAsync();
    }

    [Fact]
    public async Task Client_credentials_for_the_bot_get_a_bearer_token_for_an_hour()
    {
        var answer = await _client.RequestTokenAsync();

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal("/botframework.com/oauth2/v2.0/token", _bot.TokenEndpoint.AbsolutePath);
        Assert.Equal("Bearer", answer.Field("token_type"));
        Assert.Equal("3600", answer.Field("expires_in"));
        Assert.Equal("3600", answer.Field("ext_expires_in"));
        Assert.Equal(1, _bot.TokensIssued);
    }

    [Fact]
    public async Task The_access_token_is_an_rs256_jwt_for_the_connector_naming_the_bot()
    {
        var answer = await _client.RequestTokenAsync();

        var jwt = new JsonWebToken(answer.Field("access_token"));
        Assert.Equal("RS256", jwt.Alg);
        Assert.False(string.IsNullOrEmpty(jwt.Kid));
        Assert.Equal(["https://api.botframework.com"], jwt.Audiences);
        Assert.Equal("https://sts.windows.net/d6d49420-f39b-4df7-a1dc-d59a935871db/", jwt.Issuer);
        Assert.Equal(AppId, jwt.GetClaim("appid").Value);
        Assert.Equal(_time.GetUtcNow().UtcDateTime, jwt.ValidFrom);
        Assert.Equal(_time.GetUtcNow().UtcDateTime.AddHours(1), jwt.ValidTo);
    }

    [Fact]
    public async Task A_single_tenant_bot_gets_a_token_from_its_tenant_and_an_unknown_tenant_is_refused()
    {
        var tenant = _bot.Options.TenantId;
        var fields = new[] { ("grant_type", "client_credentials"), ("client_id", AppId), ("client_secret", "s3cret"), ("scope", Scope) };

        var ours = await _client.RequestTokenAsync(_bot.TokenEndpointFor(tenant), fields);
        var stranger = await _client.RequestTokenAsync(_bot.TokenEndpointFor("99999999-0000-4000-8000-000000000000"), fields);

        Assert.Equal(HttpStatusCode.OK, ours.Status);
        Assert.Equal($"https://sts.windows.net/{tenant}/", new JsonWebToken(ours.Field("access_token")).Issuer);
        Assert.Equal(HttpStatusCode.BadRequest, stranger.Status);
        Assert.Equal("invalid_request", stranger.Field("error"));
        Assert.StartsWith("AADSTS90002", stranger.Field("error_description"));
    }

    [Fact]
    public async Task A_wrong_secret_is_401_invalid_client_and_issues_nothing()
    {
        var answer = await _client.RequestTokenAsync(
            ("grant_type", "client_credentials"), ("client_id", AppId), ("client_secret", "guess"), ("scope", Scope));

        Assert.Equal(HttpStatusCode.Unauthorized, answer.Status);
        Assert.Equal("invalid_client", answer.Field("error"));
        Assert.StartsWith("AADSTS7000215", answer.Field("error_description"));
        Assert.Equal("7000215", answer.Json!["error_codes"]![0]!.ToString());
        Assert.Null(answer.Field("access_token"));
        Assert.Equal(0, _bot.TokensIssued);
    }

    [Fact]
    public async Task A_missing_secret_is_401_invalid_client_too()
    {
        var answer = await _client.RequestTokenAsync(("grant_type", "client_credentials"), ("client_id", AppId), ("scope", Scope));

        Assert.Equal(HttpStatusCode.Unauthorized, answer.Status);
        Assert.Equal("invalid_client", answer.Field("error"));
    }

    [Fact]
    public async Task An_unknown_client_id_is_400_unauthorized_client()
    {
        var answer = await _client.RequestTokenAsync(
            ("grant_type", "client_credentials"), ("client_id", "someone-else"), ("client_secret", "s3cret"), ("scope", Scope));

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal("unauthorized_client", answer.Field("error"));
    }

    [Theory]
    [InlineData("https://graph.microsoft.com/.default")]
    [InlineData("https://api.botframework.com")]
    public async Task A_scope_other_than_botframework_default_is_400_invalid_scope(string scope)
    {
        var answer = await _client.RequestTokenAsync(
            ("grant_type", "client_credentials"), ("client_id", AppId), ("client_secret", "s3cret"), ("scope", scope));

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal("invalid_scope", answer.Field("error"));
    }

    [Fact]
    public async Task A_missing_grant_type_is_400_invalid_request_and_another_grant_is_unsupported()
    {
        var missing = await _client.RequestTokenAsync(("client_id", AppId), ("client_secret", "s3cret"), ("scope", Scope));
        var password = await _client.RequestTokenAsync(
            ("grant_type", "password"), ("client_id", AppId), ("client_secret", "s3cret"), ("scope", Scope));

        Assert.Equal(HttpStatusCode.BadRequest, missing.Status);
        Assert.Equal("invalid_request", missing.Field("error"));
        Assert.StartsWith("AADSTS900144", missing.Field("error_description"));
        Assert.Equal(HttpStatusCode.BadRequest, password.Status);
        Assert.Equal("unsupported_grant_type", password.Field("error"));
    }

    [Fact]
    public async Task A_json_body_is_not_read_as_parameters()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, _bot.TokenEndpoint)
        {
            Content = new StringContent(
                $$"""{"grant_type":"client_credentials","client_id":"{{AppId}}","client_secret":"s3cret","scope":"{{Scope}}"}""",
                System.Text.Encoding.UTF8, "application/json"),
        };

        var answer = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal("invalid_request", answer.Field("error"));
    }

    [Fact]
    public async Task Token_requests_are_recorded_with_their_form_fields()
    {
        await _client.RequestTokenAsync();

        var call = Assert.Single(_bot.CallsTo(BotOperation.Token));
        Assert.Equal("POST", call.HttpMethod);
        Assert.Equal("client_credentials", (string?)call.Body!["grant_type"]);
        Assert.Equal(AppId, (string?)call.Body!["client_id"]);
        Assert.Equal(_time.GetUtcNow(), call.At);
    }
}
