using Inbox.Fakes.BotFramework;
using Inbox.Teams.Inbound;
using Microsoft.Extensions.Options;

namespace Inbox.Teams.Tests.Inbound;

public sealed class BotFrameworkTokenValidatorTests : IAsyncLifetime
{
    private const string AppId = "00000000-0000-0000-0000-00000000b07a";
    private FakeBotFramework _botFramework = null!;
    private BotFrameworkTokenValidator _validator = null!;

    public async Task InitializeAsync()
    {
        _botFramework = await FakeBotFramework.StartAsync(AppId, "app-password");
        _validator = new BotFrameworkTokenValidator(
            Options.Create(new TeamsOptions { AppId = AppId, AppPassword = "app-password", OpenIdMetadataUrl = _botFramework.OpenIdMetadataUrl }),
            new HttpClient());
    }

    public async Task DisposeAsync() => await _botFramework.DisposeAsync();

    private string ServiceUrl => _botFramework.ServiceUrl.AbsoluteUri;

    [Fact]
    public async Task A_token_from_bot_framework_for_this_bot_and_service_url_is_accepted()
    {
        var check = await _validator.ValidateAsync("Bearer " + _botFramework.IssueChannelToken(ServiceUrl), ServiceUrl, CancellationToken.None);
        Assert.True(check.IsValid, check.Reason);
    }

    [Theory]
    [InlineData(nameof(ChannelTokenOptions.Expired))]
    [InlineData(nameof(ChannelTokenOptions.NotYetValid))]
    [InlineData(nameof(ChannelTokenOptions.WrongAudience))]
    [InlineData(nameof(ChannelTokenOptions.WrongIssuer))]
    [InlineData(nameof(ChannelTokenOptions.SignedWithUnknownKey))]
    [InlineData(nameof(ChannelTokenOptions.AlgNone))]
    [InlineData(nameof(ChannelTokenOptions.WrongServiceUrl))]
    public async Task A_flawed_token_is_refused(string flaw)
    {
        var options = flaw switch
        {
            nameof(ChannelTokenOptions.Expired) => new ChannelTokenOptions { Expired = true },
            nameof(ChannelTokenOptions.NotYetValid) => new ChannelTokenOptions { NotYetValid = true },
            nameof(ChannelTokenOptions.WrongAudience) => new ChannelTokenOptions { WrongAudience = true },
            nameof(ChannelTokenOptions.WrongIssuer) => new ChannelTokenOptions { WrongIssuer = true },
            nameof(ChannelTokenOptions.SignedWithUnknownKey) => new ChannelTokenOptions { SignedWithUnknownKey = true },
            nameof(ChannelTokenOptions.AlgNone) => new ChannelTokenOptions { AlgNone = true },
            _ => new ChannelTokenOptions { WrongServiceUrl = true },
        };
        var check = await _validator.ValidateAsync("Bearer " + _botFramework.IssueChannelToken(ServiceUrl, options), ServiceUrl, CancellationToken.None);
        Assert.False(check.IsValid);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Basic dXNlcjpwYXNz")]
    [InlineData("Bearer not.a.jwt")]
    public async Task A_missing_or_malformed_authorization_is_refused(string? authorization) =>
        Assert.False((await _validator.ValidateAsync(authorization, ServiceUrl, CancellationToken.None)).IsValid);

    [Fact]
    public async Task A_token_for_another_service_url_than_the_activitys_is_refused()
    {
        var token = _botFramework.IssueChannelToken(ServiceUrl);
        var check = await _validator.ValidateAsync("Bearer " + token, "https://smba.trafficmanager.net/evil/", CancellationToken.None);
        Assert.False(check.IsValid);
        Assert.Contains("serviceurl", check.Reason);
    }

    [Fact]
    public async Task Keys_are_fetched_again_when_a_token_names_a_new_key()
    {
        Assert.True((await _validator.ValidateAsync("Bearer " + _botFramework.IssueChannelToken(ServiceUrl), ServiceUrl, CancellationToken.None)).IsValid);
        _botFramework.RotateSigningKey();
        var check = await _validator.ValidateAsync("Bearer " + _botFramework.IssueChannelToken(ServiceUrl), ServiceUrl, CancellationToken.None);
        Assert.True(check.IsValid, check.Reason);
    }
}
