namespace Inbox.Channels.Email.Inbound;

/// <summary>What one poll of the mailbox did.</summary>
/// <param name="Stored">New customer messages stored.</param>
/// <param name="Repeats">Mails already stored under their Message-ID (the same mail delivered twice, or seen again after a folder reset).</param>
/// <param name="Skipped">Mails that could not be taken (unreadable, no sender address, refused) and were passed over.</param>
/// <param name="FolderReset">The folder's UIDVALIDITY changed since the last poll, so it was read again from the start.</param>
/// <param name="MoreWaiting">The poll stopped at Email:MaxMailsPerPoll with more new mail in the folder.</param>
public sealed record PollResult(int Stored, int Repeats, int Skipped, bool FolderReset, bool MoreWaiting)
{
    public int Seen => Stored + Repeats + Skipped;
}
