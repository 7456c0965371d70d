namespace Inbox.Core.Model;

/// <summary>Where a conversation stands in the operators' workflow.</summary>
public enum ConversationStatus
{
    Open = 1,
    Closed = 2,
    Spam = 3,
}
