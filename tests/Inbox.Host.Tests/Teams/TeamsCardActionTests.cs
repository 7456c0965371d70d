using System.Net;
using System.Text.Json.Nodes;
using Inbox.Fakes.BotFramework;
using Inbox.Host.Tests.Api.Support;

namespace Inbox.Host.Tests.Teams;

public sealed class TeamsCardActionTests
{
    private static JsonObject Data(long id, Guid? operatorId = null)
    {
        var data = new JsonObject { ["conversationId"] = id };
        if (operatorId is { } op) data["operatorId"] = op.ToString();
        return data;
    }

    private static async Task<JsonObject> PressAsync(TeamsHost host, FakeTeamsMember who, FakeTeamsThread thread, string verb, JsonObject data)
    {
        using var response = await host.SendAsync(host.Activities.CardAction(who, thread.ConversationId, thread.RootActivityId, verb, data));
        return await TeamsHost.InvokeBodyAsync(response);
    }

    private static string CardSays(JsonObject answer)
    {
        Assert.Equal(200, (int?)answer["statusCode"]);
        Assert.Equal("application/vnd.microsoft.card.adaptive", (string?)answer["type"]);
        Assert.Equal("AdaptiveCard", (string?)answer["value"]!["type"]);
        return TeamsHost.Said(answer["value"]);
    }

    [Fact]
    public async Task Each_button_acts_for_the_person_who_pressed_it_and_answers_with_the_refreshed_card()
    {
        await using var host = await TeamsHost.StartAsync();
        await host.InstallAsync();
        var id = await WidgetVisitor.NewConversationAsync(host.Host, "Please help");
        var thread = await host.ThreadOfAsync(id);
        using var console = OperatorConsole.Dana(host.Host);

        Assert.Contains($"Assigned to {InboxHost.SecondOperatorName}", CardSays(await PressAsync(host, host.Lee, thread, "inbox.assign_me", Data(id))));
        var danaId = Guid.Parse((await (await console.Client.GetAsync("/api/operator/me")).ShouldBe(HttpStatusCode.OK)).String("id")!);
        Assert.Contains($"Assigned to {InboxHost.OperatorName}", CardSays(await PressAsync(host, host.Lee, thread, "inbox.transfer", Data(id, danaId))));
        CardSays(await PressAsync(host, host.Lee, thread, "inbox.join", Data(id)));
        Assert.Contains((await console.DetailsAsync(id))["participants"]!.AsArray(), p => p.String("email") == InboxHost.SecondOperatorEmail);

        var closed = CardSays(await PressAsync(host, host.Dana, thread, "inbox.close", Data(id)));
        Assert.Contains("Closed", closed);
        Assert.Contains("Reopen", closed);
        var reopened = CardSays(await PressAsync(host, host.Dana, thread, "inbox.reopen", Data(id)));
        Assert.Contains("Open", reopened);
        Assert.Contains("Close", reopened);
        Assert.Contains("Open", CardSays(await PressAsync(host, host.Dana, thread, "inbox.refresh", Data(id))));

        var spam = CardSays(await PressAsync(host, host.Dana, thread, "inbox.spam", Data(id)));
        Assert.Contains("Spam", spam);
        Assert.Equal("Spam", (await console.DetailsAsync(id))["conversation"].String("status"));
    }

    [Fact]
    public async Task Details_and_history_answer_in_the_thread_and_leave_the_card_as_it_is()
    {
        await using var host = await TeamsHost.StartAsync();
        await host.InstallAsync();
        var id = await WidgetVisitor.NewConversationAsync(host.Host, "Where is my refund?");
        var thread = await host.ThreadOfAsync(id);

        Assert.Contains("Open", CardSays(await PressAsync(host, host.Dana, thread, "inbox.details", Data(id))));
        await TeamsHost.EventuallyAsync(() => host.ReplyTexts(id).Any(t => t.Contains("Visitor") && t.Contains("Past conversations")), "details are in the thread");
        CardSays(await PressAsync(host, host.Dana, thread, "inbox.history", Data(id)));
        await TeamsHost.EventuallyAsync(() => host.ReplyTexts(id).Any(t => t.Contains("no other conversations")), "history is in the thread");
    }

    [Fact]
    public async Task A_refused_action_answers_with_a_message_and_a_repeated_invoke_runs_once()
    {
        await using var host = await TeamsHost.StartAsync();
        await host.InstallAsync();
        var id = await WidgetVisitor.NewConversationAsync(host.Host, "Bye");
        var thread = await host.ThreadOfAsync(id);

        var press = host.Activities.CardAction(host.Dana, thread.ConversationId, thread.RootActivityId, "inbox.close", Data(id));
        using (var first = await host.SendAsync(press)) CardSays(await TeamsHost.InvokeBodyAsync(first));
        // Teams resends an invoke it did not hear back about: the same answer, and the close is not tried again.
        using (var again = await host.SendAsync(press)) Assert.Contains("Closed", CardSays(await TeamsHost.InvokeBodyAsync(again)));

        var secondClose = await PressAsync(host, host.Dana, thread, "inbox.close", Data(id));
        Assert.Equal("application/vnd.microsoft.activity.message", (string?)secondClose["type"]);
        Assert.Contains("already closed", (string?)secondClose["value"]);
        var unknown = await PressAsync(host, host.Dana, thread, "inbox.frobnicate", Data(id));
        Assert.Equal("application/vnd.microsoft.activity.message", (string?)unknown["type"]);
        var missing = await PressAsync(host, host.Dana, thread, "inbox.close", new JsonObject());
        Assert.Contains("missing its conversation", (string?)missing["value"]);
    }

    [Fact]
    public async Task A_status_change_made_elsewhere_updates_the_root_card_in_place()
    {
        await using var host = await TeamsHost.StartAsync();
        await host.InstallAsync();
        var id = await WidgetVisitor.NewConversationAsync(host.Host, "Hello");
        var thread = await host.ThreadOfAsync(id);
        using var console = OperatorConsole.Dana(host.Host);

        await console.RunAsync(id, "assign");
        await console.RunAsync(id, "close");

        await TeamsHost.EventuallyAsync(() => TeamsHost.Said(host.Teams.Thread(thread.ConversationId)!.Root!.AdaptiveCard).Contains("Closed"), "the root card shows Closed");
        var root = host.Teams.Thread(thread.ConversationId)!.Root!;
        Assert.NotEmpty(root.Edits);
        Assert.Contains($"Assigned to {InboxHost.OperatorName}", TeamsHost.Said(root.AdaptiveCard));
        Assert.All(host.Teams.CallsTo(BotOperation.UpdateActivity), c => Assert.EndsWith(thread.RootActivityId, c.Path));
    }
}
