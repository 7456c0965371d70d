using Inbox.Channels.Email.Inbound;
using Inbox.Fakes.Mail;
using Inbox.Host.Tests.Slack;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

using static Inbox.Host.Tests.Replies.SlackReplies;

namespace Inbox.Host.Tests.Replies;

/// <summary>Email customers (the real Postfix and Dovecot): an undone reply is never mailed, and From shows the route's choice.</summary>
public sealed class EmailReplyTests
{
    private readonly TestMailServer _server = TestMailServer.FromEnvironment();

    private async Task<(SlackHost Host, TestMailbox Customer, string RootTs)> MailThreadAsync(Dictionary<string, string?> settings)
    {
        var boxes = await _server.CreateMailboxesAsync("support", "customer");
        var (support, customer) = (boxes[0], boxes[1]);
        foreach (var (key, value) in _server.EmailSettings(support)) settings[key] = value;
        var host = await StartAsync(settings);
        var question = new MimeMessage { MessageId = $"{Guid.NewGuid():N}@customer.example.test", Subject = "Broken kettle", Body = new TextPart("plain") { Text = "My kettle leaks." } };
        question.From.Add(customer.Mailbox("Ann Lee"));
        question.To.Add(support.Mailbox());
        await _server.SendAsync(question);
        await support.WaitForMailAsync(1);
        await host.Host.Services.GetRequiredService<MailboxPoller>().PollOnceAsync(CancellationToken.None);
        await SlackHost.EventuallyAsync(() => host.Slack.Messages(SlackHost.Channel).Count == 2, "the mail is in Slack");
        return (host, customer, host.Slack.Messages(SlackHost.Channel).Single(m => !m.IsThreadReply).Ts);
    }

    [Fact]
    public async Task On_an_alias_route_the_reply_mail_comes_from_the_alias_at_the_support_address()
    {
        var (host, customer, rootTs) = await MailThreadAsync(new() { ["Routing:Default:CustomerSees"] = "alias", ["Routing:Default:Alias"] = "Acme Support" });
        await using var _ = host;

        await ReplyAsync(host, rootTs, "1800000003.000100", "A new kettle is on its way.");

        var reply = Assert.Single(await customer.WaitForMailAsync(1));
        var from = Assert.IsType<MailboxAddress>(Assert.Single(reply.From));
        Assert.Equal("Acme Support", from.Name);
        Assert.DoesNotContain("Fox", reply.Headers.ToString());
    }

    [Fact]
    public async Task Undo_in_slack_inside_the_window_keeps_the_reply_from_being_mailed()
    {
        var (host, customer, rootTs) = await MailThreadAsync(Window("00:00:02"));
        await using var _ = host;

        await ReplyAsync(host, rootTs, "1800000003.000200", "Have you tried descaling it?");
        await PressAsync(host, UndoButton(Assert.Single(host.Slack.CallsTo("chat.postEphemeral"))), "undo-mail");
        await Task.Delay(TimeSpan.FromSeconds(4)); // past the window, with time for a send

        Assert.Equal("↩️ Undone — not sent to the customer.", Response(host, "undo-mail"));
        Assert.Empty(await customer.ReadAllAsync());
    }
}
