using Inbox.Channels.Email.Mail;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Search;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Inbox.Channels.Email.Outbound;

/// <summary>The support mailbox's Sent folder (Email:SentFolder): a copy of every reply goes there, and a resend looks there first.</summary>
public sealed class SentMailCopies(MailConnector connector, IOptions<EmailOptions> options)
{
    public bool IsEnabled => !string.IsNullOrWhiteSpace(options.Value.SentFolder);

    private string FolderName => options.Value.SentFolder!.Trim();

    /// <summary>True when the folder holds a mail with this Message-ID (a missing folder holds none).</summary>
    public async Task<bool> ContainsAsync(string messageId, CancellationToken cancellationToken)
    {
        using var imap = await connector.OpenImapAsync(cancellationToken);
        var folder = await FindAsync(imap, cancellationToken);
        if (folder is null) return false;
        await folder.OpenAsync(FolderAccess.ReadOnly, cancellationToken);
        // HEADER search matches substrings; the brackets keep it to whole ids, and the envelopes confirm it.
        var candidates = await folder.SearchAsync(SearchQuery.HeaderContains("Message-ID", $"<{messageId}>"), cancellationToken);
        var found = candidates.Count > 0
            && (await folder.FetchAsync(candidates, MessageSummaryItems.Envelope, cancellationToken))
                .Any(summary => string.Equals(summary.Envelope?.MessageId, messageId, StringComparison.Ordinal));
        await imap.DisconnectAsync(quit: true, cancellationToken);
        return found;
    }

    /// <summary>Appends a copy of a sent mail, marked as read, creating the folder when it is missing.</summary>
    public async Task AppendAsync(MimeMessage mail, CancellationToken cancellationToken)
    {
        using var imap = await connector.OpenImapAsync(cancellationToken);
        var folder = await FindAsync(imap, cancellationToken) ?? await CreateAsync(imap, cancellationToken);
        await folder.AppendAsync(new AppendRequest(mail, MessageFlags.Seen), cancellationToken);
        await imap.DisconnectAsync(quit: true, cancellationToken);
    }

    private async Task<IMailFolder?> FindAsync(ImapClient imap, CancellationToken ct)
    {
        try { return await imap.GetFolderAsync(FolderName, ct); }
        catch (FolderNotFoundException) { return null; }
    }

    private async Task<IMailFolder> CreateAsync(ImapClient imap, CancellationToken ct)
    {
        var root = imap.GetFolder(imap.PersonalNamespaces[0]);
        try
        {
            var created = await root.CreateAsync(FolderName, isMessageFolder: true, ct)
                ?? throw new InvalidOperationException($"The IMAP server did not create the folder '{FolderName}'.");
            await created.SubscribeAsync(ct);
            return created;
        }
        catch (ImapCommandException)
        {
            // Another delivery created it in the meantime.
            return await FindAsync(imap, ct) ?? throw new InvalidOperationException($"The IMAP folder '{FolderName}' could not be created.");
        }
    }
}
