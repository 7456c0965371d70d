namespace Inbox.Core.Model;

/// <summary>Who a message is from and who may see it.</summary>
public enum MessageDirection
{
    /// <summary>Written by the customer on their channel.</summary>
    FromCustomer = 1,
    /// <summary>An operator's reply; the customer sees it.</summary>
    FromOperator = 2,
    /// <summary>An internal note; the customer never sees it.</summary>
    Note = 3,
    /// <summary>Written by Inbox itself (closed, reopened, assigned, ...).</summary>
    System = 4,
}
