using System.Globalization;
using System.Text.Json.Nodes;
using Inbox.Core.Model;
using Inbox.Slack.WebApi;

using static Inbox.Slack.SlackJson;

namespace Inbox.Slack.Mirroring;

/// <summary>Finds what an earlier, possibly successful attempt already posted, by the metadata every Inbox post carries.</summary>
/// <remarks>
/// Slack has no idempotency keys, so each post is tagged: a thread root with its conversation id, a thread
/// message with its outbox idempotency key and part number. Only attempts after one that may have got
/// through look, so the normal path costs no extra call.
/// </remarks>
public sealed class SlackPostedMessages(SlackWebApi slack)
{
    private const string RootEvent = "inbox_conversation";
    private const string PartEvent = "inbox_message";

    public static SlackMetadata RootMetadata(long conversationId) =>
        new(RootEvent, new JsonObject { ["conversation_id"] = conversationId });

    public static SlackMetadata PartMetadata(string idempotencyKey, int part) =>
        new(PartEvent, new JsonObject { ["idempotency_key"] = idempotencyKey, ["part"] = part });

    /// <summary>The ts of the conversation's root if it is already in the channel.</summary>
    public async Task<string?> FindRootAsync(string channel, Conversation conversation, CancellationToken ct)
    {
        var oldest = conversation.StartedAt.AddMinutes(-5).ToUnixTimeMilliseconds() / 1000.0;
        var answer = await slack.CallFormAsync("conversations.history", new Dictionary<string, string>
        {
            ["channel"] = channel,
            ["oldest"] = oldest.ToString("F6", CultureInfo.InvariantCulture),
            ["include_all_metadata"] = "true",
            ["limit"] = "200",
        }, ct);
        return Messages(answer)
            .FirstOrDefault(m => Text(m["metadata"]?["event_type"]) == RootEvent
                && m["metadata"]?["event_payload"]?["conversation_id"]?.GetValue<long>() == conversation.Id)
            ?["ts"]?.GetValue<string>();
    }

    /// <summary>Parts of a thread message already posted, by part number, with their ts.</summary>
    public async Task<Dictionary<int, string>> FindPartsAsync(string channel, string rootTs, string idempotencyKey, CancellationToken ct)
    {
        var answer = await slack.CallFormAsync("conversations.replies", new Dictionary<string, string>
        {
            ["channel"] = channel,
            ["ts"] = rootTs,
            ["include_all_metadata"] = "true",
            ["limit"] = "1000",
        }, ct);
        var found = new Dictionary<int, string>();
        foreach (var message in Messages(answer))
        {
            var payload = message["metadata"]?["event_payload"];
            if (Text(message["metadata"]?["event_type"]) == PartEvent && Text(payload?["idempotency_key"]) == idempotencyKey
                && payload?["part"]?.GetValue<int>() is { } part && Text(message["ts"]) is { } ts)
                found[part] = ts;
        }
        return found;
    }

    // A failed look-up must not be read as "not posted": that would post twice. The dispatcher retries the whole delivery.
    private static IEnumerable<JsonObject> Messages(SlackApiResponse answer) =>
        answer.Ok
            ? (answer.Body?["messages"] as JsonArray)?.OfType<JsonObject>() ?? []
            : throw new HttpRequestException($"Could not check Slack for an earlier post: {answer}");
}
