using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using Inbox.Fakes.Slack;
using Microsoft.Extensions.Time.Testing;

namespace Inbox.Slack.Tests.Fakes;

public sealed class FakeSlackFaultTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(DateTimeOffset.FromUnixTimeSeconds(1_700_000_000));
    private FakeSlack _slack = null!;
    private RawSlackClient _client = null!;

    public async Task InitializeAsync()
    {
        _slack = await FakeSlack.StartAsync("xoxb-test", _time);
        _client = new RawSlackClient(_slack);
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _slack.DisposeAsync();
    }

    private Task<RawSlackAnswer> Post(string channel, string text = "hi") =>
        _client.PostJsonAsync("chat.postMessage", new JsonObject { ["channel"] = channel, ["text"] = text });

    [Fact]
    public async Task A_rate_limited_call_gets_429_with_retry_after_seconds_and_then_goes_through()
    {
        _slack.FailNext("chat.postMessage", 1, FakeFault.RateLimited(TimeSpan.FromSeconds(30)));

        var limited = await Post("C1");
        var retried = await Post("C1");

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.Status);
        Assert.Equal("30", limited.RetryAfterRaw);
        Assert.Equal(TimeSpan.FromSeconds(30), limited.RetryAfter?.Delta);
        Assert.Equal("ratelimited", limited.Error);
        Assert.True(retried.Ok);
        Assert.Single(_slack.Messages("C1"));
        Assert.Equal(2, _slack.CallsTo("chat.postMessage").Count);
    }

    [Fact]
    public async Task A_part_second_retry_after_is_rounded_up_to_whole_seconds()
    {
        _slack.FailNext("auth.test", 1, FakeFault.RateLimited(TimeSpan.FromMilliseconds(1200)));

        var answer = await _client.PostJsonAsync("auth.test", []);

        Assert.Equal("2", answer.RetryAfterRaw);
    }

    [Fact]
    public async Task A_server_error_is_http_500_without_slacks_envelope_and_stores_nothing()
    {
        _slack.FailNext("chat.postMessage", 2, FakeFault.ServerError);

        var first = await Post("C1");
        var second = await Post("C1");
        var third = await Post("C1");

        Assert.Equal(HttpStatusCode.InternalServerError, first.Status);
        Assert.Null(first.Json);
        Assert.Equal(HttpStatusCode.InternalServerError, second.Status);
        Assert.True(third.Ok);
        Assert.Single(_slack.Messages("C1"));
    }

    [Fact]
    public async Task An_injected_slack_error_is_http_200_with_ok_false()
    {
        _slack.FailNext("chat.update", 1, FakeFault.Error("cant_update_message"));

        var answer = await _client.PostJsonAsync("chat.update", new JsonObject { ["channel"] = "C1", ["ts"] = "1.000001", ["text"] = "x" });

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal("cant_update_message", answer.Error);
    }

    [Fact]
    public async Task A_slow_answer_makes_the_clients_timeout_fire_and_nothing_is_posted()
    {
        await using var slack = await FakeSlack.StartAsync("xoxb-test");
        // A second is long enough for the fake to have read the call even on a busy machine, and far below its 30 s delay.
        using var impatient = new RawSlackClient(slack, timeout: TimeSpan.FromSeconds(1));
        slack.FailNext("chat.postMessage", 1, FakeFault.Timeout(TimeSpan.FromSeconds(30)));
        var clock = Stopwatch.StartNew();

        await Assert.ThrowsAsync<TaskCanceledException>(() =>
            impatient.PostJsonAsync("chat.postMessage", new JsonObject { ["channel"] = "C1", ["text"] = "hi" }));

        Assert.InRange(clock.Elapsed, TimeSpan.FromMilliseconds(900), TimeSpan.FromSeconds(10));
        Assert.Single(slack.CallsTo("chat.postMessage"));
        Assert.Empty(slack.Messages("C1"));
    }

    [Fact]
    public async Task A_slow_answer_still_arrives_when_the_client_waits_long_enough()
    {
        _slack.FailNext("auth.test", 1, FakeFault.Timeout(TimeSpan.FromSeconds(30)));

        var pending = _client.PostJsonAsync("auth.test", []);
        await WaitUntil(() => _slack.CallsTo("auth.test").Count == 1);
        _time.Advance(TimeSpan.FromSeconds(29));
        await Task.Delay(100);
        Assert.False(pending.IsCompleted);

        // The fake may start its wait a moment after recording the call, so keep the clock moving until it answers.
        while (!pending.IsCompleted)
        {
            _time.Advance(TimeSpan.FromSeconds(1));
            await Task.WhenAny(pending, Task.Delay(20));
        }

        Assert.True((await pending).Ok);
    }

    [Fact]
    public async Task The_per_channel_post_limit_allows_a_burst_then_answers_429_until_time_refills_it()
    {
        _slack.LimitPostsPerChannel(perSecond: 1, burst: 2);

        var first = await Post("C1");
        var second = await Post("C1");
        var third = await Post("C1");
        var otherChannel = await Post("C2");
        _time.Advance(TimeSpan.FromSeconds(1));
        var afterASecond = await Post("C1");
        var tooSoonAgain = await Post("C1");

        Assert.True(first.Ok);
        Assert.True(second.Ok);
        Assert.Equal(HttpStatusCode.TooManyRequests, third.Status);
        Assert.Equal("1", third.RetryAfterRaw);
        Assert.Equal("ratelimited", third.Error);
        Assert.True(otherChannel.Ok);
        Assert.True(afterASecond.Ok);
        Assert.Equal(HttpStatusCode.TooManyRequests, tooSoonAgain.Status);
        Assert.Equal(3, _slack.Messages("C1").Count);
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "timed out waiting");
            await Task.Delay(10);
        }
    }
}
