using Inbox.Channels.Email.Inbound;
using Inbox.Fakes.Mail;
using Inbox.Fakes.Slack;
using Inbox.Fakes.Telegram;
using Inbox.Host.Tests.Api.Support;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace Inbox.Host.Tests.Slack;

/// <summary>Routing rules and thread modes end to end: real host, fake Slack and Telegram, real mail servers.</summary>
public sealed class SlackRoutingTests
{
    private const string Fox = "U0FOXMULDER";
    private const string Chats = "CCHATS0001";
    private const string Mail = "CMAIL00001";
    private const string Bots = "CBOTS00001";
    private readonly TestMailServer _mail = TestMailServer.FromEnvironment();

    [Fact]
    public async Task Rules_put_widget_email_and_telegram_conversations_in_their_own_channels_and_a_notes_by_default_mail_thread_only_sends_with_the_prefix()
    {
        var boxes = await _mail.CreateMailboxesAsync("support", "customer");
        var (support, customer) = (boxes[0], boxes[1]);
        await using var telegram = await FakeTelegram.StartAsync(TelegramBotToken);
        var settings = SlackRoutingDriver.Rules(
            ("chats", "Channel=widget", Chats, null, "two-way"),
            ("mail", "Channel=email", Mail, null, "notes-by-default"),
            ("bots", "Channel=telegram", Bots, null, "alerts-only"));
        foreach (var (key, value) in _mail.EmailSettings(support)) settings[key] = value;
        foreach (var (key, value) in TelegramSettings(telegram)) settings[key] = value;
        await using var host = await SlackHost.StartAsync(settings);
        host.Slack.AddUser(Fox, "Fox Mulder", "fox@acme.test");
        var fox = new SlackRoutingDriver(host, Fox);

        var chat = await WidgetVisitor.NewConversationAsync(host.Host, "Hello from the website");
        await SendTelegramAsync(host, telegram, "Hello from Telegram");
        await SendMailAsync(support, customer, "Hello by mail");
        await host.Host.Services.GetRequiredService<MailboxPoller>().PollOnceAsync(CancellationToken.None);

        var chatRoot = await fox.RootAsync(Chats, chat);
        await SlackHost.EventuallyAsync(() => host.Slack.Messages(Bots).Count(m => !m.IsThreadReply) == 1, "the Telegram thread is in the bots channel");
        await SlackHost.EventuallyAsync(() => host.Slack.Messages(Mail).Count == 2, "the mail and its root are in the mail channel");
        Assert.Empty(host.Slack.Messages(SlackHost.Channel));
        Assert.Contains("Hello from the website", host.Slack.Thread(Chats, chatRoot)[1].Text);
        Assert.Contains("Hello from Telegram", host.Slack.Messages(Bots).Single(m => m.IsThreadReply).Text);
        Assert.Contains("Hello by mail", host.Slack.Messages(Mail).Single(m => m.IsThreadReply).Text);
        Assert.Contains("*two-way*", host.Slack.Message(Chats, chatRoot)!.Blocks!.ToJsonString());
        Assert.Contains("*alerts-only*", host.Slack.Messages(Bots).Single(m => !m.IsThreadReply).Blocks!.ToJsonString());

        var mailRoot = host.Slack.Messages(Mail).Single(m => !m.IsThreadReply);
        Assert.Contains("*notes-by-default*", mailRoot.Blocks!.ToJsonString());
        await fox.ReplyInThreadAsync(Mail, mailRoot.Ts, "Looks like a courier problem, checking");
        await fox.ReplyInThreadAsync(Mail, mailRoot.Ts, ">> We are on it and will write again today.");
        var sent = Assert.Single(await customer.WaitForMailAsync(1));
        Assert.Equal("We are on it and will write again today.", sent.TextBody?.Trim());
        Assert.Contains(fox.Ephemerals(), e => e.Contains("internal note", StringComparison.Ordinal));
        await Task.Delay(500);
        Assert.Single(await customer.ReadAllAsync());
    }

    [Fact]
    public async Task In_a_notes_by_default_thread_a_plain_reply_never_reaches_the_widget_but_the_send_prefix_and_the_reply_modal_do()
    {
        await using var host = await SlackHost.StartAsync(SlackRoutingDriver.Rules(("chats", "Channel=widget", Chats, null, "notes-by-default")));
        host.Slack.AddUser(Fox, "Fox Mulder", "fox@acme.test");
        var fox = new SlackRoutingDriver(host, Fox);
        using var visitor = await WidgetVisitor.OpenSessionAsync(host.Host);
        using var console = OperatorConsole.Dana(host.Host);
        var id = await visitor.StartConversationAsync("Where is my refund?");
        var root = await fox.RootAsync(Chats, id);

        await fox.ReplyInThreadAsync(Chats, root, "Finance says Tuesday");
        await fox.ReplyInThreadAsync(Chats, root, ">> Your refund arrives on Tuesday.");
        await fox.ReplyWithModalAsync(Chats, root, id, "Anything else I can do?");

        var answers = (await visitor.MessagesAsync(id)).Where(m => m.String("direction") == "operator").Select(m => m.String("text")).ToList();
        Assert.Equal(["Your refund arrives on Tuesday.", "Anything else I can do?"], answers);
        var note = Assert.Single((await console.DetailsAsync(id))["notes"]!.AsArray());
        Assert.Equal("Finance says Tuesday", note.String("text"));
        // The modal's answer is not in the thread yet (it was written outside it): it is posted there, marked as Fox's.
        await SlackHost.EventuallyAsync(() => host.Slack.Thread(Chats, root).Any(m => m.Text?.Contains("Anything else I can do?") == true), "the modal's reply is mirrored into the thread");
    }

    [Fact]
    public async Task In_an_alerts_only_thread_a_reply_is_a_note_the_telegram_customer_never_gets_and_its_author_is_told_to_use_reply()
    {
        await using var telegram = await FakeTelegram.StartAsync(TelegramBotToken);
        var settings = SlackRoutingDriver.Rules(("bots", "Channel=telegram", Bots, null, "alerts-only"));
        foreach (var (key, value) in TelegramSettings(telegram)) settings[key] = value;
        await using var host = await SlackHost.StartAsync(settings);
        host.Slack.AddUser(Fox, "Fox Mulder", "fox@acme.test");
        var fox = new SlackRoutingDriver(host, Fox);
        var user = await SendTelegramAsync(host, telegram, "My order never came");
        await SlackHost.EventuallyAsync(() => host.Slack.Messages(Bots).Count == 2, "the Telegram thread is in the bots channel");
        var root = host.Slack.Messages(Bots).Single(m => !m.IsThreadReply);
        var id = long.Parse(root.Text!.Split('#')[1].Split(' ')[0]);

        await fox.ReplyInThreadAsync(Bots, root.Ts, "Sorry, resending it now");
        await fox.ReplyInThreadAsync(Bots, root.Ts, ">> Even with the send prefix");

        var hints = fox.Ephemerals();
        Assert.Equal(2, hints.Count);
        Assert.All(hints, hint => Assert.Contains("press *Reply…*", hint));
        await fox.ReplyWithModalAsync(Bots, root.Ts, id, "We are resending your order today.");
        await SlackHost.EventuallyAsync(() => telegram.CallsTo("sendMessage").Count > 0, "the modal's answer reaches Telegram");
        await Task.Delay(500);
        var sent = Assert.Single(telegram.CallsTo("sendMessage"));
        Assert.Contains("We are resending your order today.", sent.Argument("text"));
        Assert.Equal(user.Id.ToString(), sent.Argument("chat_id"));
    }

    [Fact]
    public async Task Routes_lists_the_rules_in_order_and_open_here_shows_only_this_channels_route()
    {
        var settings = SlackRoutingDriver.Rules(("vip", "ChatTag=vip", "CVIP000001", null, "notes-by-default"), ("chats", "Channel=widget", Chats, null, "two-way"));
        settings["Routing:Rules:0:CustomerSees"] = "alias";
        settings["Routing:Rules:0:Alias"] = "Acme VIP";
        await using var host = await SlackHost.StartAsync(settings);
        host.Slack.AddUser(Fox, "Fox Mulder", "fox@acme.test");
        var fox = new SlackRoutingDriver(host, Fox);
        var first = await WidgetVisitor.NewConversationAsync(host.Host, "First");
        await fox.RootAsync(Chats, first);

        var routes = (await fox.CommandAsync(Chats, "routes")).Split('\n');
        Assert.StartsWith("1. *vip* — chat tag vip → Slack <#CVIP000001>", routes[1]);
        Assert.Contains("notes-by-default (send prefix `&gt;&gt;`) · customers see “Acme VIP”", routes[1]);
        Assert.StartsWith("2. *chats* — channel widget → Slack <#CCHATS0001>", routes[2]);
        Assert.StartsWith($"• *default* — everything else → Slack <#{SlackHost.Channel}>", routes[3]);

        var here = await fox.CommandAsync(Chats, "all here");
        Assert.Contains("*All* in route chats — 1 conversation", here);
        Assert.Contains($"#{first}", here);
        var elsewhere = await fox.CommandAsync(SlackHost.Channel, "all here");
        Assert.Contains("*All* in route default — 0 conversations", elsewhere);
        Assert.Contains("No route starts its threads in this channel", await fox.CommandAsync("CRANDOM001", "open here"));
    }

    [Fact]
    public async Task The_home_tab_offers_a_route_picker_that_narrows_every_view_to_that_route()
    {
        await using var host = await SlackHost.StartAsync(SlackRoutingDriver.Rules(("chats", "Channel=widget", Chats, null, "two-way")));
        var fox = await OpenHomeTabWithOneChatAsync(host);
        var everything = SlackRoutingDriver.Texts(host.Slack.Views.Last().View);
        Assert.Contains("*All* — 1 conversation", everything);
        Assert.Contains("Every route", host.Slack.Views.Last().View.ToJsonString());

        await fox.ChooseHomeRouteAsync("default");
        await SlackHost.EventuallyAsync(() => host.Slack.Views.Count == 2, "the Home tab is published again");
        Assert.Contains("*All* in route default — 0 conversations", SlackRoutingDriver.Texts(host.Slack.Views.Last().View));
        await fox.ChooseHomeRouteAsync("chats");
        await SlackHost.EventuallyAsync(() => host.Slack.Views.Count == 3, "the Home tab is published a third time");
        Assert.Contains("*All* in route chats — 1 conversation", SlackRoutingDriver.Texts(host.Slack.Views.Last().View));
    }

    [Fact]
    public async Task Two_quick_route_picks_leave_the_home_tab_showing_the_route_picked_last_when_the_first_publish_is_slow()
    {
        await using var host = await SlackHost.StartAsync(SlackRoutingDriver.Rules(("chats", "Channel=widget", Chats, null, "two-way")));
        var fox = await OpenHomeTabWithOneChatAsync(host);

        host.Slack.FailNext("views.publish", 1, FakeFault.Timeout(TimeSpan.FromSeconds(1.5)));
        await fox.ChooseHomeRouteAsync("default");
        await SlackHost.EventuallyAsync(() => host.Slack.CallsTo("views.publish").Count == 2, "the first pick's publish reaches Slack, which is slow to answer");
        await fox.ChooseHomeRouteAsync("chats");

        await SlackHost.EventuallyAsync(() => host.Slack.Views.Count == 3, "both picks are published");
        await Task.Delay(500); // nothing later may land over the last pick
        Assert.Equal(3, host.Slack.Views.Count);
        Assert.Contains("*All* in route default — 0 conversations", SlackRoutingDriver.Texts(host.Slack.Views[1].View));
        Assert.Contains("*All* in route chats — 1 conversation", SlackRoutingDriver.Texts(host.Slack.Views.Last().View));
    }

    // Fox, one widget chat rooted in the chats channel, and Fox's Home tab published once.
    private static async Task<SlackRoutingDriver> OpenHomeTabWithOneChatAsync(SlackHost host)
    {
        host.Slack.AddUser(Fox, "Fox Mulder", "fox@acme.test");
        var fox = new SlackRoutingDriver(host, Fox);
        var chat = await WidgetVisitor.NewConversationAsync(host.Host, "Hello");
        await fox.RootAsync(Chats, chat);
        using (await fox.EventAsync(new System.Text.Json.Nodes.JsonObject { ["type"] = "app_home_opened", ["user"] = Fox, ["tab"] = "home" })) { }
        await SlackHost.EventuallyAsync(() => host.Slack.Views.Count == 1, "the Home tab is published");
        return fox;
    }

    private const string TelegramBotToken = "987654321:test-telegram-bot-token";

    private static Dictionary<string, string?> TelegramSettings(FakeTelegram telegram) => new()
    {
        ["Telegram:BotToken"] = TelegramBotToken,
        ["Telegram:WebhookSecret"] = "test_webhook-secret-0123",
        ["Telegram:ApiBaseUrl"] = telegram.ApiBaseUrl.AbsoluteUri,
    };

    private static async Task<FakeTelegramUser> SendTelegramAsync(SlackHost host, FakeTelegram telegram, string text)
    {
        var user = new FakeTelegramUser(7_100_001, "Tim", "Traveller", "tim");
        using var http = new HttpClient();
        var webhook = new TelegramWebhookClient(http, new Uri(host.Host.BaseAddress, "/telegram/webhook"), "test_webhook-secret-0123");
        using var response = await webhook.PostAsync(TelegramUpdates.Text(71_000_010, user, text));
        Assert.True(response.IsSuccessStatusCode);
        return user;
    }

    private async Task SendMailAsync(TestMailbox support, TestMailbox customer, string text)
    {
        var question = new MimeMessage { MessageId = $"{Guid.NewGuid():N}@customer.example.test", Subject = "Question", Body = new TextPart("plain") { Text = text } };
        question.From.Add(customer.Mailbox("Ann Lee"));
        question.To.Add(support.Mailbox());
        await _mail.SendAsync(question);
        await support.WaitForMailAsync(1);
    }
}
