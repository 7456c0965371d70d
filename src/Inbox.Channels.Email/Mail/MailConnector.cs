using MailKit.Net.Imap;
using MailKit.Net.Smtp;
using Microsoft.Extensions.Options;

namespace Inbox.Channels.Email.Mail;

/// <summary>Opens logged-in IMAP and SMTP connections to the configured servers, each with the configured timeout.</summary>
public sealed class MailConnector(IOptions<EmailOptions> options)
{
    public Task<ImapClient> OpenImapAsync(CancellationToken cancellationToken) =>
        OpenAsync(new ImapClient { Timeout = TimeoutMilliseconds }, options.Value.Imap, cancellationToken);

    public Task<SmtpClient> OpenSmtpAsync(CancellationToken cancellationToken) =>
        OpenAsync(new SmtpClient { Timeout = TimeoutMilliseconds }, options.Value.Smtp, cancellationToken);

    // Both protocols connect and log in the same way; a client that fails on the way is not leaked.
    private static async Task<TClient> OpenAsync<TClient>(TClient client, MailServerOptions settings, CancellationToken cancellationToken)
        where TClient : MailKit.MailService
    {
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
