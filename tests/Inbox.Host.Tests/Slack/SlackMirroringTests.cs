using System.Text.Json.Nodes;
using Inbox.Fakes.Slack;
using Inbox.Host.Tests.Api.Support;

namespace Inbox.Host.Tests.Slack;

public sealed class SlackMirroringTests
{
    [Fact]
    public async Task A_widget_chat_becomes_a_slack_thread_with_every_customer_message_in_it()
    {
        await using var host = await SlackHost.StartAsync();
        using var visitor = await WidgetVisitor.OpenSessionAsync(host.Host);
        var id = await visitor.StartConversationAsync("Hello, where is my order?");
        await visitor.SendAsync(id, "It is order 1234");

        await SlackHost.EventuallyAsync(() => host.Slack.Messages(SlackHost.Channel).Count == 3, "the root and both messages are in Slack");
        var root = host.Slack.Messages(SlackHost.Channel).Single(m => !m.IsThreadReply);
        Assert.Contains($"#{id}", root.Text);
        var thread = host.Slack.Thread(SlackHost.Channel, root.Ts);
        Assert.Contains("Hello, where is my order?", thread[1].Text);
        Assert.Contains("It is order 1234", thread[2].Text);
        Assert.Contains("inbox.assign_me", root.BlocksJson);
    }

    [Fact]
    public async Task Customer_text_cannot_ping_the_channel_or_mention_anyone()
    {
        await using var host = await SlackHost.StartAsync();
        using var visitor = await WidgetVisitor.OpenSessionAsync(host.Host);
        await visitor.StartConversationAsync("<!channel> look <@U0ADMIN> & <https://evil.test|click>");

        await SlackHost.EventuallyAsync(() => host.Slack.Messages(SlackHost.Channel).Count == 2, "the message is in Slack");
        var posted = host.Slack.Messages(SlackHost.Channel).Single(m => m.IsThreadReply);
        Assert.DoesNotContain("<!channel>", posted.Text + posted.BlocksJson);
        Assert.DoesNotContain("<@U0ADMIN>", posted.Text + posted.BlocksJson);
        Assert.Contains("&lt;!channel&gt;", posted.Text);
    }

    [Fact]
    public async Task Assigning_and_closing_redraw_the_root_in_place_and_api_replies_show_in_the_thread()
    {
        await using var host = await SlackHost.StartAsync();
        using var console = OperatorConsole.Dana(host.Host);
        var id = await WidgetVisitor.NewConversationAsync(host.Host, "Can someone help?");
        await SlackHost.EventuallyAsync(() => host.Slack.Messages(SlackHost.Channel).Count == 2, "the thread exists");
        var root = host.Slack.Messages(SlackHost.Channel).Single(m => !m.IsThreadReply);

        await console.RunAsync(id, "assign");
        await console.ReplyAsync(id, "On it!");
        await console.RunAsync(id, "notes", new { text = "VIP customer, be nice" });
        await console.RunAsync(id, "close");

        await SlackHost.EventuallyAsync(() => (host.Slack.Message(SlackHost.Channel, root.Ts)!.Text ?? "").Contains("Closed"), "the root shows Closed");
        // A redraw shows the state at delivery time, so the root can read Closed before the later posts are out:
        // the close's own line is the last post of this conversation, and order per conversation is kept.
        await SlackHost.EventuallyAsync(() => host.Slack.Thread(SlackHost.Channel, root.Ts).Any(m => m.Text?.Contains("closed the conversation") == true),
            "every post up to the close is in the thread");
        var redrawn = host.Slack.Message(SlackHost.Channel, root.Ts)!;
        Assert.Contains(InboxHost.OperatorName, redrawn.BlocksJson);
        Assert.Contains("inbox.reopen", redrawn.BlocksJson);
        var thread = host.Slack.Thread(SlackHost.Channel, root.Ts).Select(m => m.Text ?? "").ToList();
        Assert.Contains(thread, t => t.Contains("On it!") && t.Contains(InboxHost.OperatorName));
        Assert.Contains(thread, t => t.Contains("VIP customer, be nice") && t.Contains("Note"));
        Assert.Equal(thread.Count, thread.Distinct().Count());
    }

    [Fact]
    public async Task Rate_limits_and_server_errors_delay_delivery_but_lose_and_double_nothing()
    {
        await using var host = await SlackHost.StartAsync();
        host.Slack.FailNext("chat.postMessage", 3, FakeFault.RateLimited(TimeSpan.FromSeconds(1)));
        host.Slack.FailNext("chat.postMessage", 2, FakeFault.ServerError);
        using var visitor = await WidgetVisitor.OpenSessionAsync(host.Host);
        var id = await visitor.StartConversationAsync("first");
        for (var i = 2; i <= 6; i++) await visitor.SendAsync(id, $"message {i}");

        await SlackHost.EventuallyAsync(() => host.Slack.Messages(SlackHost.Channel).Count == 7, "the root and all six messages are in Slack");
        var root = host.Slack.Messages(SlackHost.Channel).Single(m => !m.IsThreadReply);
        var replies = host.Slack.Thread(SlackHost.Channel, root.Ts).Skip(1).Select(m => m.Text ?? "").ToList();
        Assert.Equal(6, replies.Count);
        for (var i = 0; i < 6; i++)
            Assert.Contains(i == 0 ? "first" : $"message {i + 1}", replies[i]);
    }
}

public sealed class SlackExactlyOnceTests
{
    [Fact]
    public async Task Posts_whose_answer_was_lost_are_found_again_instead_of_posted_twice()
    {
        await using var host = await SlackHost.StartAsync();
        // Slack does the work, then the answer is lost: the root and the first two messages.
        host.Slack.FailNext("chat.postMessage", 3, FakeFault.AnswerLost);
        using var visitor = await WidgetVisitor.OpenSessionAsync(host.Host);
        var id = await visitor.StartConversationAsync("one");
        await visitor.SendAsync(id, "two");
        await visitor.SendAsync(id, "three");

        await SlackHost.EventuallyAsync(() => host.Slack.Messages(SlackHost.Channel).Count == 4, "the root and three messages are in Slack");
        await visitor.SendAsync(id, "four");
        await SlackHost.EventuallyAsync(() => host.Slack.Messages(SlackHost.Channel).Count == 5, "the fourth message is in Slack");

        var root = Assert.Single(host.Slack.Messages(SlackHost.Channel), m => !m.IsThreadReply);
        var replies = host.Slack.Thread(SlackHost.Channel, root.Ts).Skip(1).Select(m => m.Text ?? "").ToList();
        Assert.Equal(4, replies.Count);
        Assert.Contains("one", replies[0]);
        Assert.Contains("four", replies[3]);
        Assert.NotEmpty(host.Slack.CallsTo("conversations.history"));
    }
}

public sealed class SlackStormTests
{
    [Fact]
    public async Task A_storm_of_429s_500s_and_lost_answers_on_1000_messages_ends_with_each_posted_once_in_order()
    {
        await using var host = await SlackHost.StartAsync(new Dictionary<string, string?>
        {
            ["Slack:PostsPerSecond"] = "1000",
            ["Slack:PostBurst"] = "50",
            ["Widget:MessagesPerMinute"] = "100000",
        });
        host.Slack.FailNext("chat.postMessage", 40, FakeFault.RateLimited(TimeSpan.FromSeconds(1)));
        host.Slack.FailNext("chat.postMessage", 40, FakeFault.ServerError);
        host.Slack.FailNext("chat.postMessage", 20, FakeFault.AnswerLost);
        const int conversations = 20, perConversation = 50;

        var visitors = new List<WidgetVisitor>();
        var ids = new long[conversations];
        for (var c = 0; c < conversations; c++)
        {
            visitors.Add(await WidgetVisitor.OpenSessionAsync(host.Host));
            ids[c] = await visitors[c].StartConversationAsync($"c{c} m0");
        }
        await Task.WhenAll(Enumerable.Range(0, conversations).Select(async c =>
        {
            for (var m = 1; m < perConversation; m++)
                Assert.Equal(System.Net.HttpStatusCode.Created, (await visitors[c].SendAsync(ids[c], $"c{c} m{m}")).StatusCode);
        }));

        await SlackHost.EventuallyAsync(() => host.Slack.Messages(SlackHost.Channel).Count == conversations * (perConversation + 1),
            "every root and message is in Slack", seconds: 120);
        foreach (var root in host.Slack.Messages(SlackHost.Channel).Where(m => !m.IsThreadReply))
        {
            var replies = host.Slack.Thread(SlackHost.Channel, root.Ts).Skip(1).Select(m => m.Text ?? "").ToList();
            var conversationId = root.Metadata!["event_payload"]!["conversation_id"]!.GetValue<long>();
            var c = Array.IndexOf(ids, conversationId);
            Assert.Equal(perConversation, replies.Count);
            for (var m = 0; m < perConversation; m++) Assert.Contains($"c{c} m{m}", replies[m]);
        }
        foreach (var visitor in visitors) visitor.Dispose();
    }
}

public sealed class SlackRestartTests
{
    [Fact]
    public async Task A_restart_in_the_middle_of_delivery_loses_and_duplicates_nothing()
    {
        await using var host = await SlackHost.StartAsync(new Dictionary<string, string?> { ["Slack:PostsPerSecond"] = "20", ["Slack:PostBurst"] = "1" });
        // Some answers get lost on the way back, so some deliveries are done in Slack but not yet recorded when the host stops.
        host.Slack.FailNext("chat.postMessage", 2, FakeFault.AnswerLost);
        using var visitor = await WidgetVisitor.OpenSessionAsync(host.Host);
        var id = await visitor.StartConversationAsync("m0");
        for (var i = 1; i < 20; i++) await visitor.SendAsync(id, $"m{i}");
        await SlackHost.EventuallyAsync(() => host.Slack.Messages(SlackHost.Channel).Count >= 4, "delivery is under way");

        await host.RestartAsync();

        await SlackHost.EventuallyAsync(() => host.Slack.Messages(SlackHost.Channel).Count >= 21, "every message is in Slack after the restart", seconds: 30);
        var root = Assert.Single(host.Slack.Messages(SlackHost.Channel), m => !m.IsThreadReply);
        var replies = host.Slack.Thread(SlackHost.Channel, root.Ts).Skip(1).Select(m => m.Text ?? "").ToList();
        Assert.Equal(20, replies.Count);
        for (var i = 0; i < 20; i++) Assert.Contains($"m{i}", replies[i]);
    }
}
