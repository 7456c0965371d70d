namespace Inbox.Core.Routing;

/// <summary>Whose name a customer sees on an operator's reply (widget, email From, Telegram).</summary>
public enum CustomerSees
{
    /// <summary>The operator's display name (and avatar in the widget).</summary>
    Operator,
    /// <summary>The route's team alias, e.g. "Acme Support", whoever answered.</summary>
    Alias,
}
