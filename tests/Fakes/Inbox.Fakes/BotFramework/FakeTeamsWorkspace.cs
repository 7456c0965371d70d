using System.Globalization;
using System.Text.Json.Nodes;

namespace Inbox.Fakes.BotFramework;

/// <summary>The fake's Teams state: channel threads with their activities, the tenant's members, and the message id source.</summary>
internal sealed class FakeTeamsWorkspace(TimeProvider time)
{
    private const string MessageIdMarker = ";messageid=";
    private readonly Lock _gate = new();
    private readonly List<ThreadState> _threads = [];
    private readonly Dictionary<string, ThreadState> _threadsById = new(StringComparer.Ordinal);
    private readonly List<FakeTeamsMember> _members = [];
    private readonly Dictionary<string, List<string>> _personalChats = new(StringComparer.Ordinal);
    private long _lastMessageId;

    /// <summary>The id of the bot's one personal chat with a member (Teams answers creating it again with the same id).</summary>
    public static string PersonalChatId(string userId) => "a:personal-" + userId;

    /// <summary>Opens the bot's personal chat with a known member; null for someone the tenant does not know.</summary>
    public string? OpenPersonalChat(string userId)
    {
        if (Member(userId) is null) return null;
        lock (_gate) _personalChats.TryAdd(PersonalChatId(userId), []);
        return PersonalChatId(userId);
    }

    /// <summary>Adds the bot's message to an open personal chat; null when no such chat was opened.</summary>
    public string? PostPersonal(string chatId, JsonObject activity)
    {
        var id = NextMessageId();
        lock (_gate)
        {
            if (!_personalChats.TryGetValue(chatId, out var messages)) return null;
            messages.Add(activity.ToJsonString());
            return id;
        }
    }

    /// <summary>What the bot wrote to a member in their personal chat, oldest first.</summary>
    public IReadOnlyList<JsonObject> PersonalMessages(string userId)
    {
        lock (_gate)
            return _personalChats.TryGetValue(PersonalChatId(userId), out var messages)
                ? messages.Select(m => JsonNode.Parse(m)!.AsObject()).ToArray()
                : [];
    }

    /// <summary>Teams message ids are epoch milliseconds; kept strictly increasing so two posts in one millisecond differ.</summary>
    public string NextMessageId()
    {
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        lock (_gate)
        {
            _lastMessageId = Math.Max(_lastMessageId + 1, now);
            return _lastMessageId.ToString(CultureInfo.InvariantCulture);
        }
    }

    public static string ThreadId(string channelId, string rootId) => channelId + MessageIdMarker + rootId;

    /// <summary>The channel part of a conversation id and, for a thread, its root message id.</summary>
    public static (string ChannelId, string? RootId) SplitConversationId(string conversationId)
    {
        var at = conversationId.IndexOf(MessageIdMarker, StringComparison.OrdinalIgnoreCase);
        return at < 0 ? (conversationId, null) : (conversationId[..at], conversationId[(at + MessageIdMarker.Length)..]);
    }

    /// <summary>Starts a thread whose root is <paramref name="root"/>; returns the thread's conversation id and the root's id.</summary>
    public (string ConversationId, string ActivityId) StartThread(string channelId, string? tenantId, JsonObject root, bool fromBot, string? rootId = null)
    {
        rootId ??= NextMessageId();
        var conversationId = ThreadId(channelId, rootId);
        lock (_gate)
        {
            var thread = new ThreadState(conversationId, channelId, tenantId, rootId);
            thread.Activities.Add(new ActivityState(rootId, null, fromBot, root.ToJsonString(), time.GetUtcNow()));
            _threads.Add(thread);
            _threadsById[conversationId] = thread;
        }
        return (conversationId, rootId);
    }

    /// <summary>Adds an activity to a known thread; null when the fake does not know the thread.</summary>
    public string? Append(string conversationId, string? replyToId, JsonObject activity, bool fromBot, string? activityId = null)
    {
        lock (_gate)
        {
            if (!_threadsById.TryGetValue(conversationId, out var thread)) return null;
            activityId ??= NextMessageId();
            thread.Activities.Add(new ActivityState(activityId, replyToId, fromBot, activity.ToJsonString(), time.GetUtcNow()));
            return activityId;
        }
    }

    /// <summary>Records a user's message as Teams would hold it: a new thread for a top-level post, else a reply (opening the thread if unseen).</summary>
    public void RecordUserMessage(string conversationId, string? tenantId, string activityId, string? replyToId, JsonObject activity)
    {
        var (channelId, rootId) = SplitConversationId(conversationId);
        lock (_gate)
        {
            if (rootId is null || rootId == activityId)
            {
                StartThread(channelId, tenantId, activity, fromBot: false, rootId: activityId);
                return;
            }
            if (!_threadsById.ContainsKey(conversationId))
            {
                var thread = new ThreadState(conversationId, channelId, tenantId, rootId);
                _threads.Add(thread);
                _threadsById[conversationId] = thread;
            }
            Append(conversationId, replyToId, activity, fromBot: false, activityId);
        }
    }

    public UpdateOutcome Update(string conversationId, string activityId, JsonObject activity)
    {
        lock (_gate)
        {
            if (!_threadsById.TryGetValue(conversationId, out var thread)) return UpdateOutcome.NoSuchConversation;
            if (thread.Activities.FirstOrDefault(a => a.Id == activityId) is not { } existing) return UpdateOutcome.NoSuchActivity;
            var now = time.GetUtcNow();
            existing.Edits.Add(new FakeTeamsActivityEdit(existing.Json, now));
            existing.Json = activity.ToJsonString();
            return UpdateOutcome.Updated;
        }
    }

    public void AddMember(FakeTeamsMember member)
    {
        lock (_gate)
        {
            _members.RemoveAll(m => m.Id == member.Id);
            _members.Add(member);
        }
    }

    /// <summary>Teams finds a member by user id or by Entra object id.</summary>
    public FakeTeamsMember? Member(string idOrObjectId)
    {
        lock (_gate)
            return _members.FirstOrDefault(m => string.Equals(m.Id, idOrObjectId, StringComparison.Ordinal)
                                                || string.Equals(m.AadObjectId, idOrObjectId, StringComparison.OrdinalIgnoreCase));
    }

    public IReadOnlyList<FakeTeamsMember> Members()
    {
        lock (_gate) return _members.ToArray();
    }

    public IReadOnlyList<FakeTeamsThread> Threads()
    {
        lock (_gate) return _threads.Select(t => t.Snapshot()).ToArray();
    }

    public FakeTeamsThread? Thread(string conversationId)
    {
        lock (_gate) return _threadsById.TryGetValue(conversationId, out var thread) ? thread.Snapshot() : null;
    }

    public enum UpdateOutcome { Updated, NoSuchConversation, NoSuchActivity }

    private sealed record ThreadState(string ConversationId, string ChannelId, string? TenantId, string RootId)
    {
        public List<ActivityState> Activities { get; } = [];

        public FakeTeamsThread Snapshot() =>
            new(ConversationId, ChannelId, TenantId, RootId, Activities.Select(a => a.Snapshot(ConversationId)).ToArray());
    }

    private sealed class ActivityState(string id, string? replyToId, bool fromBot, string json, DateTimeOffset postedAt)
    {
        public string Id { get; } = id;
        public string Json { get; set; } = json;
        public List<FakeTeamsActivityEdit> Edits { get; } = [];

        public FakeTeamsActivity Snapshot(string conversationId) =>
            new(Id, conversationId, replyToId, fromBot, Json, postedAt, Edits.ToArray());
    }
}
