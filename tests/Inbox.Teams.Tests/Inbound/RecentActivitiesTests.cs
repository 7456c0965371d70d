using System.Text.Json.Nodes;
using Inbox.Teams.Inbound;
using Microsoft.Extensions.Time.Testing;

namespace Inbox.Teams.Tests.Inbound;

public sealed class RecentActivitiesTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 14, 9, 30, 0, TimeSpan.Zero));
    private readonly RecentActivities _recent;
    private int _runs;

    public RecentActivitiesTests() => _recent = new RecentActivities(_time);

    private Func<Task<ActivityAnswer>> Counting(ActivityAnswer answer) => () =>
    {
        Interlocked.Increment(ref _runs);
        return Task.FromResult(answer);
    };

    private static ActivityAnswer Answer(string text) => new(200, new JsonObject { ["text"] = text });

    [Fact]
    public async Task The_same_activity_runs_once_and_both_deliveries_get_the_same_answer()
    {
        var first = await _recent.OnceAsync("message:1", Counting(Answer("done")));
        var second = await _recent.OnceAsync("message:1", Counting(Answer("again")));

        Assert.Equal(1, _runs);
        Assert.Same(first, second);
        Assert.Equal("done", second.Body!["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task Different_activities_each_run()
    {
        await _recent.OnceAsync("message:1", Counting(ActivityAnswer.Ok));
        await _recent.OnceAsync("message:2", Counting(ActivityAnswer.Ok));
        await _recent.OnceAsync("invoke:1", Counting(ActivityAnswer.Ok));

        Assert.Equal(3, _runs);
    }

    [Fact]
    public async Task A_repeat_arriving_while_the_first_still_runs_waits_for_its_answer()
    {
        var release = new TaskCompletionSource<ActivityAnswer>(TaskCreationOptions.RunContinuationsAsynchronously);
        Task<ActivityAnswer> Slow()
        {
            Interlocked.Increment(ref _runs);
            return release.Task;
        }

        var first = _recent.OnceAsync("invoke:7", Slow);
        var repeat = _recent.OnceAsync("invoke:7", Slow);
        Assert.False(repeat.IsCompleted);
        release.SetResult(Answer("card"));

        Assert.Same(await first, await repeat);
        Assert.Equal(1, _runs);
    }

    [Fact]
    public async Task Concurrent_deliveries_run_the_handler_once()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        async Task<ActivityAnswer> Handle()
        {
            Interlocked.Increment(ref _runs);
            await gate.Task;
            return Answer("once");
        }

        // Each caller gets its answer's task back without awaiting it, so all of them arrive before the first finishes.
        var callers = Enumerable.Range(0, 32)
            .Select(_ => Task.Factory.StartNew(() => _recent.OnceAsync("message:9", Handle), CancellationToken.None, TaskCreationOptions.None, TaskScheduler.Default))
            .ToList();
        var started = await Task.WhenAll(callers);
        gate.SetResult();
        var answers = await Task.WhenAll(started);

        Assert.Equal(1, _runs);
        Assert.All(answers, a => Assert.Same(answers[0], a));
    }

    [Fact]
    public async Task A_handler_that_fails_is_not_remembered_so_the_next_delivery_runs_again()
    {
        var failed = _recent.OnceAsync("message:5", async () =>
        {
            Interlocked.Increment(ref _runs);
            await Task.Yield();
            throw new InvalidOperationException("database down");
        });
        await Assert.ThrowsAsync<InvalidOperationException>(() => failed);

        // The failure is forgotten by a continuation; Teams redelivers seconds later, so give it a moment.
        var deadline = DateTime.UtcNow.AddSeconds(5);
        ActivityAnswer? answer = null;
        while (answer is null && DateTime.UtcNow < deadline)
        {
            try { answer = await _recent.OnceAsync("message:5", Counting(Answer("retried"))); }
            catch (InvalidOperationException) { await Task.Delay(10); }
        }

        Assert.Equal("retried", answer?.Body?["text"]?.GetValue<string>());
        Assert.Equal(2, _runs);
    }

    [Fact]
    public async Task A_cancelled_handler_is_not_remembered_either()
    {
        var cancelled = _recent.OnceAsync("message:6", () => Task.FromCanceled<ActivityAnswer>(new CancellationToken(true)));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);

        var deadline = DateTime.UtcNow.AddSeconds(5);
        while (_runs == 0 && DateTime.UtcNow < deadline)
        {
            try { await _recent.OnceAsync("message:6", Counting(ActivityAnswer.Ok)); }
            catch (OperationCanceledException) { await Task.Delay(10); }
        }

        Assert.Equal(1, _runs);
    }

    [Fact]
    public async Task A_success_is_still_remembered_after_a_while()
    {
        await _recent.OnceAsync("message:1", Counting(ActivityAnswer.Ok));
        _time.Advance(TimeSpan.FromMinutes(10));

        await _recent.OnceAsync("message:1", Counting(ActivityAnswer.Ok));

        Assert.Equal(1, _runs);
    }

    [Fact]
    public async Task Old_answers_are_swept_after_fifteen_minutes()
    {
        await _recent.OnceAsync("message:old", Counting(ActivityAnswer.Ok));
        _time.Advance(TimeSpan.FromMinutes(16));
        // The sweep runs every 256 calls.
        for (var i = 0; i < 256; i++) await _recent.OnceAsync("filler:" + i, () => Task.FromResult(ActivityAnswer.Ok));
        _runs = 0;

        await _recent.OnceAsync("message:old", Counting(ActivityAnswer.Ok));

        Assert.Equal(1, _runs);
    }

    [Fact]
    public async Task A_handler_that_throws_before_returning_a_task_is_not_remembered()
    {
        Func<Task<ActivityAnswer>> throwing = () =>
        {
            Interlocked.Increment(ref _runs);
            throw new InvalidOperationException("thrown synchronously");
        };
        await Assert.ThrowsAsync<InvalidOperationException>(() => _recent.OnceAsync("message:8", throwing));

        await Assert.ThrowsAsync<InvalidOperationException>(() => _recent.OnceAsync("message:8", throwing));

        Assert.Equal(2, _runs);
    }
}
