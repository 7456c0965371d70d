namespace Inbox.Core.Model;

/// <summary>How a channel knows a contact: widget visitor key, email address, Telegram user id.</summary>
public sealed record ContactIdentity(ChannelKind Channel, string ExternalId);
