namespace Inbox.Fakes.Telegram;

/// <summary>A message the bot sent, as the user sees it.</summary>
/// <param name="Text">The text after the parse mode was applied (tags gone, entities decoded).</param>
/// <param name="RawText">The <c>text</c> argument exactly as sent.</param>
/// <param name="Entities">Formatting the parse mode produced (bold, italic, links ...), in order.</param>
public sealed record FakeTelegramMessage(
    long ChatId, long MessageId, string Text, string RawText, string? ParseMode, IReadOnlyList<FakeTelegramEntity> Entities, DateTimeOffset At)
{
    /// <summary>The parts of the text shown in bold.</summary>
    public IEnumerable<string> BoldTexts => Entities.Where(e => e.Type == "bold").Select(e => e.Text);
}

/// <summary>One MessageEntity: a formatted stretch of the text (offset and length in UTF-16 code units, as Telegram counts).</summary>
public sealed record FakeTelegramEntity(string Type, int Offset, int Length, string Text);
