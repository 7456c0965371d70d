using System.Globalization;
using Inbox.Core.Storage;

namespace Inbox.Channels.Email.Inbound;

/// <summary>How far the poller has read the folder: its UIDVALIDITY and the highest UID taken, kept in the inbox database.</summary>
public sealed record MailboxPosition(uint UidValidity, uint LastUid);

/// <summary>Reads and records <see cref="MailboxPosition"/> as bridge settings ("email" / "imap:uidvalidity", "imap:lastuid").</summary>
public sealed class MailboxPositionStore(IBridgeSettings settings)
{
    public const string UidValidityKey = "imap:uidvalidity";
    public const string LastUidKey = "imap:lastuid";

    /// <summary>The recorded position, or null before the first poll.</summary>
    public async Task<MailboxPosition?> LoadAsync(CancellationToken cancellationToken)
    {
        var validity = await settings.GetAsync(EmailChannel.SettingsBridge, UidValidityKey, cancellationToken);
        var last = await settings.GetAsync(EmailChannel.SettingsBridge, LastUidKey, cancellationToken);
        return uint.TryParse(validity, NumberStyles.None, CultureInfo.InvariantCulture, out var uidValidity)
            ? new MailboxPosition(uidValidity, uint.TryParse(last, NumberStyles.None, CultureInfo.InvariantCulture, out var lastUid) ? lastUid : 0)
            : null;
    }

    /// <summary>Records the position; the UID is written last so a crash in between never claims mail of another folder generation.</summary>
    public async Task SaveAsync(MailboxPosition position, CancellationToken cancellationToken)
    {
        await settings.SetAsync(EmailChannel.SettingsBridge, LastUidKey, "0", cancellationToken);
        await settings.SetAsync(EmailChannel.SettingsBridge, UidValidityKey, position.UidValidity.ToString(CultureInfo.InvariantCulture), cancellationToken);
        await SaveLastUidAsync(position.LastUid, cancellationToken);
    }

    /// <summary>Moves the last UID forward within the recorded UIDVALIDITY.</summary>
    public Task SaveLastUidAsync(uint lastUid, CancellationToken cancellationToken) =>
        settings.SetAsync(EmailChannel.SettingsBridge, LastUidKey, lastUid.ToString(CultureInfo.InvariantCulture), cancellationToken);
}
