using Inbox.Host.Tests.Api.Support;
using Inbox.Host.Tests.Slack;

using static Inbox.Host.Tests.Replies.SlackReplies;

namespace Inbox.Host.Tests.Replies;

/// <summary>The undo window seen from Slack: the author gets an Undo button; undo cancels, an edit replaces, late undo says "Sent".</summary>
public sealed class SlackUndoTests
{
    [Fact]
    public async Task Undo_pressed_in_slack_inside_the_window_cancels_the_reply_and_the_widget_visitor_never_gets_it()
    {
        await using var host = await StartAsync(Window("00:00:02"));
        using var visitor = await WidgetVisitor.OpenSessionAsync(host.Host);
        using var console = OperatorConsole.Dana(host.Host);
        var (id, rootTs) = await StartThreadAsync(host, visitor, "Can I get a refund?");

        await ReplyAsync(host, rootTs, "1800000001.000100", "No refunds, sorry");
        var offer = Assert.Single(host.Slack.CallsTo("chat.postEphemeral"));
        Assert.Equal(Fox, offer.Argument("user"));
        Assert.Equal(rootTs, offer.Argument("thread_ts"));
        await PressAsync(host, UndoButton(offer), "undo-1");
        await Task.Delay(TimeSpan.FromSeconds(3)); // past the window

        Assert.Equal("↩️ Undone — not sent to the customer.", Response(host, "undo-1"));
        Assert.DoesNotContain(await visitor.MessagesAsync(id), m => m.String("direction") == "operator");
        var history = (await console.DetailsAsync(id))["messages"]!.AsArray();
        var undone = history.Single(m => m.String("text") == "No refunds, sorry");
        Assert.NotNull(undone!["withdrawnAt"]);
        Assert.Contains(history, m => m.String("text") == "Fox Mulder undid a reply; the customer did not get it.");
    }

    [Fact]
    public async Task An_undo_whose_answer_cannot_reach_slack_is_still_acknowledged_and_still_undone()
    {
        var settings = Window("00:00:02");
        settings["Slack:RequestTimeout"] = "00:00:00.300";
        await using var host = await StartAsync(settings);
        using var visitor = await WidgetVisitor.OpenSessionAsync(host.Host);
        var (id, rootTs) = await StartThreadAsync(host, visitor, "Refund?");
        await ReplyAsync(host, rootTs, "1800000001.000150", "No, sorry");
        host.Slack.FailNext(Inbox.Fakes.Slack.FakeSlack.ResponseUrlMethod, 1, Inbox.Fakes.Slack.FakeFault.Timeout(TimeSpan.FromSeconds(5)));

        await PressAsync(host, UndoButton(Assert.Single(host.Slack.CallsTo("chat.postEphemeral"))), "undo-lost"); // answered 200
        await Task.Delay(TimeSpan.FromSeconds(3)); // past the window

        Assert.DoesNotContain(await visitor.MessagesAsync(id), m => m.String("direction") == "operator");
    }

    [Fact]
    public async Task A_reply_sent_with_the_reply_form_gets_the_undo_button_in_its_thread_too()
    {
        await using var host = await StartAsync(Window("00:00:02"));
        using var visitor = await WidgetVisitor.OpenSessionAsync(host.Host);
        var (id, rootTs) = await StartThreadAsync(host, visitor, "Anyone?");

        await SubmitReplyFormAsync(host, id, "Sent from the form");
        var offer = Assert.Single(host.Slack.CallsTo("chat.postEphemeral"));
        Assert.Equal(rootTs, offer.Argument("thread_ts"));
        await PressAsync(host, UndoButton(offer), "undo-form");
        await Task.Delay(TimeSpan.FromSeconds(3));

        Assert.Equal("↩️ Undone — not sent to the customer.", Response(host, "undo-form"));
        Assert.DoesNotContain(await visitor.MessagesAsync(id), m => m.String("direction") == "operator");
    }

    [Fact]
    public async Task Undo_pressed_after_the_window_says_the_reply_was_sent()
    {
        await using var host = await StartAsync(Window("00:00:01"));
        using var visitor = await WidgetVisitor.OpenSessionAsync(host.Host);
        var (id, rootTs) = await StartThreadAsync(host, visitor, "Hello?");

        await ReplyAsync(host, rootTs, "1800000001.000200", "Hi, Fox here");
        await SlackHost.EventuallyAsync(() => visitor.MessagesAsync(id).Result.Any(m => m.String("direction") == "operator"), "the reply reaches the widget");
        await PressAsync(host, UndoButton(Assert.Single(host.Slack.CallsTo("chat.postEphemeral"))), "undo-2");

        Assert.Equal("✅ Sent — it was too late to undo.", Response(host, "undo-2"));
        Assert.Equal("Hi, Fox here", (await visitor.MessagesAsync(id)).Single(m => m.String("direction") == "operator").String("text"));
    }

    [Fact]
    public async Task An_edit_in_slack_inside_the_window_replaces_the_text_before_it_reaches_the_widget()
    {
        await using var host = await StartAsync(Window("00:00:02"));
        using var visitor = await WidgetVisitor.OpenSessionAsync(host.Host);
        var (id, rootTs) = await StartThreadAsync(host, visitor, "When does it ship?");
        await using var live = await LiveEventStream.OpenAsync(host.Host, visitor.Token);
        var repliedAt = DateTimeOffset.UtcNow;

        await ReplyAsync(host, rootTs, "1800000001.000300", "It ships Mondya");
        await EditAsync(host, rootTs, "1800000001.000300", "It ships Mondya", "It ships Monday");
        var pushed = await live.NextAsync("message");

        Assert.True(DateTimeOffset.UtcNow - repliedAt >= TimeSpan.FromSeconds(1.9), "the reply was pushed before its window ended");
        Assert.Equal("It ships Monday", pushed.Json.String("text"));
        var shown = (await visitor.MessagesAsync(id)).Single(m => m.String("direction") == "operator");
        Assert.Equal("It ships Monday", shown.String("text"));
        Assert.Null(shown!["editedAt"]); // the customer never saw another text
    }

    [Fact]
    public async Task A_reply_held_when_the_host_restarts_is_delivered_exactly_once_after_the_window()
    {
        await using var host = await StartAsync(Window("00:00:03"));
        using var visitor = await WidgetVisitor.OpenSessionAsync(host.Host);
        var (id, rootTs) = await StartThreadAsync(host, visitor, "Is anyone there?");
        using (var console = OperatorConsole.Dana(host.Host))
            await console.ReplyAsync(id, "Yes, Dana here");
        bool Mirrored(int count) => host.Slack.Thread(SlackHost.Channel, rootTs).Count(m => m.Text?.Contains("Yes, Dana here") == true) == count;
        Assert.True(Mirrored(0), "the held reply was mirrored to Slack inside its window");

        await host.RestartAsync();
        await SlackHost.EventuallyAsync(() => Mirrored(1), "the reply is mirrored after the restart");
        await Task.Delay(TimeSpan.FromSeconds(1.5));

        Assert.True(Mirrored(1), "the reply was mirrored more than once");
        using var after = OperatorConsole.Dana(host.Host);
        var reply = Assert.Single((await after.DetailsAsync(id))["messages"]!.AsArray(), m => m.String("text") == "Yes, Dana here");
        Assert.Null(reply!["heldUntil"]);
        Assert.Null(reply["withdrawnAt"]);
    }

    [Fact]
    public async Task With_no_undo_window_a_reply_reaches_the_widget_at_once_and_offers_no_undo()
    {
        await using var host = await StartAsync(Window("00:00:00"));
        using var visitor = await WidgetVisitor.OpenSessionAsync(host.Host);
        var (id, rootTs) = await StartThreadAsync(host, visitor, "Quick question");

        await ReplyAsync(host, rootTs, "1800000001.000400", "Quick answer");

        Assert.Equal("Quick answer", (await visitor.MessagesAsync(id)).Single(m => m.String("direction") == "operator").String("text"));
        Assert.Empty(host.Slack.CallsTo("chat.postEphemeral"));
    }
}
