using System.Net;
using System.Net.Sockets;
using Inbox.Channels.Email.Tests.Support;
using Inbox.Core.Outbox;
using Inbox.Fakes.Mail;
using MimeKit;

namespace Inbox.Channels.Email.Tests.Outbound;

/// <summary>Operators' replies sent through the real Postfix into the customer's real Dovecot mailbox.</summary>
public sealed class SmtpReplyDelivererTests
{
    private readonly TestMailServer _server = TestMailServer.FromEnvironment();

    [Fact]
    public async Task A_reply_reaches_the_customer_threaded_under_their_mail_from_the_operator_with_a_copy_in_sent()
    {
        var (support, customer) = await MailboxesAsync();
        await using var inbox = await EmailInbox.StartAsync(support);
        var question = CustomerMail.Write(customer.Mailbox("Ann Lee"), support.Address, "Printer on fire", "Help!");
        var id = await StartConversationAsync(inbox, question);

        var reply = await inbox.ReplyAsync(id, "Please restart it.");

        var mail = Assert.Single(await customer.WaitForMailAsync(1));
        Assert.Equal($"inbox.{reply.Id}.{id}@example.test", mail.MessageId);
        Assert.Equal(question.MessageId, mail.InReplyTo);
        Assert.Equal([question.MessageId!], mail.References);
        Assert.Equal("Re: Printer on fire", mail.Subject);
        var from = Assert.IsType<MailboxAddress>(Assert.Single(mail.From));
        Assert.Equal(("Dana Scully", support.Address), (from.Name, from.Address));
        var to = Assert.IsType<MailboxAddress>(Assert.Single(mail.To));
        Assert.Equal(("Ann Lee", customer.Address), (to.Name, to.Address));
        Assert.Equal("Please restart it.", mail.TextBody?.Trim());
        Assert.Equal(reply.Id, (await inbox.Queries.FindMessageByDeliveryAsync("email", mail.MessageId!, CancellationToken.None))?.Id);
        Assert.Equal(mail.MessageId, Assert.Single(await support.ReadAllAsync("Sent")).MessageId);
    }

    [Fact]
    public async Task Later_replies_answer_the_customers_latest_mail_and_carry_the_whole_chain()
    {
        var (support, customer) = await MailboxesAsync();
        await using var inbox = await EmailInbox.StartAsync(support);
        var question = CustomerMail.Write(customer.Mailbox("Ann Lee"), support.Address, "Printer on fire", "Help!");
        var id = await StartConversationAsync(inbox, question);
        await inbox.ReplyAsync(id, "Please restart it.");
        var first = Assert.Single(await customer.WaitForMailAsync(1));
        var answer = CustomerMail.Write(customer.Mailbox("Ann Lee"), support.Address, "Re: Printer on fire", "Did not help.", inReplyTo: first);
        await _server.SendAsync(answer);
        await support.WaitForMailAsync(2);
        await inbox.PollAsync();

        await inbox.ReplyAsync(id, "A technician is on the way.");

        var second = (await customer.WaitForMailAsync(2))[1];
        Assert.Equal(answer.MessageId, second.InReplyTo);
        Assert.Equal([question.MessageId!, first.MessageId!, answer.MessageId!], second.References);
        Assert.Equal("Re: Printer on fire", second.Subject);
    }

    [Fact]
    public async Task A_retry_after_a_send_that_got_through_finds_the_sent_copy_and_sends_nothing_again()
    {
        var (support, customer) = await MailboxesAsync();
        await using var inbox = await EmailInbox.StartAsync(support);
        var id = await StartConversationAsync(inbox, CustomerMail.Write(customer.Mailbox(), support.Address, "Refund", "Where is it?"));
        var reply = await inbox.ReplyAsync(id, "It is on its way.");
        var sent = Assert.Single(await customer.WaitForMailAsync(1));

        var outcome = await inbox.Deliverer.DeliverAsync(EmailInbox.DeliveryOf(reply, attempt: 2), CancellationToken.None);

        Assert.Equal(new DeliveryResult.Delivered(sent.MessageId), outcome);
        Assert.Single(await support.ReadAllAsync("Sent"));
        await Task.Delay(1000);
        Assert.Single(await customer.ReadAllAsync());
    }

    [Fact]
    public async Task A_retry_with_no_copy_in_sent_sends_the_mail_and_creates_the_folder()
    {
        var (support, customer) = await MailboxesAsync();
        await using var inbox = await EmailInbox.StartAsync(support, new Dictionary<string, string?> { ["Email:SentFolder"] = "Sent Replies" });
        var id = await StartConversationAsync(inbox, CustomerMail.Write(customer.Mailbox(), support.Address, "Refund", "Where is it?"));
        var reply = await inbox.ReplyWithoutDeliveringAsync(id, "It is on its way.");

        var outcome = await inbox.Deliverer.DeliverAsync(EmailInbox.DeliveryOf(reply, attempt: 3), CancellationToken.None);

        var mail = Assert.Single(await customer.WaitForMailAsync(1));
        Assert.Equal(new DeliveryResult.Delivered(mail.MessageId), outcome);
        Assert.Equal(mail.MessageId, Assert.Single(await support.ReadAllAsync("Sent Replies")).MessageId);
    }

    [Fact]
    public async Task Without_a_sent_folder_replies_go_out_and_no_copy_is_kept()
    {
        var (support, customer) = await MailboxesAsync();
        await using var inbox = await EmailInbox.StartAsync(support, new Dictionary<string, string?> { ["Email:SentFolder"] = "" });
        var id = await StartConversationAsync(inbox, CustomerMail.Write(customer.Mailbox(), support.Address, "Refund", "Where is it?"));

        await inbox.ReplyAsync(id, "It is on its way.");

        Assert.Single(await customer.WaitForMailAsync(1));
        Assert.Empty(await support.ReadAllAsync("Sent"));
    }

    [Fact]
    public async Task A_mail_server_that_cannot_be_reached_means_try_again_later()
    {
        var (support, customer) = await MailboxesAsync();
        await using var inbox = await EmailInbox.StartAsync(support, new Dictionary<string, string?> { ["Email:Smtp:Port"] = ClosedPort().ToString() });
        var id = await StartConversationAsync(inbox, CustomerMail.Write(customer.Mailbox(), support.Address, "Refund", "Where is it?"));
        var reply = await inbox.ReplyWithoutDeliveringAsync(id, "It is on its way.");

        var outcome = await inbox.Deliverer.DeliverAsync(EmailInbox.DeliveryOf(reply, attempt: 1), CancellationToken.None);

        Assert.IsType<DeliveryResult.Retry>(outcome);
        Assert.Empty(await support.ReadAllAsync("Sent"));
    }

    private async Task<long> StartConversationAsync(EmailInbox inbox, MimeMessage question)
    {
        await _server.SendAsync(question);
        await inbox.Support.WaitForMailAsync(1);
        Assert.Equal(1, (await inbox.PollAsync()).Stored);
        return Assert.Single(await inbox.ConversationsOfAsync(question.From.Mailboxes.Single().Address)).Id;
    }

    private async Task<(TestMailbox Support, TestMailbox Customer)> MailboxesAsync()
    {
        var boxes = await _server.CreateMailboxesAsync("support", "customer");
        return (boxes[0], boxes[1]);
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
