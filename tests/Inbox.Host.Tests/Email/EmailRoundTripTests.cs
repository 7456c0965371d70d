using System.Text.Json.Nodes;
using Inbox.Channels.Email.Inbound;
using Inbox.Fakes.Mail;
using Inbox.Fakes.Slack;
using Inbox.Host.Tests.Slack;
using Inbox.Storage;
using Inbox.Storage.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace Inbox.Host.Tests.Email;

/// <summary>Email end to end through the real host: the real Postfix and Dovecot on one side, the fake Slack on the other.</summary>
public sealed class EmailRoundTripTests
{
    private const string Fox = "U0FOXMULDER";
    private readonly TestMailServer _server = TestMailServer.FromEnvironment();

    [Fact]
    public async Task A_customer_mail_reaches_slack_and_the_operators_thread_reply_reaches_the_customer_threaded_under_their_name()
    {
        var (support, customer) = await MailboxesAsync();
        await using var host = await SlackHost.StartAsync(_server.EmailSettings(support));
        host.Slack.AddUser(Fox, "Fox Mulder", "fox@acme.test");
        var question = await SendQuestionAsync(support, customer);

        var rootTs = await PollIntoSlackAsync(host, "My parcel never arrived.");
        (await SendEventAsync(host, ThreadMessage("EvMail1", rootTs, "1800000001.000100", "We found it, it ships today."))).Dispose();

        var reply = Assert.Single(await customer.WaitForMailAsync(1));
        Assert.Equal(question.MessageId, reply.InReplyTo);
        Assert.Contains(question.MessageId, reply.References);
        Assert.Equal("Re: Lost parcel", reply.Subject);
        var from = Assert.IsType<MailboxAddress>(Assert.Single(reply.From));
        Assert.Equal(("Fox Mulder", support.Address), (from.Name, from.Address));
        Assert.Equal(customer.Address, Assert.IsType<MailboxAddress>(Assert.Single(reply.To)).Address);
        Assert.Equal("We found it, it ships today.", reply.TextBody?.Trim());
    }

    [Fact]
    public async Task A_reply_whose_delivery_was_not_recorded_before_a_restart_is_not_mailed_twice()
    {
        var (support, customer) = await MailboxesAsync();
        await using var host = await SlackHost.StartAsync(_server.EmailSettings(support));
        host.Slack.AddUser(Fox, "Fox Mulder", "fox@acme.test");
        await SendQuestionAsync(support, customer);
        var rootTs = await PollIntoSlackAsync(host, "My parcel never arrived.");
        (await SendEventAsync(host, ThreadMessage("EvMail2", rootTs, "1800000002.000100", "It ships today."))).Dispose();
        var sent = Assert.Single(await customer.WaitForMailAsync(1));
        await SlackHost.EventuallyAsync(() => EmailRow(host.Host.Services).State == OutboxState.Delivered, "the email delivery is recorded");

        // As after a crash between the send and its record: the row pending again, one attempt started, no delivery id.
        await host.RestartAsync(LeaveEmailDeliveryUnrecordedAsync);

        await SlackHost.EventuallyAsync(() => EmailRow(host.Host.Services) is { State: OutboxState.Delivered, Attempts: 2 }, "the second attempt is recorded");
        Assert.Single(await support.ReadAllAsync("Sent"));
        await Task.Delay(1000);
        Assert.Equal(sent.MessageId, Assert.Single(await customer.ReadAllAsync()).MessageId);
    }

    private async Task<MimeMessage> SendQuestionAsync(TestMailbox support, TestMailbox customer)
    {
        var question = new MimeMessage
        {
            MessageId = $"{Guid.NewGuid():N}@customer.example.test",
            Subject = "Fwd: Lost parcel",
            Body = new TextPart("plain") { Text = "My parcel never arrived.\n\n-- \nAnn Lee" },
        };
        question.From.Add(customer.Mailbox("Ann Lee"));
        question.To.Add(support.Mailbox());
        await _server.SendAsync(question);
        await support.WaitForMailAsync(1);
        return question;
    }

    /// <summary>Polls the support mailbox once and waits for the conversation's Slack thread; returns its root's ts.</summary>
    /// <remarks>The host's scheduled mail poll may take the mail first; polls never overlap, so either way it is stored once.</remarks>
    private static async Task<string> PollIntoSlackAsync(SlackHost host, string customerText)
    {
        var poller = host.Host.Services.GetRequiredService<MailboxPoller>();
        var result = await poller.PollOnceAsync(CancellationToken.None);
        Assert.Equal(0, result.Skipped + result.Repeats);
        await SlackHost.EventuallyAsync(() => host.Slack.Messages(SlackHost.Channel).Count == 2, "the thread root and the mail are in Slack");
        var root = host.Slack.Messages(SlackHost.Channel).Single(m => !m.IsThreadReply);
        Assert.Contains(customerText, host.Slack.Thread(SlackHost.Channel, root.Ts).Single(m => m.IsThreadReply).Text);
        return root.Ts;
    }

    private static OutboxRecord EmailRow(IServiceProvider services)
    {
        using var db = services.GetRequiredService<IDbContextFactory<InboxDbContext>>().CreateDbContext();
        return db.Outbox.AsNoTracking().Single(o => o.Destination == "email");
    }

    private static async Task LeaveEmailDeliveryUnrecordedAsync(string dataDirectory)
    {
        var options = new DbContextOptionsBuilder<InboxDbContext>()
            .UseSqlite(StorageServiceCollectionExtensions.ConnectionString(new StorageOptions { DataDirectory = dataDirectory })).Options;
        await using var db = new InboxDbContext(options);
        var row = await db.Outbox.SingleAsync(o => o.Destination == "email");
        row.State = OutboxState.Pending;
        row.Attempts = 1;
        row.DeliveredAt = null;
        row.NextAttemptAt = DateTimeOffset.UtcNow.AddSeconds(-1);
        db.MessageDeliveries.RemoveRange(db.MessageDeliveries.Where(d => d.Destination == "email"));
        await db.SaveChangesAsync();
    }

    private async Task<(TestMailbox Support, TestMailbox Customer)> MailboxesAsync()
    {
        var boxes = await _server.CreateMailboxesAsync("support", "customer");
        return (boxes[0], boxes[1]);
    }

    private static JsonObject ThreadMessage(string eventId, string threadTs, string ts, string text) => new()
    {
        ["type"] = "event_callback",
        ["team_id"] = "T0FAKE",
        ["api_app_id"] = "A0FAKE",
        ["event_id"] = eventId,
        ["event"] = new JsonObject
        {
            ["type"] = "message", ["channel"] = SlackHost.Channel, ["user"] = Fox, ["text"] = text,
            ["ts"] = ts, ["thread_ts"] = threadTs, ["channel_type"] = "channel",
        },
    };

    private static async Task<HttpResponseMessage> SendEventAsync(SlackHost host, JsonObject body)
    {
        using var client = host.Host.Visitor();
        var request = SlackRequestSigner.CreateJsonRequest(
            new Uri(host.Host.BaseAddress, "/slack/events"), body.ToJsonString(), DateTimeOffset.UtcNow, SlackHost.SigningSecret);
        var response = await client.SendAsync(request);
        Assert.True(response.IsSuccessStatusCode, $"Slack event answered {(int)response.StatusCode}");
        return response;
    }
}
