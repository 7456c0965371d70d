using Inbox.Fakes.BotFramework;
using Inbox.Host.Tests.Api.Support;

namespace Inbox.Host.Tests.Teams;

public sealed class TeamsCommandTests
{
    [Fact]
    public async Task Help_and_the_five_views_answer_where_the_command_was_written()
    {
        await using var host = await TeamsHost.StartAsync();
        await host.InstallAsync();
        var first = await WidgetVisitor.NewConversationAsync(host.Host, "First question");
        var second = await WidgetVisitor.NewConversationAsync(host.Host, "Second question");
        using var console = OperatorConsole.Dana(host.Host);
        await console.RunAsync(first, "assign");
        await console.RunAsync(second, "close");
        var channel = host.Activities.TeamId;

        Assert.Contains("transfer #123 @user", await host.CommandAsync(host.Dana, channel, "help"));
        var you = await host.CommandAsync(host.Dana, channel, "you");
        Assert.Contains("You — 1 conversation", you);
        Assert.Contains($"#{first}", you);
        var open = await host.CommandAsync(host.Dana, channel, "open");
        Assert.Contains($"#{first}", open);
        Assert.DoesNotContain($"#{second} ", open);
        Assert.Contains($"#{second}", await host.CommandAsync(host.Dana, channel, "closed"));
        Assert.Contains("All — 2 conversations", await host.CommandAsync(host.Dana, channel, "all"));
        Assert.Contains("Spam — 0 conversations", await host.CommandAsync(host.Dana, channel, "spam"));
    }

    [Fact]
    public async Task Closed_takes_the_same_filters_as_slack_and_a_bad_filter_is_explained()
    {
        await using var host = await TeamsHost.StartAsync();
        await host.InstallAsync();
        var vip = await WidgetVisitor.NewConversationAsync(host.Host, "VIP here");
        var other = await WidgetVisitor.NewConversationAsync(host.Host, "Regular here");
        using var console = OperatorConsole.Dana(host.Host);
        await console.RunAsync(vip, "tags", new { tag = "vip" });
        await console.RunAsync(vip, "assign");
        await console.RunAsync(vip, "close");
        await console.RunAsync(other, "close");
        var channel = host.Activities.TeamId;

        var filtered = await host.CommandAsync(host.Dana, channel, "closed tag:vip channel:widget since:2020-01-01");
        Assert.Contains($"#{vip}", filtered);
        Assert.DoesNotContain($"#{other}", filtered);
        Assert.Contains("average duration", filtered);
        var byAssignee = await host.CommandAsync(host.Lee, channel, "closed assignee:<at>Dana Scully</at>", host.Dana);
        Assert.Contains($"#{vip}", byAssignee);
        Assert.Contains("I don't know", await host.CommandAsync(host.Lee, channel, "closed assignee:@nobody"));
        Assert.Contains("is not a date", await host.CommandAsync(host.Dana, channel, "closed since:yesterday"));
        Assert.Contains("Unknown filter", await host.CommandAsync(host.Dana, channel, "closed color:red"));
    }

    [Fact]
    public async Task In_a_conversations_thread_commands_may_leave_out_the_conversation()
    {
        await using var host = await TeamsHost.StartAsync();
        await host.InstallAsync();
        using var visitor = await WidgetVisitor.OpenSessionAsync(host.Host);
        var id = await visitor.StartConversationAsync("Need an invoice");
        var thread = (await host.ThreadOfAsync(id)).ConversationId;
        await TeamsHost.EventuallyAsync(() => host.ReplyTexts(id).Count == 1, "the customer's message is in the thread");
        using var console = OperatorConsole.Dana(host.Host);

        Assert.Contains("Done", await host.CommandAsync(host.Lee, thread, "assign"));
        Assert.Equal(InboxHost.SecondOperatorEmail, (await console.DetailsAsync(id))["assignee"].String("email"));
        Assert.Contains("Done", await host.CommandAsync(host.Dana, thread, "join"));
        Assert.Contains("Done", await host.CommandAsync(host.Dana, thread, "tag billing"));
        Assert.Contains("Done", await host.CommandAsync(host.Dana, thread, "note Customer wants a PDF"));
        Assert.Contains("Done", await host.CommandAsync(host.Dana, thread, "untag billing"));
        var details = await host.CommandAsync(host.Dana, thread, "details");
        Assert.Contains("Customer wants a PDF", details);
        Assert.Contains("Need an invoice", string.Join(" ", (await visitor.MessagesAsync(id)).Select(m => m!.String("text"))));
        Assert.Contains("no other conversations", await host.CommandAsync(host.Dana, thread, "history"));
        Assert.Contains("Done", await host.CommandAsync(host.Dana, thread, "close"));
        Assert.Equal("Closed", (await console.DetailsAsync(id))["conversation"].String("status"));
        Assert.Contains("Done", await host.CommandAsync(host.Dana, thread, "reopen"));
        Assert.Contains("Done", await host.CommandAsync(host.Dana, thread, "block"));
        Assert.True((await console.DetailsAsync(id))["contact"]!["isBlocked"]!.GetValue<bool>());
        Assert.Contains("Done", await host.CommandAsync(host.Dana, thread, "unblock"));
        Assert.Contains("Done", await host.CommandAsync(host.Dana, thread, $"spam #{id}"));
        Assert.Equal("Spam", (await console.DetailsAsync(id))["conversation"].String("status"));
        // None of the commands reached the customer.
        var seen = string.Join(" | ", (await visitor.MessagesAsync(id)).Select(m => m!.String("text")));
        Assert.DoesNotContain("PDF", seen);
        Assert.DoesNotContain("billing", seen);
    }

    [Fact]
    public async Task Transfer_takes_a_mentioned_person_and_search_finds_by_message_text()
    {
        await using var host = await TeamsHost.StartAsync();
        await host.InstallAsync();
        var id = await WidgetVisitor.NewConversationAsync(host.Host, "My parcel 77341 is lost");
        await host.ThreadOfAsync(id);
        using var console = OperatorConsole.Dana(host.Host);
        await console.RunAsync(id, "assign");

        var command = TeamsHost.Mention(host.Activities.ChannelMessage(host.Dana, host.Activities.TeamId, $"transfer #{id} <at>Lee Adama</at>"), host.Lee);
        var thread = (string)command["conversation"]!["id"]!;
        (await host.SendAsync(command)).Dispose();
        await TeamsHost.EventuallyAsync(() => host.Teams.Thread(thread)?.BotActivities.Count == 1, "the transfer is answered");
        Assert.Contains("Done", TeamsHost.Said(host.Teams.Thread(thread)!.BotActivities[0].Activity));
        Assert.Equal(InboxHost.SecondOperatorEmail, (await console.DetailsAsync(id))["assignee"].String("email"));

        Assert.Contains($"#{id}", await host.CommandAsync(host.Dana, host.Activities.TeamId, "search 77341"));
        Assert.Contains("I don't know", await host.CommandAsync(host.Dana, host.Activities.TeamId, $"transfer #{id} nobody@nowhere.test"));
        Assert.Contains("Usage", await host.CommandAsync(host.Dana, host.Activities.TeamId, "close"));
        Assert.Contains("I don't know `frobnicate`", await host.CommandAsync(host.Dana, host.Activities.TeamId, "frobnicate"));
    }

    [Fact]
    public async Task Use_this_channel_moves_where_new_threads_start()
    {
        await using var host = await TeamsHost.StartAsync();
        await host.InstallAsync();
        const string other = "19:escalations@thread.tacv2";
        Assert.Contains("New conversations will start their threads in this channel", await host.CommandAsync(host.Dana, other, "use this channel"));

        var id = await WidgetVisitor.NewConversationAsync(host.Host, "Hello from the new channel");
        Assert.StartsWith(other + ";messageid=", (await host.ThreadOfAsync(id)).ConversationId);
        var create = host.Teams.CallsTo(BotOperation.CreateConversation).Last();
        Assert.Equal(other, (string?)create.Body!["channelData"]!["channel"]!["id"]);
    }

    [Fact]
    public async Task A_long_details_answer_stays_under_28_kb()
    {
        await using var host = await TeamsHost.StartAsync();
        await host.InstallAsync();
        var id = await WidgetVisitor.NewConversationAsync(host.Host, "Long story");
        var thread = (await host.ThreadOfAsync(id)).ConversationId;
        using var console = OperatorConsole.Dana(host.Host);
        for (var i = 0; i < 40; i++) await console.RunAsync(id, "notes", new { text = $"Note {i}: " + new string('x', 4000) });

        var before = host.Teams.Thread(thread)!.BotActivities.Count;
        (await host.SendAsync(host.Activities.ChannelMessage(host.Dana, thread, "details"))).Dispose();
        await TeamsHost.EventuallyAsync(() => host.Teams.Thread(thread)!.BotActivities.Any(a => TeamsHost.Said(a.Activity).Contains("Notes (40)")), "details are answered");
        var answer = host.Teams.Thread(thread)!.BotActivities.Skip(before).First(a => TeamsHost.Said(a.Activity).Contains("Notes (40)"));
        var card = answer.AdaptiveCard!;
        Assert.True(System.Text.Encoding.UTF8.GetByteCount(card.ToJsonString()) <= 28 * 1024, $"the card is {card.ToJsonString().Length} bytes");
    }
}
