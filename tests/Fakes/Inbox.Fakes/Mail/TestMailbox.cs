using MailKit;
using MailKit.Net.Imap;
using MailKit.Search;
using MailKit.Security;
using MimeKit;

namespace Inbox.Fakes.Mail;

/// <summary>One test's own mailbox on the test Dovecot: what arrived in it, and ways to put mail in or take folders away.</summary>
public sealed class TestMailbox
{
    internal TestMailbox(TestMailServer server, string address)
    {
        Server = server;
        Address = address;
    }

    public TestMailServer Server { get; }
    public string Address { get; }

    public MailboxAddress Mailbox(string? name = null) => new(name, Address);

    /// <summary>A logged-in IMAP connection to this mailbox.</summary>
    public async Task<ImapClient> OpenAsync(CancellationToken cancellationToken = default)
    {
        var imap = new ImapClient { Timeout = 15_000 };
        await imap.ConnectAsync(Server.ImapHost, Server.ImapPort, SecureSocketOptions.None, cancellationToken);
        await imap.AuthenticateAsync(Address, Server.Password, cancellationToken);
        return imap;
    }

    /// <summary>Waits until <paramref name="folder"/> holds at least <paramref name="count"/> mails and returns them all, oldest first.</summary>
    public async Task<IReadOnlyList<MimeMessage>> WaitForMailAsync(int count, string folder = "INBOX", int seconds = 15)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            var mails = await ReadAllAsync(folder);
            if (mails.Count >= count) return mails;
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"{Address}/{folder} has {mails.Count} mails after {seconds} s; expected {count}.");
            await Task.Delay(100);
        }
    }

    /// <summary>Every mail in <paramref name="folder"/> now, oldest first; none when the folder does not exist.</summary>
    public async Task<IReadOnlyList<MimeMessage>> ReadAllAsync(string folder = "INBOX")
    {
        using var imap = await OpenAsync();
        IMailFolder box;
        try { box = await imap.GetFolderAsync(folder); }
        catch (FolderNotFoundException) { return []; }
        await box.OpenAsync(FolderAccess.ReadOnly);
        var mails = new List<MimeMessage>();
        foreach (var uid in await box.SearchAsync(SearchQuery.All))
            mails.Add(await box.GetMessageAsync(uid));
        await imap.DisconnectAsync(true);
        return mails;
    }

    /// <summary>Puts raw bytes into a folder directly (IMAP APPEND), for mails no mail server would pass on; creates the folder if needed.</summary>
    public async Task AppendRawAsync(string raw, string folder = "INBOX")
    {
        using var imap = await OpenAsync();
        var box = await FolderAsync(imap, folder);
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(raw.ReplaceLineEndings("\r\n")));
        var mail = await MimeMessage.LoadAsync(stream);
        await box.AppendAsync(new AppendRequest(mail, MessageFlags.None));
        await imap.DisconnectAsync(true);
    }

    /// <summary>Puts a mail into a folder directly (IMAP APPEND) with <paramref name="flags"/> (e.g. already read); creates the folder if needed.</summary>
    public async Task AppendAsync(MimeMessage mail, string folder = "INBOX", MessageFlags flags = MessageFlags.None)
    {
        using var imap = await OpenAsync();
        var box = await FolderAsync(imap, folder);
        await box.AppendAsync(new AppendRequest(mail, flags));
        await imap.DisconnectAsync(true);
    }

    /// <summary>The folder's UIDVALIDITY now.</summary>
    public async Task<uint> UidValidityAsync(string folder = "INBOX")
    {
        using var imap = await OpenAsync();
        var box = await imap.GetFolderAsync(folder);
        await box.OpenAsync(FolderAccess.ReadOnly);
        var validity = box.UidValidity;
        await imap.DisconnectAsync(true);
        return validity;
    }

    /// <summary>Deletes a folder and creates it again, empty: the server gives it a new UIDVALIDITY and starts its UIDs over.</summary>
    public async Task RecreateFolderAsync(string folder)
    {
        using var imap = await OpenAsync();
        var box = await imap.GetFolderAsync(folder);
        await box.DeleteAsync();
        await imap.GetFolder(imap.PersonalNamespaces[0]).CreateAsync(folder, isMessageFolder: true);
        await imap.DisconnectAsync(true);
    }

    private static async Task<IMailFolder> FolderAsync(ImapClient imap, string folder)
    {
        try { return await imap.GetFolderAsync(folder); }
        catch (FolderNotFoundException)
        {
            return (await imap.GetFolder(imap.PersonalNamespaces[0]).CreateAsync(folder, isMessageFolder: true))!;
        }
    }
}
