using System.Text.Json;
using System.Text.Json.Nodes;

namespace Inbox.Fakes.Slack;

/// <summary>The Web API methods the fake serves, answering as Slack documents them.</summary>
internal sealed class FakeSlackMethods
{
    // Slack refuses more than 50 blocks in a message (invalid_blocks).
    private const int MaxMessageBlocks = 50;

    private readonly FakeSlackWorkspace _workspace;
    private readonly FakeSlackOptions _options;
    private readonly Dictionary<string, Method> _methods;

    public FakeSlackMethods(FakeSlackWorkspace workspace, FakeSlackOptions options)
    {
        _workspace = workspace;
        _options = options;
        // Content types per Slack's method pages: users.info, conversations.info and chat.getPermalink take form arguments only.
        _methods = new(StringComparer.Ordinal)
        {
            ["api.test"] = new(AcceptsJson: true, RequiresAuth: false, ApiTest),
            ["auth.test"] = new(AcceptsJson: true, RequiresAuth: true, _ => AuthTest()),
            ["chat.postMessage"] = new(AcceptsJson: true, RequiresAuth: true, PostMessage),
            ["chat.update"] = new(AcceptsJson: true, RequiresAuth: true, Update),
            ["chat.postEphemeral"] = new(AcceptsJson: true, RequiresAuth: true, PostEphemeral),
            ["chat.getPermalink"] = new(AcceptsJson: false, RequiresAuth: true, Permalink),
            ["views.open"] = new(AcceptsJson: true, RequiresAuth: true, args => View(args, "views.open", "trigger_id")),
            ["views.publish"] = new(AcceptsJson: true, RequiresAuth: true, args => View(args, "views.publish", "user_id")),
            ["users.info"] = new(AcceptsJson: false, RequiresAuth: true, UserInfo),
            ["conversations.info"] = new(AcceptsJson: false, RequiresAuth: true, ConversationInfo),
            ["conversations.history"] = new(AcceptsJson: false, RequiresAuth: true, History),
            ["conversations.replies"] = new(AcceptsJson: false, RequiresAuth: true, Replies),
        };
    }

    public Method? Find(string name) => _methods.GetValueOrDefault(name);

    // Top-level messages of a channel, newest first; metadata only when include_all_metadata is set, as Slack does.
    private SlackAnswer History(SlackArguments args)
    {
        if (args.Text("channel") is not { } channel) return SlackAnswer.Error("channel_not_found");
        var oldest = args.Text("oldest");
        var withMetadata = args.Flag("include_all_metadata") == true;
        var messages = _workspace.Messages(channel)
            .Where(m => !m.IsThreadReply && (oldest is null || string.CompareOrdinal(Pad(m.Ts), Pad(oldest)) >= 0))
            .OrderByDescending(m => Pad(m.Ts), StringComparer.Ordinal)
            .Select(m => Listed(m, withMetadata));
        return SlackAnswer.Ok(new JsonObject { ["messages"] = new JsonArray([.. messages]), ["has_more"] = false });
    }

    // A thread: its root first, then the replies in order.
    private SlackAnswer Replies(SlackArguments args)
    {
        if (args.Text("channel") is not { } channel) return SlackAnswer.Error("channel_not_found");
        if (args.Text("ts") is not { } ts) return SlackAnswer.Error("thread_not_found");
        var thread = _workspace.Thread(channel, ts);
        if (thread.Count == 0) return SlackAnswer.Error("thread_not_found");
        var withMetadata = args.Flag("include_all_metadata") == true;
        return SlackAnswer.Ok(new JsonObject { ["messages"] = new JsonArray([.. thread.Select(m => Listed(m, withMetadata))]), ["has_more"] = false });
    }

    private static JsonNode Listed(FakeSlackMessage m, bool withMetadata)
    {
        var listed = new JsonObject { ["type"] = "message", ["ts"] = m.Ts, ["text"] = m.Text };
        if (m.ThreadTs is not null) listed["thread_ts"] = m.ThreadTs;
        if (withMetadata && m.Metadata is not null) listed["metadata"] = m.Metadata.DeepClone();
        return listed;
    }

    private static string Pad(string ts) => ts.PadLeft(24, '0');

    private static SlackAnswer ApiTest(SlackArguments args) => SlackAnswer.Ok(new JsonObject { ["args"] = new JsonObject() });

    private SlackAnswer AuthTest() => SlackAnswer.Ok(new JsonObject
    {
        ["url"] = _options.WorkspaceUrl.ToString(),
        ["team"] = _options.TeamName,
        ["user"] = _options.BotName,
        ["team_id"] = _options.TeamId,
        ["user_id"] = _options.BotUserId,
        ["bot_id"] = _options.BotId,
        ["is_enterprise_install"] = false,
    });

    private SlackAnswer PostMessage(SlackArguments args)
    {
        if (args.Text("channel") is not { } channel) return SlackAnswer.Error("channel_not_found");
        if (!TryReadContent(args, out var text, out var blocks, out var metadata, out var error)) return error!;
        if (text is null && blocks is null) return SlackAnswer.Error("no_text");
        if (_workspace.Channel(channel) is { BotIsMember: false }) return SlackAnswer.Error("not_in_channel");

        var message = _workspace.Post(channel, args.Text("thread_ts"), text, blocks, metadata, args.Flag("unfurl_links"));
        return SlackAnswer.Ok(new JsonObject
        {
            ["channel"] = channel,
            ["ts"] = message.Ts,
            ["message"] = Echo(message),
        });
    }

    private SlackAnswer Update(SlackArguments args)
    {
        if (args.Text("channel") is not { } channel) return SlackAnswer.Error("channel_not_found");
        if (args.Text("ts") is not { } ts) return SlackAnswer.Error("message_not_found");
        if (!TryReadContent(args, out var text, out var blocks, out var metadata, out var error)) return error!;
        if (text is null && blocks is null) return SlackAnswer.Error("no_text");

        if (_workspace.Update(channel, ts, text, blocks, metadata) is not { } message) return SlackAnswer.Error("message_not_found");
        return SlackAnswer.Ok(new JsonObject
        {
            ["channel"] = channel,
            ["ts"] = message.Ts,
            ["text"] = message.Text ?? "",
            ["message"] = Echo(message),
        });
    }

    private SlackAnswer PostEphemeral(SlackArguments args)
    {
        if (args.Text("channel") is null) return SlackAnswer.Error("channel_not_found");
        if (args.Text("user") is null) return SlackAnswer.Error("user_not_in_channel");
        if (!TryReadContent(args, out var text, out var blocks, out _, out var error)) return error!;
        if (text is null && blocks is null) return SlackAnswer.Error("no_text");

        // Ephemeral messages are never stored by Slack; the ts only identifies this delivery.
        return SlackAnswer.Ok(new JsonObject { ["message_ts"] = _workspace.NextTs() });
    }

    private SlackAnswer Permalink(SlackArguments args)
    {
        if (args.Text("channel") is not { } channel) return SlackAnswer.Error("channel_not_found");
        if (args.Text("message_ts") is not { } ts || _workspace.Message(channel, ts) is not { } message)
            return SlackAnswer.Error("message_not_found");

        var link = $"{_options.WorkspaceUrl.ToString().TrimEnd('/')}/archives/{channel}/p{ts.Replace(".", "", StringComparison.Ordinal)}";
        if (message.IsThreadReply) link += $"?thread_ts={message.ThreadTs}&cid={channel}";
        return SlackAnswer.Ok(new JsonObject { ["channel"] = channel, ["permalink"] = link });
    }

    private SlackAnswer View(SlackArguments args, string method, string targetArgument)
    {
        var target = args.Text(targetArgument) ?? (method == "views.open" ? args.Text("interactivity_pointer") : null);
        if (target is null) return SlackAnswer.Error("invalid_arguments");
        JsonNode? view;
        try { view = args.Json("view"); }
        catch (JsonException) { return SlackAnswer.Error("invalid_arguments"); }
        if (view is not JsonObject viewObject || viewObject["type"] is null) return SlackAnswer.Error("invalid_arguments");

        viewObject["app_id"] = _options.AppId;
        viewObject["bot_id"] = _options.BotId;
        var stored = _workspace.AddView(method, target, viewObject, _options.TeamId);
        return SlackAnswer.Ok(new JsonObject { ["view"] = stored.View });
    }

    private SlackAnswer UserInfo(SlackArguments args)
    {
        if (args.Text("user") is not { } id) return SlackAnswer.Error("invalid_arguments");
        if (_workspace.Member(id) is not { } member) return SlackAnswer.Error("user_not_found");

        var profile = new JsonObject
        {
            ["real_name"] = member.RealName,
            ["real_name_normalized"] = member.RealName,
            ["display_name"] = member.DisplayName,
            ["display_name_normalized"] = member.DisplayName,
            ["team"] = _options.TeamId,
            // Slack always gives every size of the profile picture (a default one for members who set none).
            ["image_72"] = FakeSlack.ProfileImageUrl(member.Id, 72),
            ["image_192"] = FakeSlack.ProfileImageUrl(member.Id, 192),
        };
        if (member.Email is not null) profile["email"] = member.Email;
        return SlackAnswer.Ok(new JsonObject
        {
            ["user"] = new JsonObject
            {
                ["id"] = member.Id,
                ["team_id"] = _options.TeamId,
                ["name"] = UserName(member),
                ["deleted"] = false,
                ["real_name"] = member.RealName,
                ["tz"] = "Europe/London",
                ["is_bot"] = member.IsBot,
                ["is_app_user"] = false,
                ["profile"] = profile,
            },
        });
    }

    private SlackAnswer ConversationInfo(SlackArguments args)
    {
        // A private channel the bot is not in is invisible to it, as in Slack.
        if (args.Text("channel") is not { } id || _workspace.Channel(id) is not { } channel || channel is { IsPrivate: true, BotIsMember: false })
            return SlackAnswer.Error("channel_not_found");
        return SlackAnswer.Ok(new JsonObject
        {
            ["channel"] = new JsonObject
            {
                ["id"] = channel.Id,
                ["name"] = channel.Name,
                ["is_channel"] = !channel.IsPrivate,
                ["is_group"] = channel.IsPrivate,
                ["is_private"] = channel.IsPrivate,
                ["is_archived"] = false,
                ["is_member"] = channel.BotIsMember,
            },
        });
    }

    /// <summary>text, blocks and metadata as Slack checks them; a JSON-encoded form field that is not JSON is refused by name.</summary>
    private static bool TryReadContent(SlackArguments args, out string? text, out JsonArray? blocks, out JsonObject? metadata, out SlackAnswer? error)
    {
        text = args.Text("text");
        blocks = null;
        metadata = null;
        error = null;
        try
        {
            var blocksNode = args.Json("blocks");
            if (blocksNode is not null and not JsonArray) { error = SlackAnswer.Error("invalid_blocks_format"); return false; }
            blocks = (JsonArray?)blocksNode;
        }
        catch (JsonException) { error = SlackAnswer.Error("invalid_blocks_format"); return false; }
        if (blocks is not null && (blocks.Count > MaxMessageBlocks || blocks.Any(b => b is not JsonObject { } block || block["type"] is null)))
        {
            error = SlackAnswer.Error("invalid_blocks");
            return false;
        }

        try { metadata = args.Json("metadata") as JsonObject; }
        catch (JsonException) { error = SlackAnswer.Error("invalid_metadata_format"); return false; }
        if (metadata is not null && (metadata["event_type"] is null || metadata["event_payload"] is not JsonObject))
        {
            error = SlackAnswer.Error("invalid_metadata_schema");
            return false;
        }
        return true;
    }

    private JsonObject Echo(FakeSlackMessage message)
    {
        var echo = new JsonObject
        {
            ["type"] = "message",
            ["user"] = _options.BotUserId,
            ["bot_id"] = _options.BotId,
            ["app_id"] = _options.AppId,
            ["team"] = _options.TeamId,
            ["text"] = message.Text ?? "",
            ["ts"] = message.Ts,
        };
        if (message.ThreadTs is not null) echo["thread_ts"] = message.ThreadTs;
        if (message.Blocks is { } blocks) echo["blocks"] = blocks;
        if (message.Metadata is { } metadata) echo["metadata"] = metadata;
        return echo;
    }

    private static string UserName(FakeSlackMember member) =>
        member.Email is { } email && email.IndexOf('@', StringComparison.Ordinal) is > 0 and var at
            ? email[..at].ToLowerInvariant()
            : member.RealName.Replace(' ', '.').ToLowerInvariant();

    /// <summary>One served method: whether it reads JSON bodies, whether it needs the token, and what it does.</summary>
    public sealed record Method(bool AcceptsJson, bool RequiresAuth, Func<SlackArguments, SlackAnswer> Handle);
}
