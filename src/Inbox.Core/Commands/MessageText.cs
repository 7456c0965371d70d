using Inbox.Core.Model;

namespace Inbox.Core.Commands;

/// <summary>The rules every message text obeys, whoever writes it.</summary>
internal static class MessageText
{
    public static InboxError? Check(string? text, IReadOnlyList<Attachment>? attachments, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(text) && (attachments is null || attachments.Count == 0))
            return InboxError.Invalid("The message is empty.", "text");
        if (text is not null && text.Length > maxLength)
            return InboxError.TooLarge($"The message is {text.Length} characters long; the limit is {maxLength}.", "text");
        return null;
    }
}
