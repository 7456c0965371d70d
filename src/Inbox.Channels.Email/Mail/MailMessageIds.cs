using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Inbox.Channels.Email.Mail;

/// <summary>How Message-IDs become inbox ids and back: a customer mail's external id, and the id Inbox gives each reply.</summary>
/// <remarks>Message-IDs are kept without their angle brackets, as MimeKit gives them.</remarks>
public static class MailMessageIds
{
    /// <summary>Customer messages that came by email carry external ids with this prefix.</summary>
    public const string ExternalIdPrefix = "email:";

    private const int MaxExternalIdLength = 400;
    private const string HashedPrefix = "sha256:";

    /// <summary>The external id of the mail with this Message-ID (one too long to store is replaced by its hash).</summary>
    public static string ExternalIdOf(string messageId) =>
        ExternalIdPrefix.Length + messageId.Length <= MaxExternalIdLength
            ? ExternalIdPrefix + messageId
            : ExternalIdPrefix + HashedPrefix + Hash(Encoding.UTF8.GetBytes(messageId));

    /// <summary>The external id of a mail without a Message-ID: the hash of its bytes, so the same mail seen twice is still one message.</summary>
    public static string ExternalIdOfContent(byte[] content) => ExternalIdPrefix + HashedPrefix + Hash(content);

    /// <summary>The Message-ID a stored customer message came with, or null when it had none that can be referred to.</summary>
    public static string? MessageIdOf(string? externalId) =>
        externalId is not null && externalId.StartsWith(ExternalIdPrefix, StringComparison.Ordinal) && externalId.Contains('@')
            ? externalId[ExternalIdPrefix.Length..]
            : null;

    /// <summary>The Message-ID of the reply that carries inbox message <paramref name="messageId"/>: the same at every attempt, so a resend is recognisable.</summary>
    public static string ForReply(long messageId, long conversationId, string domain) =>
        string.Create(CultureInfo.InvariantCulture, $"inbox.{messageId}.{conversationId}@{domain}");

    /// <summary>Reads back the message and conversation of a reply's Message-ID made by <see cref="ForReply"/>.</summary>
    public static bool TryParseReply(string messageId, out long message, out long conversation)
    {
        message = conversation = 0;
        var at = messageId.IndexOf('@');
        if (at < 0 || !messageId.StartsWith("inbox.", StringComparison.Ordinal)) return false;
        var parts = messageId[..at].Split('.');
        return parts.Length == 3
            && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out message)
            && long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out conversation);
    }

    private static string Hash(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}
