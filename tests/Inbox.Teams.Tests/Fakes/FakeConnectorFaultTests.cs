using System.Diagnostics;
using System.Net;
using Inbox.Fakes.BotFramework;
using Microsoft.Extensions.Time.Testing;

namespace Inbox.Teams.Tests.Fakes;

public sealed class FakeConnectorFaultTests : IAsyncLifetime
{
    private const string Channel = "19:c0ffee@thread.tacv2";
    private readonly FakeTimeProvider _time = new(DateTimeOffset.FromUnixTimeSeconds(1_700_000_000));
    private FakeBotFramework _bot = null!;
    private RawBotClient _client = null!;

    public async Task InitializeAsync()
    {
        _bot = await FakeBotFramework.StartAsync("3f1c9a52-7b1e-4d7a-9c2e-0a1b2c3d4e5f", "s3cret", _time);
        _client = new RawBotClient(_bot);
        await _client.SignInAsync();
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _bot.DisposeAsync();
    }

    [Fact]
    public async Task Too_many_requests_is_429_with_retry_after_seconds_and_the_retry_goes_through()
    {
        _bot.FailNext(BotOperation.CreateConversation, 1, BotFault.TooManyRequests(TimeSpan.FromSeconds(3)));

        var limited = await _client.CreateThreadAsync(Channel, "root");
        var retried = await _client.CreateThreadAsync(Channel, "root");

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.Status);
        Assert.Equal("3", limited.RetryAfterRaw);
        Assert.Equal(TimeSpan.FromSeconds(3), limited.RetryAfter?.Delta);
        Assert.Equal(HttpStatusCode.Created, retried.Status);
        Assert.Single(_bot.Threads);
        Assert.Equal(2, _bot.CallsTo(BotOperation.CreateConversation).Count);
    }

    [Fact]
    public async Task Too_many_requests_can_come_without_retry_after_and_part_seconds_round_up()
    {
        var thread = (await _client.CreateThreadAsync(Channel, "root")).Field("id")!;
        _bot.FailNext(BotOperation.SendToConversation, 1, BotFault.TooManyRequests(null));
        _bot.FailNext(BotOperation.SendToConversation, 1, BotFault.TooManyRequests(TimeSpan.FromMilliseconds(1200)));

        var bare = await _client.SendAsync(thread, "one");
        var rounded = await _client.SendAsync(thread, "two");

        Assert.Equal(HttpStatusCode.TooManyRequests, bare.Status);
        Assert.Null(bare.RetryAfterRaw);
        Assert.Equal("2", rounded.RetryAfterRaw);
        Assert.Empty(_bot.Thread(thread)!.Replies);
    }

    [Theory]
    [InlineData(412)]
    [InlineData(502)]
    [InlineData(504)]
    public async Task A_transient_status_fault_answers_that_status_and_stores_nothing(int status)
    {
        var thread = (await _client.CreateThreadAsync(Channel, "root")).Field("id")!;
        var fault = status switch { 412 => BotFault.PreconditionFailed, 502 => BotFault.BadGateway, _ => BotFault.GatewayTimeout };
        _bot.FailNext(BotOperation.SendToConversation, 2, fault);

        var first = await _client.SendAsync(thread, "reply");
        var second = await _client.SendAsync(thread, "reply");
        var third = await _client.SendAsync(thread, "reply");

        Assert.Equal((HttpStatusCode)status, first.Status);
        Assert.Equal((HttpStatusCode)status, second.Status);
        Assert.Equal(HttpStatusCode.Created, third.Status);
        Assert.Single(_bot.Thread(thread)!.Replies);
    }

    [Fact]
    public async Task Gateway_faults_have_plain_text_bodies_and_412_has_an_error_response()
    {
        _bot.FailNext(BotOperation.GetConversationMember, 1, BotFault.BadGateway);
        _bot.FailNext(BotOperation.GetConversationMember, 1, BotFault.PreconditionFailed);

        var gateway = await _client.MemberAsync(Channel, "29:x");
        var precondition = await _client.MemberAsync(Channel, "29:x");

        Assert.Null(gateway.Json);
        Assert.Equal("Bad Gateway", gateway.Text);
        Assert.Equal("PreconditionFailed", precondition.ErrorCode);
    }

    [Fact]
    public async Task A_lost_answer_is_502_but_the_activity_was_posted()
    {
        var created = await _client.CreateThreadAsync(Channel, "Status: open");
        var thread = created.Field("id")!;
        _bot.FailNext(BotOperation.UpdateActivity, 1, BotFault.AnswerLost);

        var answer = await _client.UpdateAsync(thread, created.Field("activityId")!, "Status: closed");

        Assert.Equal(HttpStatusCode.BadGateway, answer.Status);
        Assert.Equal("Status: closed", _bot.Thread(thread)!.Root!.Text);
    }

    [Fact]
    public async Task A_lost_create_answer_still_leaves_the_thread_behind()
    {
        _bot.FailNext(BotOperation.CreateConversation, 1, BotFault.AnswerLost);

        var answer = await _client.CreateThreadAsync(Channel, "root");

        Assert.Equal(HttpStatusCode.BadGateway, answer.Status);
        Assert.Single(_bot.Threads);
    }

    [Fact]
    public async Task A_timeout_lets_an_impatient_client_give_up_and_nothing_is_posted()
    {
        using var impatient = new RawBotClient(_bot, TimeSpan.FromMilliseconds(300)) { AccessToken = _client.AccessToken };
        _bot.FailNext(BotOperation.CreateConversation, 1, BotFault.Timeout(TimeSpan.FromSeconds(30)));
        var clock = Stopwatch.StartNew();

        await Assert.ThrowsAsync<TaskCanceledException>(() => impatient.CreateThreadAsync(Channel, "root"));

        Assert.InRange(clock.Elapsed, TimeSpan.FromMilliseconds(250), TimeSpan.FromSeconds(10));
        Assert.Single(_bot.CallsTo(BotOperation.CreateConversation));
        Assert.Empty(_bot.Threads);
    }

    [Fact]
    public async Task A_slow_answer_still_arrives_when_the_client_waits_long_enough()
    {
        _bot.FailNext(BotOperation.CreateConversation, 1, BotFault.Timeout(TimeSpan.FromSeconds(30)));

        var pending = _client.CreateThreadAsync(Channel, "root");
        await WaitUntil(() => _bot.CallsTo(BotOperation.CreateConversation).Count == 1);
        _time.Advance(TimeSpan.FromSeconds(29));
        await Task.Delay(100);
        Assert.False(pending.IsCompleted);

        // The fake may start its wait a moment after recording the call, so keep the clock moving until it answers.
        while (!pending.IsCompleted)
        {
            _time.Advance(TimeSpan.FromSeconds(1));
            await Task.WhenAny(pending, Task.Delay(20));
        }

        Assert.Equal(HttpStatusCode.Created, (await pending).Status);
        Assert.Single(_bot.Threads);
    }

    [Fact]
    public async Task Faults_are_per_operation_and_queue_in_order()
    {
        var thread = (await _client.CreateThreadAsync(Channel, "root")).Field("id")!;
        _bot.FailNext(BotOperation.UpdateActivity, 1, BotFault.BadGateway);
        _bot.FailNext(BotOperation.UpdateActivity, 1, BotFault.GatewayTimeout);

        var reply = await _client.SendAsync(thread, "unaffected");
        var first = await _client.UpdateAsync(thread, _bot.Thread(thread)!.RootActivityId, "x");
        var second = await _client.UpdateAsync(thread, _bot.Thread(thread)!.RootActivityId, "x");
        var third = await _client.UpdateAsync(thread, _bot.Thread(thread)!.RootActivityId, "x");

        Assert.Equal(HttpStatusCode.Created, reply.Status);
        Assert.Equal([HttpStatusCode.BadGateway, HttpStatusCode.GatewayTimeout, HttpStatusCode.OK], new[] { first.Status, second.Status, third.Status });
    }

    [Fact]
    public async Task The_token_endpoint_can_fail_too_and_issues_nothing_while_it_does()
    {
        _bot.FailNext(BotOperation.Token, 1, BotFault.TooManyRequests(TimeSpan.FromSeconds(5)));

        var limited = await _client.RequestTokenAsync();
        var granted = await _client.RequestTokenAsync();

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.Status);
        Assert.Equal(HttpStatusCode.OK, granted.Status);
        Assert.Equal(2, _bot.TokensIssued); // one at sign-in, one now
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        for (var i = 0; i < 200 && !condition(); i++) await Task.Delay(10);
        Assert.True(condition());
    }
}
