using MailKit.Security;

namespace Inbox.Channels.Email.Tests;

public sealed class EmailOptionsTests
{
    [Fact]
    public void Without_hosts_the_channel_is_off_and_valid()
    {
        var options = new EmailOptions();

        Assert.False(options.IsEnabled);
        Assert.Empty(options.Validate());
    }

    [Fact]
    public void One_host_without_the_other_is_refused_naming_both_keys()
    {
        var options = new EmailOptions { Imap = { Host = "imap.acme.test" } };

        var failure = Assert.Single(options.Validate());
        Assert.Contains("Email:Imap:Host", failure);
        Assert.Contains("Email:Smtp:Host", failure);
    }

    [Fact]
    public void A_configured_channel_needs_a_login_and_a_from_address()
    {
        var options = new EmailOptions { Imap = { Host = "imap.acme.test" }, Smtp = { Host = "smtp.acme.test" } };

        var failures = options.Validate().ToList();

        Assert.True(options.IsEnabled);
        Assert.Contains(failures, f => f.Contains("Email:Imap:User"));
        Assert.Contains(failures, f => f.Contains("Email:Smtp:FromAddress"));
    }

    [Fact]
    public void Bad_ports_timeouts_and_addresses_are_named()
    {
        var options = Valid();
        options.Imap.Port = 0;
        options.Smtp.User = "someone";
        options.Timeout = TimeSpan.Zero;
        options.PublicBaseUrl = new Uri("ftp://files.acme.test");
        options.Smtp.FromAddress = "not an address";

        var failures = options.Validate().ToList();

        Assert.Contains(failures, f => f.Contains("Email:Imap:Port"));
        Assert.Contains(failures, f => f.Contains("Email:Smtp:User and Email:Smtp:Password go together"));
        Assert.Contains(failures, f => f.Contains("Email:Timeout"));
        Assert.Contains(failures, f => f.Contains("Email:PublicBaseUrl"));
        Assert.Contains(failures, f => f.Contains("Email:Smtp:FromAddress"));
    }

    [Fact]
    public void A_complete_configuration_is_valid_and_defaults_to_tls()
    {
        var options = Valid();

        Assert.Empty(options.Validate());
        Assert.Equal(SecureSocketOptions.SslOnConnect, new ImapServerOptions().Security);
        Assert.Equal(993, new ImapServerOptions().Port);
        Assert.Equal(SecureSocketOptions.StartTls, new SmtpServerOptions().Security);
        Assert.Equal("Sent", options.SentFolder);
        Assert.Equal("acme.test", options.FromMailbox.Domain);
    }

    private static EmailOptions Valid() => new()
    {
        Imap = { Host = "imap.acme.test", User = "support@acme.test", Password = "secret" },
        Smtp = { Host = "smtp.acme.test", FromAddress = "Acme Support <support@acme.test>" },
    };
}
