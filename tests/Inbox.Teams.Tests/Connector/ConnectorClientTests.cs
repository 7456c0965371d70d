using System.Text.Json.Nodes;
using Inbox.Fakes.BotFramework;
using Inbox.Teams.Connector;
using Microsoft.Extensions.Options;

namespace Inbox.Teams.Tests.Connector;

public sealed class ConnectorClientTests : IAsyncLifetime
{
    private const string AppId = "00000000-0000-0000-0000-00000000b07a";
    private const string Tenant = "11111111-2222-3333-4444-555555555555";
    private FakeBotFramework _bot = null!;
    private BotTokenClient _tokens = null!;
    private ConnectorClient _connector = null!;

    public async Task InitializeAsync()
    {
        _bot = await FakeBotFramework.StartAsync(AppId, "app-password");
        _tokens = Tokens("app-password");
        _connector = new ConnectorClient(new HttpClient(), _tokens);
    }

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    private BotTokenClient Tokens(string password) => new(new HttpClient(),
        Options.Create(new TeamsOptions { AppId = AppId, AppPassword = password, TokenEndpoint = _bot.TokenEndpoint }), TimeProvider.System);

    private static JsonObject Message(string text) => new() { ["type"] = "message", ["text"] = text };

    [Fact]
    public async Task A_thread_is_started_replied_to_and_its_root_updated_with_one_cached_token()
    {
        var created = await _connector.CreateThreadAsync(_bot.ServiceUrl, "19:support@thread.tacv2", Tenant, Message("root"), CancellationToken.None);
        Assert.True(created.Ok, created.Error);
        var threadId = created.Field("id")!;
        var rootId = created.Field("activityId")!;

        Assert.True((await _connector.SendToConversationAsync(_bot.ServiceUrl, threadId, Message("reply"), CancellationToken.None)).Ok);
        Assert.True((await _connector.UpdateActivityAsync(_bot.ServiceUrl, threadId, rootId, Message("root, updated"), CancellationToken.None)).Ok);

        var thread = _bot.Thread(threadId)!;
        Assert.Equal("root, updated", thread.Root!.Text);
        Assert.Equal(["reply"], thread.Replies.Select(r => r.Text));
        Assert.Equal(1, _bot.TokensIssued);
    }

    [Theory]
    [InlineData(429)]
    [InlineData(412)]
    [InlineData(502)]
    [InlineData(504)]
    public async Task Throttling_and_gateway_answers_are_transient_and_carry_retry_after(int status)
    {
        var fault = status switch
        {
            429 => BotFault.TooManyRequests(TimeSpan.FromSeconds(3)),
            412 => BotFault.PreconditionFailed,
            502 => BotFault.BadGateway,
            _ => BotFault.GatewayTimeout,
        };
        _bot.FailNext(BotOperation.CreateConversation, 1, fault);
        var answer = await _connector.CreateThreadAsync(_bot.ServiceUrl, "19:support@thread.tacv2", Tenant, Message("root"), CancellationToken.None);
        Assert.Equal(ConnectorOutcome.Transient, answer.Outcome);
        Assert.Equal(status, answer.Status);
        if (status == 429) Assert.Equal(TimeSpan.FromSeconds(3), answer.RetryAfter);
        Assert.Empty(_bot.Threads);
    }

    [Fact]
    public async Task A_wrong_password_is_a_permanent_failure_and_nothing_is_posted()
    {
        var connector = new ConnectorClient(new HttpClient(), Tokens("wrong-password"));
        var answer = await connector.CreateThreadAsync(_bot.ServiceUrl, "19:support@thread.tacv2", Tenant, Message("root"), CancellationToken.None);
        Assert.Equal(ConnectorOutcome.Permanent, answer.Outcome);
        Assert.Empty(_bot.Threads);
    }

    [Fact]
    public async Task A_token_the_connector_stopped_accepting_is_replaced_once()
    {
        Assert.True((await _connector.CreateThreadAsync(_bot.ServiceUrl, "19:a@thread.tacv2", Tenant, Message("one"), CancellationToken.None)).Ok);
        _bot.RevokeAccessTokens();
        Assert.True((await _connector.CreateThreadAsync(_bot.ServiceUrl, "19:b@thread.tacv2", Tenant, Message("two"), CancellationToken.None)).Ok);
        Assert.Equal(2, _bot.TokensIssued);
    }

    [Fact]
    public async Task An_operators_name_and_email_come_from_the_member_api()
    {
        var created = await _connector.CreateThreadAsync(_bot.ServiceUrl, "19:support@thread.tacv2", Tenant, Message("root"), CancellationToken.None);
        _bot.AddMember("29:dana", "Dana Scully", "dana@acme.test", "aad-dana");
        var member = await _connector.GetMemberAsync(_bot.ServiceUrl, created.Field("id")!, "29:dana", CancellationToken.None);
        Assert.Equal(("Dana Scully", "dana@acme.test"), (member.Field("name"), member.Field("email")));
    }
}
