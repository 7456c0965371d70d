using MailKit.Security;
using MimeKit;

namespace Inbox.Channels.Email;

/// <summary>The email channel's settings, bound from the "Email" section (env: Email__Imap__Host, ...).</summary>
/// <remarks>The channel is on only when both <c>Email:Imap:Host</c> and <c>Email:Smtp:Host</c> are set.</remarks>
public sealed class EmailOptions
{
    public const string Section = "Email";

    /// <summary>Where customers' mail is read from.</summary>
    public ImapServerOptions Imap { get; set; } = new();
    /// <summary>Where operators' replies are sent through.</summary>
    public SmtpServerOptions Smtp { get; set; } = new();
    /// <summary>The IMAP folder (in the <see cref="Imap"/> mailbox) that keeps a copy of every reply sent; empty: none.</summary>
    public string? SentFolder { get; set; } = "Sent";
    /// <summary>The address customers and operators reach this host at, for attachment links; empty: Widget:PublicBaseUrl, else http://localhost:5080.</summary>
    public Uri? PublicBaseUrl { get; set; }
    /// <summary>Largest attachment kept from an incoming mail; a larger one is named in the message text instead.</summary>
    public long MaxAttachmentBytes { get; set; } = 10 * 1024 * 1024;
    /// <summary>Most mails one poll takes; the rest wait for the next poll.</summary>
    public int MaxMailsPerPoll { get; set; } = 200;
    /// <summary>Longest wait for one IMAP or SMTP server answer.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    public bool IsEnabled => !string.IsNullOrWhiteSpace(Imap.Host) && !string.IsNullOrWhiteSpace(Smtp.Host);

    /// <summary>The support mailbox's address (the From of replies), parsed; valid once <see cref="Validate"/> found nothing.</summary>
    public MailboxAddress FromMailbox => MailboxAddress.Parse(Smtp.FromAddress!);

    public IEnumerable<string> Validate()
    {
        if (string.IsNullOrWhiteSpace(Imap.Host) != string.IsNullOrWhiteSpace(Smtp.Host))
            yield return $"{Section}:Imap:Host and {Section}:Smtp:Host go together: set both to turn the email channel on, or neither.";
        if (!IsEnabled) yield break;
        foreach (var failure in Imap.Validate($"{Section}:Imap")) yield return failure;
        foreach (var failure in Smtp.Validate($"{Section}:Smtp")) yield return failure;
        if (string.IsNullOrWhiteSpace(Imap.User) || string.IsNullOrEmpty(Imap.Password))
            yield return $"{Section}:Imap:User and {Section}:Imap:Password must name the support mailbox's login.";
        if (string.IsNullOrWhiteSpace(Imap.Folder))
            yield return $"{Section}:Imap:Folder must name the folder customers' mail arrives in (e.g. INBOX).";
        if (!MailboxAddress.TryParse(Smtp.FromAddress ?? "", out var from) || !from.Address.Contains('@') || from.Address.EndsWith('@'))
            yield return $"{Section}:Smtp:FromAddress must be the support mailbox's address (e.g. support@example.com).";
        if (SentFolder is { Length: > 0 } sent && string.IsNullOrWhiteSpace(sent))
            yield return $"{Section}:SentFolder must name a folder (e.g. Sent), or be empty for no copies.";
        if (PublicBaseUrl is { IsAbsoluteUri: false } || PublicBaseUrl?.Scheme is not (null or "http" or "https"))
            yield return $"{Section}:PublicBaseUrl must be an absolute http(s) address such as https://inbox.example.com.";
        if (MaxAttachmentBytes is < 1 or > 100 * 1024 * 1024)
            yield return $"{Section}:MaxAttachmentBytes must be between 1 and 104857600.";
        if (MaxMailsPerPoll is < 1 or > 10_000)
            yield return $"{Section}:MaxMailsPerPoll must be between 1 and 10000.";
        if (Timeout <= TimeSpan.Zero || Timeout > TimeSpan.FromMinutes(10))
            yield return $"{Section}:Timeout must be above 0 and at most 10 minutes.";
    }
}

/// <summary>How to reach and log in to one mail server.</summary>
public abstract class MailServerOptions
{
    public string? Host { get; set; }
    public int Port { get; set; }
    /// <summary>None, SslOnConnect (implicit TLS), StartTls, StartTlsWhenAvailable or Auto (by port).</summary>
    public SecureSocketOptions Security { get; set; }
    public string? User { get; set; }
    public string? Password { get; set; }

    internal IEnumerable<string> Validate(string prefix)
    {
        if (Port is < 1 or > 65535)
            yield return $"{prefix}:Port must be between 1 and 65535.";
        if (!Enum.IsDefined(Security))
            yield return $"{prefix}:Security must be one of None, SslOnConnect, StartTls, StartTlsWhenAvailable, Auto.";
        if (string.IsNullOrWhiteSpace(User) != string.IsNullOrEmpty(Password))
            yield return $"{prefix}:User and {prefix}:Password go together.";
    }
}

/// <summary>The IMAP server and folder customers' mail is read from.</summary>
public sealed class ImapServerOptions : MailServerOptions
{
    public ImapServerOptions()
    {
        Port = 993;
        Security = SecureSocketOptions.SslOnConnect;
    }

    /// <summary>The folder polled for new mail.</summary>
    public string Folder { get; set; } = "INBOX";
}

/// <summary>The SMTP server replies are sent through, and the address they come from.</summary>
public sealed class SmtpServerOptions : MailServerOptions
{
    public SmtpServerOptions()
    {
        Port = 587;
        Security = SecureSocketOptions.StartTls;
    }

    /// <summary>The support mailbox's address: the From of every reply and the site of email conversations.</summary>
    public string? FromAddress { get; set; }
}
