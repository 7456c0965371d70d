namespace Inbox.Core.Views;

/// <summary>The five inbox views operators work from.</summary>
public enum InboxView
{
    /// <summary>Open conversations assigned to the asking operator.</summary>
    You,
    /// <summary>Open conversations waiting for an operator's reply.</summary>
    Open,
    /// <summary>Every open (active or inactive) and closed conversation.</summary>
    All,
    /// <summary>Closed conversations, filterable, with summary figures.</summary>
    Closed,
    /// <summary>Conversations marked as spam and those of blocked visitors; kept out of every other view.</summary>
    Spam,
}
