using Inbox.Fakes.Slack;
using Inbox.Slack.WebApi;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Inbox.Slack.Tests.WebApi;

public sealed class SlackWebApiTests : IAsyncLifetime
{
    private const string Token = "xoxb-test-token";
    private FakeSlack _slack = null!;

    public async Task InitializeAsync() => _slack = await FakeSlack.StartAsync(Token);

    public async Task DisposeAsync() => await _slack.DisposeAsync();

    private SlackWebApi Client(string token = Token, TimeSpan? timeout = null) => new(
        new HttpClient(),
        Options.Create(new SlackOptions
        {
            SigningSecret = "secret", BotToken = token, ChannelId = "C1", ApiBaseUrl = _slack.ApiBaseUrl,
            RequestTimeout = timeout ?? TimeSpan.FromSeconds(10),
        }),
        NullLogger<SlackWebApi>.Instance);

    [Fact]
    public async Task A_thread_reply_lands_under_its_root_with_the_ts_slack_gave()
    {
        var api = Client();
        var root = await api.PostMessageAsync(new SlackPost("C1", "New conversation #1"), CancellationToken.None);
        var reply = await api.PostMessageAsync(new SlackPost("C1", "Hello", ThreadTs: root.Field("ts")), CancellationToken.None);

        Assert.True(root.Ok, root.ToString());
        Assert.True(reply.Ok, reply.ToString());
        var thread = _slack.Thread("C1", root.Field("ts")!);
        Assert.Equal(["New conversation #1", "Hello"], thread.Select(m => m.Text));
        Assert.Equal(reply.Field("ts"), thread[1].Ts);
    }

    [Fact]
    public async Task A_429_is_reported_as_rate_limited_with_slacks_retry_after()
    {
        _slack.FailNext("chat.postMessage", 1, FakeFault.RateLimited(TimeSpan.FromSeconds(7)));
        var answer = await Client().PostMessageAsync(new SlackPost("C1", "hi"), CancellationToken.None);
        Assert.Equal(SlackOutcome.RateLimited, answer.Outcome);
        Assert.Equal(TimeSpan.FromSeconds(7), answer.RetryAfter);
        Assert.Empty(_slack.Messages("C1"));
    }

    [Fact]
    public async Task Server_errors_and_timeouts_are_transient()
    {
        _slack.FailNext("chat.postMessage", 1, FakeFault.ServerError);
        Assert.Equal(SlackOutcome.Transient, (await Client().PostMessageAsync(new SlackPost("C1", "hi"), CancellationToken.None)).Outcome);

        _slack.FailNext("chat.postMessage", 1, FakeFault.Timeout(TimeSpan.FromSeconds(5)));
        var slow = await Client(timeout: TimeSpan.FromMilliseconds(300)).PostMessageAsync(new SlackPost("C1", "hi"), CancellationToken.None);
        Assert.Equal(SlackOutcome.Transient, slow.Outcome);
    }

    [Fact]
    public async Task A_wrong_token_is_a_permanent_failure()
    {
        var answer = await Client("xoxb-wrong").PostMessageAsync(new SlackPost("C1", "hi"), CancellationToken.None);
        Assert.Equal(SlackOutcome.Permanent, answer.Outcome);
        Assert.Equal("invalid_auth", answer.Error);
    }

    [Fact]
    public async Task An_operators_real_name_email_and_picture_come_from_users_info()
    {
        _slack.AddUser("U42", "Dana Scully", "dana@acme.test");
        var dana = await Client().UserAsync("U42", CancellationToken.None);
        Assert.Equal(new SlackUser("U42", "Dana Scully", "dana@acme.test", false, FakeSlack.ProfileImageUrl("U42", 192)), dana);
        Assert.Null(await Client().UserAsync("U404", CancellationToken.None));
    }

    [Fact]
    public async Task A_posted_message_can_be_updated_in_place()
    {
        var api = Client();
        var root = await api.PostMessageAsync(new SlackPost("C1", "#1 Open"), CancellationToken.None);
        var updated = await api.UpdateMessageAsync(new SlackUpdate("C1", root.Field("ts")!, "#1 Closed"), CancellationToken.None);
        Assert.True(updated.Ok, updated.ToString());
        Assert.Equal("#1 Closed", _slack.Message("C1", root.Field("ts")!)!.Text);
    }
}
