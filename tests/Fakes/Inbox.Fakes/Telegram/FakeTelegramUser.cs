namespace Inbox.Fakes.Telegram;

/// <summary>A Telegram account writing to the bot; in a private chat its id is also the chat id.</summary>
public sealed record FakeTelegramUser(long Id, string FirstName, string? LastName = null, string? Username = null, bool IsBot = false);
