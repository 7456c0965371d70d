using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Inbox.Core.Model;
using Inbox.Core.Routing;
using Inbox.Core.Views;
using Inbox.Slack.Mirroring;
using Inbox.Slack.Rendering;
using Inbox.Slack.WebApi;

using static Inbox.Slack.SlackJson;

namespace Inbox.Slack.Commands;

/// <summary><c>/inbox move #123 #channel</c>: checks that Inbox can post in the channel, then moves the conversation's Slack thread there.</summary>
public sealed partial class SlackThreadMover(ThreadMoves moves, IInboxQueries queries, SlackWebApi slack)
{
    public const string Usage = "`/inbox move #123 #channel` (pick the channel from Slack's list), or `/inbox move #123` in the channel that should take it";

    /// <param name="reference">The channel as typed (with should_escape: <c>&lt;#C123|name&gt;</c>); null: the channel the command was typed in.</param>
    /// <returns>The answer, in mrkdwn, for the operator who asked.</returns>
    public async Task<string> MoveAsync(long id, string? reference, string? currentChannel, Operator me, CancellationToken ct)
    {
        var target = reference is null ? currentChannel : ChannelId(reference);
        if (target is null)
            return reference is null
                ? $"Name the channel: {Usage}."
                : $"I can't tell which channel `{SlackText.Escape(reference)}` is. {Usage}.";
        if (target.StartsWith('D')) return $"Threads live in channels: run `/inbox move #{id}` in a channel, or name one: {Usage}.";
        if (await queries.FindConversationAsync(id, ct) is null) return $"Conversation #{id} does not exist.";
        if (await queries.FindThreadAsync(id, SlackOutboxRouter.Destination, ct) is not { } thread)
            return $"#{id} has no Slack thread to move: its route keeps it out of Slack, or its thread is not posted yet.";
        if (SlackThreadId.Parse(thread.ExternalId).Channel == target) return $"#{id} is already in <#{target}>; nothing to move.";

        var info = await slack.CallFormAsync("conversations.info", new Dictionary<string, string> { ["channel"] = target }, ct);
        if (!info.Ok)
            return info.Error is "channel_not_found"
                ? $"I can't see <#{target}>: if it is private, invite me there first (`/invite @Inbox`). Nothing was moved."
                : $"Slack could not tell me about <#{target}> ({SlackText.Escape(info.Error ?? "no answer")}); nothing was moved, try again.";
        var channel = info.Body?["channel"] as JsonObject;
        if (channel?["is_archived"]?.GetValue<bool>() == true) return $"<#{target}> is archived; nothing was moved.";
        if (channel?["is_member"]?.GetValue<bool>() != true)
            return $"I'm not a member of <#{target}>: invite me there (`/invite @Inbox`), then move #{id} again.";

        var name = Text(channel["name"]) is { } known ? "#" + known : target;
        var result = await moves.MoveAsync(id, SlackOutboxRouter.Destination, target, name, me.Id, ct);
        return result.Succeeded ? SlackText.Escape(result.Value.Summary).Replace(SlackText.Escape(name), $"<#{target}>") : SlackText.Escape(result.Error.Message);
    }

    /// <summary>The channel id in <c>&lt;#C123|name&gt;</c>, <c>&lt;#C123&gt;</c> or a bare id; null for anything else (a plain "#name" cannot be resolved).</summary>
    public static string? ChannelId(string reference)
    {
        var match = ChannelReference().Match(reference.Trim());
        return match.Success ? match.Groups["id"].Value : null;
    }

    [GeneratedRegex(@"^(<#(?<id>[CG][A-Z0-9]{2,})(\|[^>]*)?>|(?<id>[CG][A-Z0-9]{8,}))$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex ChannelReference();
}
