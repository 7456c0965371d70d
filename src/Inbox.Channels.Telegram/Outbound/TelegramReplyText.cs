using Inbox.Core.Model;

namespace Inbox.Channels.Telegram.Outbound;

/// <summary>Renders an operator's reply for Telegram: the name the customer sees (operator or team alias; a bot cannot change its own name per message) in bold on the first line, then the text (HTML-escaped), in parts of at most 4096 characters.</summary>
public static class TelegramReplyText
{
    /// <summary>sendMessage's parse_mode for <see cref="Render"/>'s parts.</summary>
    public const string ParseMode = "HTML";

    private const int MaxNameLength = 64;

    public static IReadOnlyList<string> Render(string? operatorName, string text, IReadOnlyList<Attachment>? attachments = null)
    {
        var body = text.Trim();
        foreach (var file in attachments ?? [])
            body += (body.Length == 0 ? "" : "\n") + $"{file.Name}: {file.Url}";

        var name = string.IsNullOrWhiteSpace(operatorName) ? null : operatorName.Trim();
        if (name is { Length: > MaxNameLength }) name = name[..MaxNameLength];
        // The limit counts the text as the customer sees it: the name and its line break, not the tags around it.
        var parts = TelegramTextSplitter.Split(body, TelegramTextSplitter.MaxMessageLength - (name is null ? 0 : name.Length + 1));
        return parts.Select((part, i) => i == 0 && name is not null
                ? $"{TelegramHtml.Bold(name)}\n{TelegramHtml.Escape(part)}"
                : TelegramHtml.Escape(part))
            .ToList();
    }
}
