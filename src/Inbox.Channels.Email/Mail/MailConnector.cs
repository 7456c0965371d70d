using MailKit.Net.Imap;
using MailKit.Net.Smtp;
using Microsoft.Extensions.Options;

namespace Inbox.Channels.Email.Mail;

/// <summary>Opens logged-in IMAP and SMTP connections to the configured servers, each with the configured timeout.</summary>
public sealed class MailConnector(IOptions<EmailOptions> options)
{
    public async Task<ImapClient> OpenImapAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value.Imap;
        var client = new ImapClient { Timeout = TimeoutMilliseconds };
        try
        {
            await client.ConnectAsync(settings.Host!, settings.Port, settings.Security, cancellationToken);
            if (!string.IsNullOrWhiteSpace(settings.User))
                await client.AuthenticateAsync(settings.User, settings.Password ?? "", cancellationToken);
            return client;
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    public async Task<SmtpClient> OpenSmtpAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value.Smtp;
        var client = new SmtpClient { Timeout = TimeoutMilliseconds };
        try
        {
            await client.ConnectAsync(settings.Host!, settings.Port, settings.Security, cancellationToken);
            if (!string.IsNullOrWhiteSpace(settings.User))
                await client.AuthenticateAsync(settings.User, settings.Password ?? "", cancellationToken);
            return client;
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    private int TimeoutMilliseconds => (int)options.Value.Timeout.TotalMilliseconds;
}
