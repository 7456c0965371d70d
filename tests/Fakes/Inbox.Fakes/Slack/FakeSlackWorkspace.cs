using System.Globalization;
using System.Text.Json.Nodes;

namespace Inbox.Fakes.Slack;

/// <summary>What the fake workspace knows: members, channels, messages per channel, views. Thread-safe.</summary>
internal sealed class FakeSlackWorkspace(TimeProvider time)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, List<StoredMessage>> _messages = new(StringComparer.Ordinal);
    private readonly Dictionary<string, FakeSlackMember> _members = new(StringComparer.Ordinal);
    private readonly Dictionary<string, FakeSlackChannel> _channels = new(StringComparer.Ordinal);
    private readonly List<FakeSlackView> _views = [];
    private long _lastTsMicroseconds;
    private int _viewCount;

    public void AddMember(FakeSlackMember member)
    {
        lock (_gate) _members[member.Id] = member;
    }

    public FakeSlackMember? Member(string id)
    {
        lock (_gate) return _members.GetValueOrDefault(id);
    }

    public void AddChannel(FakeSlackChannel channel)
    {
        lock (_gate) _channels[channel.Id] = channel;
    }

    public FakeSlackChannel? Channel(string id)
    {
        lock (_gate) return _channels.GetValueOrDefault(id);
    }

    /// <summary>
    /// Slack's message id: unix seconds, a dot, six digits. Taken from the clock and always past the previous one,
    /// so two posts in the same instant (or under a frozen fake clock) still differ and sort in posting order.
    /// </summary>
    public string NextTs()
    {
        var now = (time.GetUtcNow().UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / 10;
        lock (_gate)
        {
            _lastTsMicroseconds = Math.Max(now, _lastTsMicroseconds) + 100;
            return FormatTs(_lastTsMicroseconds);
        }
    }

    public static string FormatTs(long microseconds) =>
        string.Create(CultureInfo.InvariantCulture, $"{microseconds / 1_000_000}.{microseconds % 1_000_000:D6}");

    /// <summary>Stores a new message; a reply to a reply joins the root's thread, as in Slack.</summary>
    public FakeSlackMessage Post(string channel, string? threadTs, string? text, JsonArray? blocks, JsonObject? metadata, bool? unfurlLinks)
    {
        var ts = NextTs();
        lock (_gate)
        {
            var list = ListFor(channel);
            if (threadTs is not null && list.Find(m => m.Ts == threadTs) is { ThreadTs: { } rootTs } parent && parent.Ts != rootTs)
                threadTs = rootTs;
            var stored = new StoredMessage(channel, ts, threadTs, time.GetUtcNow())
            {
                Text = text,
                BlocksJson = blocks?.ToJsonString(),
                Metadata = metadata,
                UnfurlLinks = unfurlLinks,
            };
            list.Add(stored);
            return stored.Snapshot();
        }
    }

    /// <summary>Replaces what was given (null leaves that part as it was); null when there is no such message.</summary>
    public FakeSlackMessage? Update(string channel, string ts, string? text, JsonArray? blocks, JsonObject? metadata)
    {
        lock (_gate)
        {
            if (ListFor(channel).Find(m => m.Ts == ts) is not { } stored) return null;
            stored.Edits.Add(new FakeSlackEdit(stored.Text, stored.BlocksJson, time.GetUtcNow()));
            if (text is not null) stored.Text = text;
            if (blocks is not null) stored.BlocksJson = blocks.Count == 0 ? null : blocks.ToJsonString();
            if (metadata is not null) stored.Metadata = metadata;
            return stored.Snapshot();
        }
    }

    public FakeSlackMessage? Message(string channel, string ts)
    {
        lock (_gate) return ListFor(channel).Find(m => m.Ts == ts)?.Snapshot();
    }

    public IReadOnlyList<FakeSlackMessage> Messages(string channel)
    {
        lock (_gate) return ListFor(channel).Select(m => m.Snapshot()).ToArray();
    }

    /// <summary>The root then its replies, oldest first (what conversations.replies would list).</summary>
    public IReadOnlyList<FakeSlackMessage> Thread(string channel, string rootTs)
    {
        lock (_gate)
        {
            return ListFor(channel)
                .Where(m => m.Ts == rootTs || m.ThreadTs == rootTs)
                .OrderBy(m => m.Ts.Length).ThenBy(m => m.Ts, StringComparer.Ordinal)
                .Select(m => m.Snapshot())
                .ToArray();
        }
    }

    public FakeSlackView AddView(string method, string target, JsonObject view, string teamId)
    {
        lock (_gate)
        {
            var id = string.Create(CultureInfo.InvariantCulture, $"V{++_viewCount:D8}");
            view["id"] = id;
            view["team_id"] = teamId;
            view["hash"] = string.Create(CultureInfo.InvariantCulture, $"{_viewCount}.fakehash");
            view["state"] ??= new JsonObject { ["values"] = new JsonObject() };
            var stored = new FakeSlackView(id, method, target, view);
            _views.Add(stored);
            return stored with { View = (JsonObject)view.DeepClone() };
        }
    }

    public IReadOnlyList<FakeSlackView> Views()
    {
        lock (_gate) return _views.Select(v => v with { View = (JsonObject)v.View.DeepClone() }).ToArray();
    }

    private List<StoredMessage> ListFor(string channel)
    {
        if (!_messages.TryGetValue(channel, out var list)) _messages[channel] = list = [];
        return list;
    }

    private sealed class StoredMessage(string channel, string ts, string? threadTs, DateTimeOffset postedAt)
    {
        public string Ts { get; } = ts;
        public string? ThreadTs { get; } = threadTs;
        public string? Text { get; set; }
        public string? BlocksJson { get; set; }
        public JsonObject? Metadata { get; set; }
        public bool? UnfurlLinks { get; init; }
        public List<FakeSlackEdit> Edits { get; } = [];

        public FakeSlackMessage Snapshot() => new(
            channel, Ts, ThreadTs, Text, BlocksJson, Metadata?.DeepClone() as JsonObject, UnfurlLinks, postedAt, Edits.ToArray());
    }
}

/// <summary>A workspace member the fake can describe through users.info.</summary>
internal sealed record FakeSlackMember(string Id, string RealName, string? Email, bool IsBot, string DisplayName);

/// <summary>A conversation the fake can describe through conversations.info.</summary>
/// <param name="BotIsMember">Whether the app's bot was invited; Slack refuses its posts elsewhere (not_in_channel).</param>
internal sealed record FakeSlackChannel(string Id, string Name, bool IsPrivate, bool BotIsMember = true);
