using Inbox.Channels.Email.Tests.Support;
using Inbox.Core.Model;
using Inbox.Fakes.Mail;
using MimeKit;

namespace Inbox.Channels.Email.Tests.Inbound;

/// <summary>The poller against the real Dovecot and Postfix of scripts/mail-servers.sh; every test has its own mailboxes.</summary>
public sealed class MailboxPollerTests
{
    private readonly TestMailServer _server = TestMailServer.FromEnvironment();

    [Fact]
    public async Task A_new_mail_starts_a_conversation_with_its_sender_as_contact_and_its_subject_as_topic()
    {
        var support = await _server.CreateMailboxAsync("support");
        await using var inbox = await EmailInbox.StartAsync(support);
        var mail = CustomerMail.Write(new MailboxAddress("Ann Lee", "Ann.Lee@Example.Test"), support.Address,
            "Fwd: RE: Printer on fire", "The printer is on fire.\n\n-- \nAnn Lee\nAcme Ltd");
        await _server.SendAsync(mail);
        await support.WaitForMailAsync(1);

        var result = await inbox.PollAsync();

        Assert.Equal(new PollResultCounts(1, 0, 0), Counts(result));
        var conversation = await inbox.ConversationAsync(Assert.Single(await inbox.ConversationsOfAsync("ann.lee@example.test")).Id);
        Assert.Equal(ChannelKind.Email, conversation.Channel);
        Assert.Equal("Printer on fire", conversation.Subject);
        Assert.Equal(support.Address, conversation.Site);
        var contact = (await inbox.Queries.FindContactAsync(conversation.ContactId, CancellationToken.None))!;
        Assert.Equal("Ann Lee", contact.Name);
        Assert.Equal("Ann.Lee@Example.Test", contact.Email);
        Assert.Equal("ann.lee@example.test", contact.ExternalIdOn(ChannelKind.Email));
        var message = Assert.Single(await inbox.MessagesAsync(conversation.Id));
        Assert.Equal(MessageDirection.FromCustomer, message.Direction);
        Assert.Equal("The printer is on fire.", message.Text);
        Assert.Equal("email:" + mail.MessageId, message.ExternalId);
    }

    [Fact]
    public async Task Only_mail_that_arrived_since_the_last_poll_is_taken_also_after_a_restart()
    {
        var support = await _server.CreateMailboxAsync("support");
        var folder = Directory.CreateTempSubdirectory("inbox-email-").FullName;
        var ann = new MailboxAddress("Ann", "ann@customer.test");
        await using (var first = await EmailInbox.StartAsync(support, folder: folder))
        {
            await _server.SendAsync(CustomerMail.Write(ann, support.Address, "One", "first"));
            await support.WaitForMailAsync(1);
            Assert.Equal(1, (await first.PollAsync()).Stored);
            Assert.Equal(0, (await first.PollAsync()).Seen);
        }

        await using var restarted = await EmailInbox.StartAsync(support, folder: folder);
        Assert.Equal(0, (await restarted.PollAsync()).Seen);
        await _server.SendAsync(CustomerMail.Write(ann, support.Address, "Two", "second"));
        await support.WaitForMailAsync(2);

        Assert.Equal(new PollResultCounts(1, 0, 0), Counts(await restarted.PollAsync()));
        Assert.Equal(2, (await restarted.ConversationsOfAsync(ann.Address)).Count);
    }

    [Fact]
    public async Task A_reply_to_our_reply_joins_the_same_conversation()
    {
        var (support, customer) = await MailboxesAsync();
        await using var inbox = await EmailInbox.StartAsync(support);
        await _server.SendAsync(CustomerMail.Write(customer.Mailbox("Ann Lee"), support.Address, "Printer", "It is broken."));
        await support.WaitForMailAsync(1);
        await inbox.PollAsync();
        var id = Assert.Single(await inbox.ConversationsOfAsync(customer.Address)).Id;
        await inbox.ReplyAsync(id, "Please restart it.");
        var ourReply = Assert.Single(await customer.WaitForMailAsync(1));

        await _server.SendAsync(CustomerMail.Write(customer.Mailbox("Ann Lee"), support.Address, "Re: Printer",
            $"Restarted, still broken.\n\nOn Tue, Dana Scully <{support.Address}> wrote:\n> Please restart it.", inReplyTo: ourReply));
        await support.WaitForMailAsync(2);
        var result = await inbox.PollAsync();

        Assert.Equal(1, result.Stored);
        Assert.Equal(id, Assert.Single(await inbox.ConversationsOfAsync(customer.Address)).Id);
        var texts = (await inbox.MessagesAsync(id)).Select(m => (m.Direction, m.Text)).ToList();
        Assert.Equal([(MessageDirection.FromCustomer, "It is broken."), (MessageDirection.FromOperator, "Please restart it."),
            (MessageDirection.FromCustomer, "Restarted, still broken.")], texts);
    }

    [Fact]
    public async Task A_follow_up_to_the_customers_own_mail_joins_its_conversation_and_one_without_references_starts_another()
    {
        var support = await _server.CreateMailboxAsync("support");
        var ann = new MailboxAddress("Ann", "ann@customer.test");
        await using var inbox = await EmailInbox.StartAsync(support);
        var first = CustomerMail.Write(ann, support.Address, "Invoice 17", "The total is wrong.");
        await _server.SendAsync(first);
        await support.WaitForMailAsync(1);
        await inbox.PollAsync();

        await _server.SendAsync(CustomerMail.Write(ann, support.Address, "Re: Invoice 17", "Attached the right figures.", inReplyTo: first));
        await support.WaitForMailAsync(2);
        await inbox.PollAsync();
        await _server.SendAsync(CustomerMail.Write(ann, support.Address, "Another thing", "New topic."));
        await support.WaitForMailAsync(3);
        await inbox.PollAsync();

        var conversations = await inbox.ConversationsOfAsync(ann.Address);
        Assert.Equal(2, conversations.Count);
        var (newest, invoice) = (conversations[0], conversations[1]);
        Assert.Equal("Invoice 17", (await inbox.ConversationAsync(invoice.Id)).Subject);
        Assert.Equal(["The total is wrong.", "Attached the right figures."], (await inbox.MessagesAsync(invoice.Id)).Select(m => m.Text));
        Assert.Equal("Another thing", (await inbox.ConversationAsync(newest.Id)).Subject);
    }

    [Fact]
    public async Task A_mail_pointing_into_another_customers_conversation_starts_its_own()
    {
        var support = await _server.CreateMailboxAsync("support");
        await using var inbox = await EmailInbox.StartAsync(support);
        var anns = CustomerMail.Write(new MailboxAddress("Ann", "ann@customer.test"), support.Address, "Order 5", "Where is it?");
        await _server.SendAsync(anns);
        await support.WaitForMailAsync(1);
        await inbox.PollAsync();

        await _server.SendAsync(CustomerMail.Write(new MailboxAddress("Eve", "eve@customer.test"), support.Address, "Re: Order 5", "Let me in", inReplyTo: anns));
        await support.WaitForMailAsync(2);
        var result = await inbox.PollAsync();

        Assert.Equal(1, result.Stored);
        var annsConversation = Assert.Single(await inbox.ConversationsOfAsync("ann@customer.test"));
        var evesConversation = Assert.Single(await inbox.ConversationsOfAsync("eve@customer.test"));
        Assert.NotEqual(annsConversation.Id, evesConversation.Id);
        Assert.Single(await inbox.MessagesAsync(annsConversation.Id));
    }

    [Fact]
    public async Task The_same_mail_delivered_twice_is_stored_once()
    {
        var support = await _server.CreateMailboxAsync("support");
        await using var inbox = await EmailInbox.StartAsync(support);
        var mail = CustomerMail.WithAttachments(new MailboxAddress("Ann", "ann@customer.test"), support.Address, "Photo", "See attached.",
            ("photo.png", "image/png", [137, 80, 78, 71]));
        await _server.SendAsync(mail);
        await _server.SendAsync(mail);
        await support.WaitForMailAsync(2);

        var result = await inbox.PollAsync();

        Assert.Equal(new PollResultCounts(1, 1, 0), Counts(result));
        var conversation = Assert.Single(await inbox.ConversationsOfAsync("ann@customer.test"));
        Assert.Single(await inbox.MessagesAsync(conversation.Id));
    }

    [Fact]
    public async Task A_malformed_mail_is_skipped_and_the_mail_behind_it_is_taken()
    {
        var support = await _server.CreateMailboxAsync("support");
        await using var inbox = await EmailInbox.StartAsync(support);
        await _server.SendRawAsync("bounce@customer.test", support.Address,
            "From: undisclosed-recipients:;\nTo: " + support.Address + "\nSubject: who am I\nMessage-ID: <nobody@customer.test>\n\nNo sender here.\n");
        await _server.SendAsync(CustomerMail.Write(new MailboxAddress("Ann", "ann@customer.test"), support.Address, "Hello", "Behind the broken one."));
        await support.WaitForMailAsync(2);

        var result = await inbox.PollAsync();

        Assert.Equal(new PollResultCounts(1, 0, 1), Counts(result));
        var conversation = Assert.Single(await inbox.ConversationsOfAsync("ann@customer.test"));
        Assert.Equal("Behind the broken one.", Assert.Single(await inbox.MessagesAsync(conversation.Id)).Text);
        Assert.Equal(0, (await inbox.PollAsync()).Seen);
    }

    [Fact]
    public async Task A_recreated_folder_is_read_again_without_storing_its_mails_twice()
    {
        var support = await _server.CreateMailboxAsync("support");
        await using var inbox = await EmailInbox.StartAsync(support, new Dictionary<string, string?> { ["Email:Imap:Folder"] = "Support" });
        var ann = new MailboxAddress("Ann", "ann@customer.test");
        var first = CustomerMail.Write(ann, support.Address, "One", "first");
        var second = CustomerMail.Write(ann, support.Address, "Two", "second");
        await support.AppendAsync(first, "Support");
        await support.AppendAsync(second, "Support");
        Assert.Equal(2, (await inbox.PollAsync()).Stored);
        var validity = await support.UidValidityAsync("Support");

        await support.RecreateFolderAsync("Support");
        await support.AppendAsync(first, "Support");
        await support.AppendAsync(CustomerMail.Write(ann, support.Address, "Three", "third"), "Support");
        Assert.NotEqual(validity, await support.UidValidityAsync("Support"));
        var result = await inbox.PollAsync();

        Assert.True(result.FolderReset);
        Assert.Equal(new PollResultCounts(1, 1, 0), Counts(result));
        Assert.Equal(3, (await inbox.ConversationsOfAsync(ann.Address)).Count);
    }

    [Fact]
    public async Task Attachments_are_stored_and_linked_like_widget_files()
    {
        var support = await _server.CreateMailboxAsync("support");
        await using var inbox = await EmailInbox.StartAsync(support, new Dictionary<string, string?> { ["Email:PublicBaseUrl"] = "https://inbox.acme.test/" });
        var pdf = "%PDF-1.4 receipt"u8.ToArray();
        var png = new byte[] { 137, 80, 78, 71, 13, 10, 26, 10, 0, 0, 0, 13 };
        await _server.SendAsync(CustomerMail.WithAttachments(new MailboxAddress("Ann", "ann@customer.test"), support.Address, "Receipt",
            "Here you go.", ("receipt 17.pdf", "application/pdf", pdf), ("box photo.png", "image/png", png)));
        await support.WaitForMailAsync(1);

        await inbox.PollAsync();

        var conversation = Assert.Single(await inbox.ConversationsOfAsync("ann@customer.test"));
        var message = Assert.Single(await inbox.MessagesAsync(conversation.Id));
        Assert.Equal("Here you go.", message.Text);
        Assert.Equal(2, message.Attachments.Count);
        var receipt = message.Attachments[0];
        Assert.Equal(("receipt 17.pdf", "application/pdf", (long)pdf.Length), (receipt.Name, receipt.ContentType, receipt.SizeBytes));
        Assert.Matches(@"^https://inbox\.acme\.test/files/[0-9a-f]{32}/receipt%2017\.pdf$", receipt.Url);
        var stored = await inbox.Files.OpenAsync(Guid.ParseExact(receipt.Url.Split('/')[4], "N"), CancellationToken.None);
        Assert.Equal(pdf, stored!.Content);
        Assert.Equal(("box photo.png", "image/png"), (message.Attachments[1].Name, message.Attachments[1].ContentType));
        Assert.Equal(png, (await inbox.Files.OpenAsync(Guid.ParseExact(message.Attachments[1].Url.Split('/')[4], "N"), CancellationToken.None))!.Content);
    }

    [Fact]
    public async Task An_attachment_over_the_limit_is_named_in_the_text_but_not_kept_and_links_default_to_the_local_address()
    {
        var support = await _server.CreateMailboxAsync("support");
        await using var inbox = await EmailInbox.StartAsync(support, new Dictionary<string, string?> { ["Email:MaxAttachmentBytes"] = "1000" });
        await _server.SendAsync(CustomerMail.WithAttachments(new MailboxAddress("Ann", "ann@customer.test"), support.Address, "Logs",
            "Logs attached.", ("big.log", "text/plain", new byte[5000]), ("small.txt", "text/plain", "ok"u8.ToArray())));
        await support.WaitForMailAsync(1);

        await inbox.PollAsync();

        var conversation = Assert.Single(await inbox.ConversationsOfAsync("ann@customer.test"));
        var message = Assert.Single(await inbox.MessagesAsync(conversation.Id));
        Assert.StartsWith("Logs attached.\n\n[Attachment not kept: big.log", message.Text);
        var kept = Assert.Single(message.Attachments);
        Assert.StartsWith("http://localhost:5080/files/", kept.Url);
    }

    [Fact]
    public async Task An_html_only_mail_becomes_text_without_its_quoted_history()
    {
        var support = await _server.CreateMailboxAsync("support");
        await using var inbox = await EmailInbox.StartAsync(support);
        var mail = CustomerMail.Write(new MailboxAddress("Ann", "ann@customer.test"), support.Address, "Re: Printer", "");
        mail.Body = new TextPart("html")
        {
            Text = "<html><head><style>p{}</style></head><body><div dir=\"ltr\">Still <b>broken</b> &amp; smoking.</div><br>" +
                   "<div class=\"gmail_quote\"><div class=\"gmail_attr\">On Tue, 4 Nov 2026 at 09:00, Dana &lt;support@acme.test&gt; wrote:<br></div>" +
                   "<blockquote class=\"gmail_quote\"><div>Please restart it.</div></blockquote></div></body></html>",
        };
        await _server.SendAsync(mail);
        await support.WaitForMailAsync(1);

        await inbox.PollAsync();

        var conversation = Assert.Single(await inbox.ConversationsOfAsync("ann@customer.test"));
        Assert.Equal("Still broken & smoking.", Assert.Single(await inbox.MessagesAsync(conversation.Id)).Text);
        Assert.Equal("Printer", (await inbox.ConversationAsync(conversation.Id)).Subject);
    }

    private async Task<(TestMailbox Support, TestMailbox Customer)> MailboxesAsync()
    {
        var boxes = await _server.CreateMailboxesAsync("support", "customer");
        return (boxes[0], boxes[1]);
    }

    [Fact]
    public async Task The_first_poll_of_a_mailbox_leaves_mail_already_read_alone()
    {
        var support = await _server.CreateMailboxAsync("support");
        var ann = new MailboxAddress("Ann", "ann@customer.test");
        await support.AppendAsync(CustomerMail.Write(ann, support.Address, "Old one", "from last year"), flags: MailKit.MessageFlags.Seen);
        await support.AppendAsync(CustomerMail.Write(ann, support.Address, "Unread", "please help"));
        await support.AppendAsync(CustomerMail.Write(ann, support.Address, "Old two", "also read"), flags: MailKit.MessageFlags.Seen);
        await using var inbox = await EmailInbox.StartAsync(support);

        Assert.Equal(new PollResultCounts(1, 0, 0), Counts(await inbox.PollAsync()));
        Assert.Equal(new PollResultCounts(0, 0, 0), Counts(await inbox.PollAsync()));
        var conversation = Assert.Single(await inbox.ConversationsOfAsync(ann.Address));
        Assert.Equal("please help", Assert.Single(await inbox.MessagesAsync(conversation.Id)).Text);

        // From then on every new mail counts, read or not (someone may have opened it in a mail client first).
        await support.AppendAsync(CustomerMail.Write(ann, support.Address, "New", "read already"), flags: MailKit.MessageFlags.Seen);
        Assert.Equal(1, (await inbox.PollAsync()).Stored);
    }

    [Fact]
    public async Task Bounces_and_automatic_replies_open_no_conversation()
    {
        var support = await _server.CreateMailboxAsync("support");
        await using var inbox = await EmailInbox.StartAsync(support);
        var outOfOffice = CustomerMail.Write(new MailboxAddress("Ann", "ann@customer.test"), support.Address, "Out of office", "I am away until Monday.");
        outOfOffice.Headers.Add("Auto-Submitted", "auto-replied");
        var bounce = CustomerMail.Write(new MailboxAddress("Mail Delivery System", "MAILER-DAEMON@customer.test"), support.Address, "Undelivered Mail", "It bounced.");
        var list = CustomerMail.Write(new MailboxAddress("News", "news@lists.test"), support.Address, "Weekly digest", "News.");
        list.Headers.Add("Precedence", "bulk");
        foreach (var mail in new[] { outOfOffice, bounce, list }) await support.AppendAsync(mail);

        Assert.Equal(new PollResultCounts(0, 0, 3), Counts(await inbox.PollAsync()));
        Assert.Empty(await inbox.ConversationsOfAsync("ann@customer.test"));
    }

    [Fact]
    public async Task An_image_pasted_inline_is_kept_as_an_attachment()
    {
        var support = await _server.CreateMailboxAsync("support");
        await using var inbox = await EmailInbox.StartAsync(support);
        var body = new BodyBuilder { TextBody = "See the screenshot.", HtmlBody = "<p>See the screenshot.</p><img src=\"cid:shot\">" };
        var image = body.LinkedResources.Add("shot.png", new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, new ContentType("image", "png"));
        image.ContentId = "shot";
        var mail = new MimeMessage([new MailboxAddress("Ann", "ann@customer.test")], [support.Mailbox()], "Broken page", body.ToMessageBody());
        mail.MessageId = MimeKit.Utils.MimeUtils.GenerateMessageId("customer.test");
        await support.AppendAsync(mail);

        Assert.Equal(1, (await inbox.PollAsync()).Stored);
        var conversation = Assert.Single(await inbox.ConversationsOfAsync("ann@customer.test"));
        var message = Assert.Single(await inbox.MessagesAsync(conversation.Id));
        Assert.Equal("See the screenshot.", message.Text);
        Assert.Equal("shot.png", Assert.Single(message.Attachments).Name);
    }

    private sealed record PollResultCounts(int Stored, int Repeats, int Skipped);

    private static PollResultCounts Counts(Inbox.Channels.Email.Inbound.PollResult result) => new(result.Stored, result.Repeats, result.Skipped);
}
