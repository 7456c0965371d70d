using System.Net;
using System.Text.Json.Nodes;
using Inbox.Host.Tests.Api.Support;
using Inbox.Host.Tests.Teams;

namespace Inbox.Host.Tests.Replies;

/// <summary>The undo window seen from Teams: an Undo card under the reply in the thread, redrawn as "Undone" or "Sent" when pressed.</summary>
public sealed class TeamsUndoTests
{
    private static readonly Dictionary<string, string?> TwoSeconds = new() { ["Replies:UndoWindow"] = "00:00:02" };

    private static async Task<(TeamsHost Host, WidgetVisitor Visitor, long Id, string Thread)> ThreadAsync(Dictionary<string, string?> settings)
    {
        var host = await TeamsHost.StartAsync(settings: settings);
        await host.InstallAsync();
        var visitor = await WidgetVisitor.OpenSessionAsync(host.Host);
        var id = await visitor.StartConversationAsync("Where is my parcel?");
        var thread = await host.ThreadOfAsync(id);
        return (host, visitor, id, thread.ConversationId);
    }

    private static async Task<(string ActivityId, JsonObject Data)> UndoCardAsync(TeamsHost host, string thread)
    {
        JsonObject? action = null;
        string? activityId = null;
        await TeamsHost.EventuallyAsync(() =>
        {
            foreach (var posted in host.Teams.Thread(thread)?.BotActivities ?? [])
            {
                action = posted.AdaptiveCard?["actions"]?.AsArray().OfType<JsonObject>().FirstOrDefault(a => a["verb"]?.GetValue<string>() == "inbox.undo");
                activityId = posted.Id;
                if (action is not null) return true;
            }
            return false;
        }, "the Undo card is in the thread");
        return (activityId!, action!["data"]!.AsObject());
    }

    [Fact]
    public async Task Undo_pressed_in_teams_inside_the_window_cancels_the_reply_and_the_widget_visitor_never_gets_it()
    {
        var (host, visitor, id, thread) = await ThreadAsync(TwoSeconds);
        await using var _ = host;
        using var __ = visitor;

        using (var sent = await host.SendAsync(host.Activities.ChannelMessage(host.Dana, thread, "It was lost, sorry")))
            Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        var (cardId, data) = await UndoCardAsync(host, thread);
        Assert.Contains("Sending Dana Scully's reply to the customer", TeamsHost.Said(host.Teams.Thread(thread)!.Activity(cardId)!.AdaptiveCard));
        using var pressed = await host.SendAsync(host.Activities.CardAction(host.Dana, thread, cardId, "inbox.undo", data.DeepClone().AsObject()));
        var answer = await TeamsHost.InvokeBodyAsync(pressed);
        await Task.Delay(TimeSpan.FromSeconds(3)); // past the window

        Assert.Equal("↩️ Undone — not sent to the customer.", TeamsHost.Said(answer["value"]));
        Assert.DoesNotContain(await visitor.MessagesAsync(id), m => m.String("direction") == "operator");
        Assert.Equal("↩️ Undone — not sent to the customer.", await RefreshedAsync(host, thread, cardId, data));
    }

    /// <summary>What the card says when Teams refreshes it for its author (the card's <c>refresh</c> action).</summary>
    private static async Task<string> RefreshedAsync(TeamsHost host, string thread, string cardId, JsonObject data)
    {
        var refresh = host.Teams.Thread(thread)!.Activity(cardId)!.AdaptiveCard!["refresh"]!;
        Assert.Equal([host.Dana.Id], refresh["userIds"]!.AsArray().Select(u => u!.GetValue<string>()));
        var verb = refresh["action"]!["verb"]!.GetValue<string>();
        using var response = await host.SendAsync(host.Activities.CardAction(host.Dana, thread, cardId, verb, data.DeepClone().AsObject()));
        return TeamsHost.Said((await TeamsHost.InvokeBodyAsync(response))["value"]);
    }

    [Fact]
    public async Task An_edit_in_teams_inside_the_window_replaces_the_text_before_it_reaches_the_widget()
    {
        var (host, visitor, id, thread) = await ThreadAsync(TwoSeconds);
        await using var _ = host;
        using var __ = visitor;
        var original = host.Activities.ChannelMessage(host.Dana, thread, "It ships tomorow");
        (await host.SendAsync(original)).Dispose();

        var edit = original.DeepClone().AsObject();
        edit["type"] = "messageUpdate";
        edit["text"] = $"{host.Activities.BotMentionText} It ships tomorrow";
        edit["channelData"]!["eventType"] = "editMessage";
        using (var edited = await host.SendAsync(edit)) Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        Assert.DoesNotContain(await visitor.MessagesAsync(id), m => m.String("direction") == "operator");

        await Inbox.Host.Tests.Slack.SlackHost.EventuallyAsync(
            () => visitor.MessagesAsync(id).Result.Any(m => m.String("direction") == "operator"), "the reply reaches the widget after its window");
        var shown = Assert.Single(await visitor.MessagesAsync(id), m => m.String("direction") == "operator");
        Assert.Equal("It ships tomorrow", shown.String("text"));
        Assert.Null(shown!["editedAt"]);
    }

    [Fact]
    public async Task Undo_pressed_by_someone_else_is_refused_and_the_reply_still_goes_out()
    {
        var (host, visitor, id, thread) = await ThreadAsync(TwoSeconds);
        await using var _ = host;
        using var __ = visitor;

        using (var sent = await host.SendAsync(host.Activities.ChannelMessage(host.Dana, thread, "On its way"))) Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        var (cardId, data) = await UndoCardAsync(host, thread);
        using var pressed = await host.SendAsync(host.Activities.CardAction(host.Lee, thread, cardId, "inbox.undo", data.DeepClone().AsObject()));
        var answer = await TeamsHost.InvokeBodyAsync(pressed);

        Assert.Equal("Only the operator who wrote a reply can undo it.", answer["value"]?.GetValue<string>());
        await Inbox.Host.Tests.Slack.SlackHost.EventuallyAsync(
            () => visitor.MessagesAsync(id).Result.Any(m => m.String("text") == "On its way"), "the reply reaches the widget after its window");
        Assert.Equal("✅ Sent to the customer.", await RefreshedAsync(host, thread, cardId, data));
    }
}
