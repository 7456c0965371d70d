using System.Globalization;
using Inbox.Core.Commands;
using Inbox.Core.Model;
using Inbox.Fakes.Slack;
using Inbox.Storage;
using Inbox.Storage.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Inbox.Bench;

/// <summary>
/// Delivery into one Slack channel that allows one post per second (bursts of <see cref="Burst"/>): a backlog larger than
/// the window can carry, the share of the allowed posts used during the window, then (after the backlog drained) every
/// stored message and thread root checked against what the fake Slack holds: none missing, none twice.
/// </summary>
internal static class DeliveryBenchmark
{
    private const int PerSecond = 1;
    private const int Burst = 3;
    private const int MessagesPerConversation = 3;
    private const double ShareTarget = 0.95;

    public static async Task RunAsync(int windowSeconds, Report report)
    {
        var window = TimeSpan.FromSeconds(windowSeconds);
        // 1.5 windows of posts: the backlog never runs dry inside the window; each conversation is a root and its messages.
        var conversations = (int)Math.Ceiling((windowSeconds * PerSecond + Burst) * 1.5 / (1 + MessagesPerConversation));
        var posts = conversations * (1 + MessagesPerConversation);
        Report.Section($"Delivery to a Slack channel allowing {PerSecond} post/s (bursts of {Burst}), Slack:PostsPerSecond={PerSecond}: "
            + $"{conversations} conversations x {MessagesPerConversation} messages = {posts} posts, {windowSeconds} s measured, then drained");

        var folder = InboxApp.NewDataDirectory();
        try
        {
            await using var host = await BridgedHost.StartAsync(folder, withTeams: false, new Dictionary<string, string>
            {
                ["Slack:PostsPerSecond"] = PerSecond.ToString(CultureInfo.InvariantCulture),
                ["Slack:PostBurst"] = Burst.ToString(CultureInfo.InvariantCulture),
            });
            host.Slack.LimitPostsPerChannel(PerSecond, Burst);

            var customers = host.App.Services.GetRequiredService<CustomerMessages>();
            var messageIds = new List<long>();
            var conversationIds = new List<long>();
            await Task.WhenAll(Enumerable.Range(0, conversations).Select(async c =>
            {
                long? conversation = null;
                for (var m = 0; m < MessagesPerConversation; m++)
                {
                    var identity = new ContactIdentity(ChannelKind.Widget, $"delivery-visitor-{c}");
                    var received = await customers.ReceiveAsync(new IncomingMessage(identity, $"Message {m + 1} of visitor {c}", conversation,
                        ExternalId: $"widget:delivery-visitor-{c}:{m}"), CancellationToken.None);
                    if (!received.Succeeded) throw new InvalidOperationException(received.Error.Message);
                    conversation = received.Value.Conversation.Id;
                    lock (messageIds) messageIds.Add(received.Value.Message.Id);
                }
                lock (conversationIds) conversationIds.Add(conversation!.Value);
            }));

            // The window opens at the first post that reaches Slack.
            var firstPost = await UntilAsync(() => host.Slack.CallsTo("chat.postMessage").FirstOrDefault()?.At, TimeSpan.FromSeconds(30))
                ?? throw new InvalidOperationException("Nothing was posted to Slack within 30 s.");
            var windowEnd = firstPost + window;
            await Task.Delay(windowEnd - DateTimeOffset.UtcNow + TimeSpan.FromMilliseconds(200));
            var inWindow = host.Slack.Messages(BridgedHost.SlackChannel).Count(m => m.PostedAt >= firstPost && m.PostedAt <= windowEnd);
            var refused = host.Slack.CallsTo("chat.postMessage").Count(c => c.At <= windowEnd) - host.Slack.Messages(BridgedHost.SlackChannel).Count(m => m.PostedAt <= windowEnd);

            // Then the rest of the backlog, so every message can be checked.
            var drainLimit = TimeSpan.FromSeconds((posts - inWindow) / (double)PerSecond + 60);
            await UntilAsync(() => host.Slack.Messages(BridgedHost.SlackChannel).Count >= posts ? (bool?)true : null, drainLimit);
            await Task.Delay(TimeSpan.FromSeconds(2)); // a doubled post would come right after

            var check = await CheckAsync(host, conversationIds, messageIds);
            var allowed = Burst + windowSeconds * PerSecond;
            var share = inWindow / (double)allowed;
            report.Add(new Figure("Slack delivery: share of the allowed rate used", $"{share:P1} ({inWindow} posts in {windowSeconds} s = {inWindow / (double)windowSeconds:F2}/s; allowed {allowed}: {Burst} burst + {PerSecond}/s)",
                $">= {ShareTarget:P0}", share >= ShareTarget));
            Report.Note($"posts refused with 429 during the window: {refused}");
            report.Add(new Figure("Slack delivery: messages lost", $"{check.Lost} of {posts}", "0", check.Lost == 0));
            report.Add(new Figure("Slack delivery: messages doubled", $"{check.Doubled} of {posts}", "0", check.Doubled == 0));
            if (check.Pending > 0) Report.Note($"{check.Pending} posts were still queued (not lost) when the drain limit of {drainLimit.TotalSeconds:F0} s ran out");
        }
        finally
        {
            InboxApp.Remove(folder);
        }
    }

    private sealed record Check(int Lost, int Doubled, int Pending);

    /// <summary>Each root and each message must be in the channel exactly once; one missing whose outbox row is no longer pending is lost.</summary>
    private static async Task<Check> CheckAsync(BridgedHost host, IReadOnlyList<long> conversationIds, IReadOnlyList<long> messageIds)
    {
        var posted = host.Slack.Messages(BridgedHost.SlackChannel);
        var roots = posted.Where(m => (string?)m.Metadata?["event_type"] == "inbox_conversation")
            .GroupBy(m => (long)m.Metadata!["event_payload"]!["conversation_id"]!).ToDictionary(g => g.Key, g => g.Count());
        var parts = posted.Where(m => (string?)m.Metadata?["event_type"] == "inbox_message")
            .GroupBy(m => (string)m.Metadata!["event_payload"]!["idempotency_key"]! + "#" + (int)m.Metadata!["event_payload"]!["part"]!)
            .ToDictionary(g => g.Key, g => g.Count());

        await using var db = await host.App.Services.GetRequiredService<IDbContextFactory<InboxDbContext>>().CreateDbContextAsync();
        var pendingKeys = (await db.Outbox.AsNoTracking().Where(o => o.Destination == "slack" && o.State == OutboxState.Pending)
            .Select(o => o.IdempotencyKey).ToListAsync()).ToHashSet(StringComparer.Ordinal);

        int lost = 0, pending = 0;
        var expected = conversationIds.Select(id => (Posts: roots.GetValueOrDefault(id), Key: $"slack:root:{id}"))
            .Concat(messageIds.Select(id => (Posts: parts.GetValueOrDefault($"slack:message:{id}#0"), Key: $"slack:message:{id}")));
        foreach (var (count, key) in expected)
        {
            if (count > 0) continue;
            if (pendingKeys.Contains(key)) pending++;
            else lost++;
        }
        var doubled = roots.Values.Concat(parts.Values).Sum(count => count - 1);
        return new Check(lost, doubled, pending);
    }

    private static async Task<T?> UntilAsync<T>(Func<T?> probe, TimeSpan limit) where T : struct
    {
        var deadline = DateTime.UtcNow + limit;
        while (DateTime.UtcNow < deadline)
        {
            if (probe() is { } value) return value;
            await Task.Delay(50);
        }
        return probe();
    }
}
