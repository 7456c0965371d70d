using Inbox.Channels.Email.Mail;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Search;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Inbox.Channels.Email.Inbound;

/// <summary>Reads new mail from the support mailbox's IMAP folder, by UID, and stores each as a customer message.</summary>
/// <remarks>
/// A scheduled job calls <see cref="PollOnceAsync"/>; polls never overlap. The folder's UIDVALIDITY and the highest UID taken
/// are kept in the inbox database, so a restart goes on where the last poll stopped; when UIDVALIDITY changes (the folder was
/// recreated) the folder is read again from the start and mails already stored are recognised by their Message-ID.
/// A mail that cannot be taken is logged and passed over; a connection or storage failure ends the poll (it throws) without
/// moving past the mail at hand, so the next poll tries it again.
/// </remarks>
public sealed class MailboxPoller(
    MailConnector connector,
    MailboxPositionStore positions,
    MailIntake intake,
    IOptions<EmailOptions> options,
    ILogger<MailboxPoller> logger)
{
    private readonly SemaphoreSlim _oneAtATime = new(1, 1);

    public async Task<PollResult> PollOnceAsync(CancellationToken cancellationToken)
    {
        await _oneAtATime.WaitAsync(cancellationToken);
        try
        {
            using var imap = await connector.OpenImapAsync(cancellationToken);
            var result = await PollAsync(imap, cancellationToken);
            await imap.DisconnectAsync(quit: true, cancellationToken);
            return result;
        }
        finally
        {
            _oneAtATime.Release();
        }
    }

    private async Task<PollResult> PollAsync(ImapClient imap, CancellationToken ct)
    {
        var settings = options.Value;
        var folder = await imap.GetFolderAsync(settings.Imap.Folder, ct);
        await folder.OpenAsync(FolderAccess.ReadOnly, ct);

        var position = await positions.LoadAsync(ct);
        var first = position is null;
        var reset = position is not null && position.UidValidity != folder.UidValidity;
        if (position is null || reset)
        {
            if (reset)
                logger.LogWarning("Email: folder {Folder} has a new UIDVALIDITY ({Old} -> {New}); reading it again from the start, stored mails are recognised by Message-ID",
                    folder.FullName, position!.UidValidity, folder.UidValidity);
            position = new MailboxPosition(folder.UidValidity, 0);
            await positions.SaveAsync(position, ct);
        }

        var newUids = await NewUidsAsync(folder, position.LastUid, ct);
        uint? firstPollEnd = null;
        if (first && newUids.Count > 0)
        {
            firstPollEnd = newUids[^1].Id;
            // Connecting a mailbox with years of read mail must not turn them all into open conversations:
            // the first poll takes only what nobody has read yet, and starts counting from there.
            var unseen = (await folder.SearchAsync(SearchQuery.NotSeen, ct)).Select(u => u.Id).ToHashSet();
            var skippedOld = newUids.Count(u => !unseen.Contains(u.Id));
            newUids = newUids.Where(u => unseen.Contains(u.Id)).ToList();
            if (skippedOld > 0) logger.LogInformation("Email: first poll of {Folder}: {Count} mails already read are left alone", folder.FullName, skippedOld);
        }
        var batch = newUids.Take(settings.MaxMailsPerPoll).ToList();
        int stored = 0, repeats = 0, skipped = 0;
        foreach (var uid in batch)
        {
            var mail = await ReadAsync(folder, uid, ct);
            var outcome = mail is null ? MailOutcome.Skipped : await intake.TakeAsync(mail, uid.Id, ct);
            switch (outcome)
            {
                case MailOutcome.Stored: stored++; break;
                case MailOutcome.Repeat: repeats++; break;
                default: skipped++; break;
            }
            await positions.SaveLastUidAsync(uid.Id, ct);
        }
        // The read mails between and after the unread ones stay behind the position too.
        if (firstPollEnd is { } end && batch.Count == newUids.Count) await positions.SaveLastUidAsync(end, ct);
        if (batch.Count > 0)
            logger.LogInformation("Email: polled {Folder}: {Stored} stored, {Repeats} already stored, {Skipped} skipped", folder.FullName, stored, repeats, skipped);
        return new PollResult(stored, repeats, skipped, reset, newUids.Count > batch.Count);
    }

    /// <summary>UIDs above <paramref name="lastUid"/>, oldest first.</summary>
    private static async Task<List<UniqueId>> NewUidsAsync(IMailFolder folder, uint lastUid, CancellationToken ct)
    {
        if (folder.Count == 0 || (folder.UidNext is { } next && next.Id <= lastUid + 1)) return [];
        // "n:*" always includes the highest UID even when it is below n, so the answer is filtered too.
        var found = await folder.SearchAsync(SearchQuery.Uids(new UniqueIdRange(new UniqueId(lastUid + 1), UniqueId.MaxValue)), ct);
        return found.Where(uid => uid.Id > lastUid).OrderBy(uid => uid.Id).ToList();
    }

    /// <summary>The mail with this UID; null (logged) when it cannot be parsed or is gone.</summary>
    private async Task<MimeMessage?> ReadAsync(IMailFolder folder, UniqueId uid, CancellationToken ct)
    {
        try
        {
            return await folder.GetMessageAsync(uid, ct);
        }
        catch (FormatException error)
        {
            logger.LogWarning(error, "Email: skipped mail UID {Uid}: it is not a readable message", uid.Id);
        }
        catch (MessageNotFoundException)
        {
            logger.LogInformation("Email: mail UID {Uid} was removed before it could be read", uid.Id);
        }
        catch (ImapCommandException error)
        {
            // The server refuses this one message (a damaged file): skip it rather than stall every mail behind it.
            logger.LogWarning("Email: skipped mail UID {Uid}: the server would not hand it over ({Response})", uid.Id, error.Message);
        }
        return null;
    }
}
