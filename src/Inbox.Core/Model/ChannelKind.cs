namespace Inbox.Core.Model;

/// <summary>The customer-facing channel a conversation came in on.</summary>
public enum ChannelKind
{
    Widget = 1,
    Email = 2,
    Telegram = 3,
}
