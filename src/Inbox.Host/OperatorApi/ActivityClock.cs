using Inbox.Core;
using Inbox.Core.Model;

namespace Inbox.Host.OperatorApi;

/// <summary>Says whether a conversation counts as active right now.</summary>
public sealed class ActivityClock(InboxOptions options, TimeProvider time)
{
    public bool IsActive(Conversation conversation) => conversation.IsActiveAt(time.GetUtcNow(), options.InactiveAfter);
}
