using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace Inbox.Fakes.Mail;

/// <summary>The real Dovecot (IMAP) and Postfix (SMTP) that scripts/mail-servers.sh runs on loopback, as tests reach them.</summary>
/// <remarks>Each test makes its own mailboxes (<see cref="CreateMailboxesAsync"/>): new users in Dovecot's passwd-file, so tests never see each other's mail.</remarks>
public sealed class TestMailServer
{
    private static readonly string[] Variables =
    [
        "INBOX_TEST_IMAP_HOST", "INBOX_TEST_IMAP_PORT", "INBOX_TEST_SMTP_HOST", "INBOX_TEST_SMTP_PORT",
        "INBOX_TEST_MAIL_DOMAIN", "INBOX_TEST_MAIL_PASSWORD", "INBOX_TEST_MAIL_USERS_FILE",
    ];

    private TestMailServer(IReadOnlyDictionary<string, string> values)
    {
        ImapHost = values["INBOX_TEST_IMAP_HOST"];
        ImapPort = int.Parse(values["INBOX_TEST_IMAP_PORT"]);
        SmtpHost = values["INBOX_TEST_SMTP_HOST"];
        SmtpPort = int.Parse(values["INBOX_TEST_SMTP_PORT"]);
        Domain = values["INBOX_TEST_MAIL_DOMAIN"];
        Password = values["INBOX_TEST_MAIL_PASSWORD"];
        UsersFile = values["INBOX_TEST_MAIL_USERS_FILE"];
    }

    public string ImapHost { get; }
    public int ImapPort { get; }
    public string SmtpHost { get; }
    public int SmtpPort { get; }
    public string Domain { get; }
    public string Password { get; }
    public string UsersFile { get; }

    /// <summary>The servers scripts/mail-servers.sh started; throws, naming what is missing, when they are not there.</summary>
    public static TestMailServer FromEnvironment()
    {
        var values = Variables.ToDictionary(name => name, name => Environment.GetEnvironmentVariable(name) ?? "");
        var missing = values.Where(v => v.Value.Length == 0).Select(v => v.Key).ToList();
        if (missing.Count > 0)
            throw new InvalidOperationException(
                $"The email tests need the test mail servers (Dovecot + Postfix on loopback), but {string.Join(", ", missing)} {(missing.Count == 1 ? "is" : "are")} not set. " +
                "Start them with `eval \"$(bash scripts/mail-servers.sh start)\"` before `dotnet test`, or run `bash scripts/test.sh`, which does.");
        if (!File.Exists(values["INBOX_TEST_MAIL_USERS_FILE"]))
            throw new InvalidOperationException($"The test mail servers' users file {values["INBOX_TEST_MAIL_USERS_FILE"]} is missing: start them with `bash scripts/mail-servers.sh start`.");
        return new TestMailServer(values);
    }

    /// <summary>A new, empty mailbox (<c>{name}-{random}@domain</c>) with the common password, ready for mail and logins.</summary>
    public async Task<TestMailbox> CreateMailboxAsync(string name) => (await CreateMailboxesAsync(name))[0];

    /// <summary>New, empty mailboxes, one per name, ready for mail and logins.</summary>
    /// <remarks>
    /// Dovecot looks at its passwd-file at most once a second (a lookup in the same second as the last one uses what it read
    /// then), so users added now are known for certain only from the next full second on: this waits for it, once per call.
    /// </remarks>
    public async Task<TestMailbox[]> CreateMailboxesAsync(params string[] names)
    {
        var mailboxes = names.Select(name => new TestMailbox(this, $"{name}-{Guid.NewGuid().ToString("N")[..10]}@{Domain}")).ToArray();
        // One write in append mode: concurrent tests never interleave inside it.
        File.AppendAllText(UsersFile, string.Concat(mailboxes.Select(m => $"{m.Address}:{{PLAIN}}{Password}\n")));
        var now = DateTimeOffset.UtcNow;
        await Task.Delay(TimeSpan.FromMilliseconds(1000 - now.Millisecond + 50));
        return mailboxes;
    }

    /// <summary>Hands a mail to Postfix on its SMTP port, as any other mail server would (delivery into the mailbox follows within a second or so).</summary>
    public async Task SendAsync(MimeMessage mail, CancellationToken cancellationToken = default)
    {
        using var smtp = new SmtpClient { Timeout = 15_000 };
        await smtp.ConnectAsync(SmtpHost, SmtpPort, SecureSocketOptions.None, cancellationToken);
        await smtp.SendAsync(mail, cancellationToken);
        await smtp.DisconnectAsync(true, cancellationToken);
    }

    /// <summary>Hands raw bytes to Postfix as a mail from <paramref name="sender"/> to <paramref name="recipient"/>, for mails MimeKit would not write.</summary>
    public async Task SendRawAsync(string sender, string recipient, string raw, CancellationToken cancellationToken = default)
    {
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(raw.ReplaceLineEndings("\r\n")));
        var mail = await MimeMessage.LoadAsync(stream, cancellationToken);
        using var smtp = new SmtpClient { Timeout = 15_000 };
        await smtp.ConnectAsync(SmtpHost, SmtpPort, SecureSocketOptions.None, cancellationToken);
        await smtp.SendAsync(mail, MailboxAddress.Parse(sender), [MailboxAddress.Parse(recipient)], cancellationToken);
        await smtp.DisconnectAsync(true, cancellationToken);
    }

    /// <summary>The Email:* settings of an Inbox whose support mailbox is <paramref name="support"/>, on these servers without TLS.</summary>
    public Dictionary<string, string?> EmailSettings(TestMailbox support) => new()
    {
        ["Email:Imap:Host"] = ImapHost,
        ["Email:Imap:Port"] = ImapPort.ToString(),
        ["Email:Imap:Security"] = "None",
        ["Email:Imap:User"] = support.Address,
        ["Email:Imap:Password"] = Password,
        ["Email:Smtp:Host"] = SmtpHost,
        ["Email:Smtp:Port"] = SmtpPort.ToString(),
        ["Email:Smtp:Security"] = "None",
        ["Email:Smtp:FromAddress"] = support.Address,
        ["Email:Timeout"] = "00:00:15",
    };
}
