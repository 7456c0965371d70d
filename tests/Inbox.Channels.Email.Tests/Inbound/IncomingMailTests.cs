using Inbox.Channels.Email.Inbound;
using MimeKit;

namespace Inbox.Channels.Email.Tests.Inbound;

public sealed class IncomingMailTests
{
    [Fact]
    public void The_plain_text_part_is_preferred_over_the_html_part()
    {
        var mail = Mail(new MultipartAlternative
        {
            new TextPart("plain") { Text = "Plain words." },
            new TextPart("html") { Text = "<p>HTML words.</p>" },
        });

        Assert.Equal("Plain words.", Read(mail).Text);
    }

    [Fact]
    public void Format_flowed_lines_are_joined()
    {
        var part = new TextPart("plain") { Text = "This line was \r\nwrapped by the sender.\r\n" };
        part.ContentType.Parameters.Add("format", "flowed");

        Assert.Equal("This line was wrapped by the sender.", Read(Mail(part)).Text);
    }

    [Fact]
    public void References_are_read_nearest_first_without_repeats()
    {
        var mail = Mail(new TextPart("plain") { Text = "x" });
        mail.InReplyTo = "c@mail.test";
        mail.References.Add("a@mail.test");
        mail.References.Add("b@mail.test");
        mail.References.Add("c@mail.test");

        Assert.Equal(["c@mail.test", "b@mail.test", "a@mail.test"], Read(mail).References);
    }

    [Fact]
    public void A_mail_without_a_sender_address_is_refused_with_a_reason()
    {
        var mail = Mail(new TextPart("plain") { Text = "x" });
        mail.From.Clear();
        mail.From.Add(new GroupAddress("undisclosed-recipients"));

        Assert.Null(IncomingMail.Read(mail, out var reason));
        Assert.Contains("sender", reason);
    }

    [Fact]
    public void A_mail_without_a_message_id_gets_the_same_content_id_each_time_it_is_read()
    {
        var mail = Mail(new TextPart("plain") { Text = "x" });
        mail.Headers.Remove(HeaderId.MessageId);

        var first = Read(mail).ExternalId;

        Assert.StartsWith("email:sha256:", first);
        Assert.Equal(first, Read(mail).ExternalId);
    }

    private static IncomingMail Read(MimeMessage mail) =>
        IncomingMail.Read(mail, out var reason) ?? throw new InvalidOperationException(reason);

    private static MimeMessage Mail(MimeEntity body)
    {
        var mail = new MimeMessage { MessageId = "m1@mail.test", Subject = "Hi", Body = body };
        mail.From.Add(new MailboxAddress("Ann", "ann@mail.test"));
        mail.To.Add(new MailboxAddress("Support", "support@acme.test"));
        return mail;
    }
}
