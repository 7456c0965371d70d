namespace Inbox.Channels.Telegram.Inbound;

/// <summary>The name operators see for a Telegram user: first and last name, else @username.</summary>
public static class TelegramContactName
{
    public static string? Of(TelegramUser user)
    {
        var name = string.Join(' ', new[] { user.FirstName, user.LastName }.Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => p!.Trim()));
        if (name.Length > 0) return name;
        return string.IsNullOrWhiteSpace(user.Username) ? null : "@" + user.Username.Trim();
    }
}
