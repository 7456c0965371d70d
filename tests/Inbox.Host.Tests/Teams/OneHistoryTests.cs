using System.Text.Json.Nodes;
using Inbox.Fakes.Slack;
using Inbox.Host.Tests.Api.Support;

namespace Inbox.Host.Tests.Teams;

/// <summary>Slack and Teams together: one conversation, one thread in each, both showing everything, nothing echoing back.</summary>
public sealed class OneHistoryTests
{
    private const string SlackDana = "U0DANA0001";

    [Fact]
    public async Task Slack_and_teams_show_one_history_each_reply_marked_with_who_and_where_and_nothing_echoes()
    {
        await using var host = await TeamsHost.StartAsync(withSlack: true);
        var slack = host.Slack!;
        slack.AddUser(SlackDana, InboxHost.OperatorName, InboxHost.OperatorEmail);
        await host.InstallAsync();
        using var visitor = await WidgetVisitor.OpenSessionAsync(host.Host);
        var id = await visitor.StartConversationAsync("My order never arrived");

        var thread = await host.ThreadOfAsync(id);
        await TeamsHost.EventuallyAsync(() => slack.Messages(TeamsHost.SlackChannel).Count == 2, "the Slack thread has its root and the message");
        var rootTs = slack.Messages(TeamsHost.SlackChannel).Single(m => !m.IsThreadReply).Ts;

        // Lee answers in Teams; Dana answers and notes in Slack.
        (await host.SendAsync(host.Activities.ChannelMessage(host.Lee, thread.ConversationId, "Sorry! Checking with the courier."))).Dispose();
        (await SendSlackAsync(host, "Ev1", rootTs, "1800000001.000100", "It arrives tomorrow.")).Dispose();
        (await SendSlackAsync(host, "Ev2", rootTs, "1800000001.000200", "// courier confirmed by phone")).Dispose();
        using var console = OperatorConsole.Dana(host.Host);
        await console.RunAsync(id, "close");

        // Teams shows Dana's Slack reply and note, marked as written in Slack; its own reply is not posted back.
        await TeamsHost.EventuallyAsync(() => host.ReplyTexts(id).Any(t => t.Contains("courier confirmed by phone")), "the Slack note is in Teams");
        var teams = host.ReplyTexts(id);
        Assert.Contains(teams, t => t.Contains($"**{InboxHost.OperatorName}** replied to the customer in Slack") && t.Contains("It arrives tomorrow."));
        Assert.Contains(teams, t => t.Contains($"**Note by {InboxHost.OperatorName}** in Slack") && t.Contains("courier confirmed by phone"));
        Assert.DoesNotContain(teams, t => t.Contains("Checking with the courier"));

        // Slack shows Lee's Teams reply, marked as written in Teams; Slack's own messages are not posted back.
        await TeamsHost.EventuallyAsync(() => slack.Thread(TeamsHost.SlackChannel, rootTs).Any(m => m.Text?.Contains("Checking with the courier") == true),
            "the Teams reply is in Slack");
        var slackThread = slack.Thread(TeamsHost.SlackChannel, rootTs).Select(m => m.Text ?? "").ToList();
        Assert.Contains(slackThread, t => t.Contains($"*{InboxHost.SecondOperatorName}* replied to the customer in Teams"));
        Assert.DoesNotContain(slackThread, t => t.Contains("It arrives tomorrow"));
        Assert.DoesNotContain(slackThread, t => t.Contains("courier confirmed by phone"));

        // The close redraws both roots.
        await TeamsHost.EventuallyAsync(() => TeamsHost.Said(host.Teams.Thread(thread.ConversationId)!.Root!.AdaptiveCard).Contains("Closed"), "the Teams card shows Closed");
        await TeamsHost.EventuallyAsync(() => slack.Message(TeamsHost.SlackChannel, rootTs)!.Text?.Contains("Closed") == true, "the Slack root shows Closed");

        // The customer got both replies, once each, and never the note.
        var seen = (await visitor.MessagesAsync(id)).Select(m => m!.String("text")).ToList();
        Assert.Single(seen, t => t == "Sorry! Checking with the courier.");
        Assert.Single(seen, t => t == "It arrives tomorrow.");
        Assert.DoesNotContain(seen, t => t?.Contains("courier confirmed") == true);

        // Nothing loops: after everything settled, no new posts appear in either thread.
        await Task.Delay(1000);
        var (teamsCount, slackCount) = (host.Teams.Thread(thread.ConversationId)!.Activities.Count, slack.Thread(TeamsHost.SlackChannel, rootTs).Count);
        await Task.Delay(1000);
        Assert.Equal(teamsCount, host.Teams.Thread(thread.ConversationId)!.Activities.Count);
        Assert.Equal(slackCount, slack.Thread(TeamsHost.SlackChannel, rootTs).Count);
    }

    private static async Task<HttpResponseMessage> SendSlackAsync(TeamsHost host, string eventId, string threadTs, string ts, string text)
    {
        var body = new JsonObject
        {
            ["type"] = "event_callback",
            ["event_id"] = eventId,
            ["event"] = new JsonObject
            {
                ["type"] = "message", ["channel"] = TeamsHost.SlackChannel, ["user"] = SlackDana, ["text"] = text,
                ["ts"] = ts, ["thread_ts"] = threadTs, ["channel_type"] = "channel",
            },
        };
        using var client = host.Host.Visitor();
        var request = SlackRequestSigner.CreateJsonRequest(new Uri(host.Host.BaseAddress, "/slack/events"), body.ToJsonString(), DateTimeOffset.UtcNow,
            Slack.SlackHost.SigningSecret);
        return await client.SendAsync(request);
    }
}
