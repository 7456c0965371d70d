using System.Net;
using System.Text.Json.Nodes;
using Inbox.Fakes.BotFramework;
using Inbox.Host.Tests.Api.Support;

namespace Inbox.Host.Tests.Teams;

public sealed class TeamsRepliesTests
{
    [Fact]
    public async Task An_operator_reply_in_the_thread_reaches_the_widget_under_the_operators_real_name()
    {
        await using var host = await TeamsHost.StartAsync();
        await host.InstallAsync();
        using var visitor = await WidgetVisitor.OpenSessionAsync(host.Host);
        var id = await visitor.StartConversationAsync("Is anyone there?");
        var thread = await host.ThreadOfAsync(id);

        using var response = await host.SendAsync(host.Activities.ChannelMessage(host.Lee, thread.ConversationId, "Yes, how can I help?"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var messages = await visitor.MessagesAsync(id);
        var reply = messages.Last()!;
        Assert.Equal("Yes, how can I help?", reply.String("text"));
        Assert.Equal(InboxHost.SecondOperatorName, reply.String("authorName"));
        // The member was looked up once through the Connector and linked by email to the existing operator.
        Assert.Contains(host.Teams.CallsTo(BotOperation.GetConversationMember), c => c.Path.EndsWith(Uri.EscapeDataString(host.Lee.Id)) || c.Path.EndsWith(host.Lee.Id));
        using var console = OperatorConsole.Lee(host.Host);
        var details = await console.DetailsAsync(id);
        Assert.Contains(details["messages"]!.AsArray(), m => m.String("text") == "Yes, how can I help?" && m.String("authorName") == InboxHost.SecondOperatorName);
        // Nothing is echoed back into the Teams thread: the reply is already there.
        await Task.Delay(300);
        Assert.DoesNotContain(host.ReplyTexts(id), t => t.Contains("Yes, how can I help?"));
    }

    [Fact]
    public async Task A_reply_without_mentioning_the_bot_is_a_reply_too_and_repeats_of_one_activity_are_stored_once()
    {
        await using var host = await TeamsHost.StartAsync();
        await host.InstallAsync();
        using var visitor = await WidgetVisitor.OpenSessionAsync(host.Host);
        var id = await visitor.StartConversationAsync("Hello");
        var thread = await host.ThreadOfAsync(id);

        var activity = host.Activities.ChannelMessage(host.Dana, thread.ConversationId, "We are looking into it", mentionBot: false);
        for (var i = 0; i < 3; i++)
        {
            using var response = await host.SendAsync(activity);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        var messages = await visitor.MessagesAsync(id);
        Assert.Single(messages, m => m!.String("text") == "We are looking into it");
    }

    [Fact]
    public async Task A_reply_with_the_note_prefix_is_an_internal_note_the_customer_never_sees()
    {
        await using var host = await TeamsHost.StartAsync();
        await host.InstallAsync();
        using var visitor = await WidgetVisitor.OpenSessionAsync(host.Host);
        var id = await visitor.StartConversationAsync("My card was charged twice");
        var thread = await host.ThreadOfAsync(id);

        using var response = await host.SendAsync(host.Activities.ChannelMessage(host.Dana, thread.ConversationId, "// check the payments log first"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        using var console = OperatorConsole.Dana(host.Host);
        var details = await console.DetailsAsync(id);
        Assert.Contains(details["notes"]!.AsArray(), n => n.String("text") == "check the payments log first");
        Assert.DoesNotContain(await visitor.MessagesAsync(id), m => m!.String("text")!.Contains("payments log"));
    }

    [Fact]
    public async Task A_refused_reply_is_answered_in_the_thread_with_the_reason()
    {
        await using var host = await TeamsHost.StartAsync();
        await host.InstallAsync();
        var id = await WidgetVisitor.NewConversationAsync(host.Host, "buy cheap pills");
        var thread = await host.ThreadOfAsync(id);
        using var console = OperatorConsole.Dana(host.Host);
        await console.RunAsync(id, "block");

        using var response = await host.SendAsync(host.Activities.ChannelMessage(host.Dana, thread.ConversationId, "Hello?"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        await TeamsHost.EventuallyAsync(() => host.ReplyTexts(id).Any(t => t.Contains("Not sent to the customer") && t.Contains("blocked")),
            "the refusal is answered in the thread");
    }

    [Fact]
    public async Task An_edit_in_teams_changes_the_reply_the_customer_sees()
    {
        await using var host = await TeamsHost.StartAsync();
        await host.InstallAsync();
        using var visitor = await WidgetVisitor.OpenSessionAsync(host.Host);
        var id = await visitor.StartConversationAsync("Where is my parcel?");
        var thread = await host.ThreadOfAsync(id);
        var original = host.Activities.ChannelMessage(host.Dana, thread.ConversationId, "It ships tomorow");
        (await host.SendAsync(original)).Dispose();

        var edit = original.DeepClone().AsObject();
        edit["type"] = "messageUpdate";
        edit["text"] = $"{host.Activities.BotMentionText} It ships tomorrow";
        edit["channelData"]!["eventType"] = "editMessage";
        using var response = await host.SendAsync(edit);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var messages = await visitor.MessagesAsync(id);
        Assert.Contains(messages, m => m!.String("text") == "It ships tomorrow");
        Assert.DoesNotContain(messages, m => m!.String("text") == "It ships tomorow");
    }
}
