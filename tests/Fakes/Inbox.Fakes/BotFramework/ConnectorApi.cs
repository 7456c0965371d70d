using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Inbox.Fakes.BotFramework;

/// <summary>Which Connector v3 call a request is, and the ids in its path.</summary>
internal sealed record ConnectorRoute(string Operation, string? ConversationId = null, string? ActivityId = null, string? UserId = null)
{
    /// <summary>Reads <paramref name="relativePath"/> (after the service URL, e.g. <c>v3/conversations/{id}/activities</c>).</summary>
    public static ConnectorRoute Match(string method, string relativePath)
    {
        const string prefix = "v3/conversations";
        var path = relativePath.TrimStart('/').TrimEnd('/');
        if (!path.StartsWith(prefix, StringComparison.Ordinal)) return new(BotOperation.Unknown);
        if (path.Length == prefix.Length)
            return HttpMethods.IsPost(method) ? new(BotOperation.CreateConversation) : new(BotOperation.Unknown);
        if (path[prefix.Length] != '/') return new(BotOperation.Unknown);

        // Conversation ids hold ':', '@' and ';' but never '/', so splitting the decoded path is safe.
        var segments = path[(prefix.Length + 1)..].Split('/');
        return (method, segments) switch
        {
            ("POST", [var c, "activities"]) => new(BotOperation.SendToConversation, c),
            ("POST", [var c, "activities", var a]) => new(BotOperation.ReplyToActivity, c, a),
            ("PUT", [var c, "activities", var a]) => new(BotOperation.UpdateActivity, c, a),
            ("GET", [var c, "members"]) => new(BotOperation.GetConversationMembers, c),
            ("GET", [var c, "members", var u]) => new(BotOperation.GetConversationMember, c, UserId: u),
            _ => new(BotOperation.Unknown),
        };
    }
}

/// <summary>The Bot Connector REST API v3 calls a Teams bot makes, answered from <see cref="FakeTeamsWorkspace"/>.</summary>
internal sealed class ConnectorApi(FakeTeamsWorkspace workspace)
{
    public BotAnswer Handle(ConnectorRoute route, JsonNode? body) => route.Operation switch
    {
        BotOperation.CreateConversation => CreateConversation(body),
        BotOperation.SendToConversation => Post(route.ConversationId!, null, body),
        BotOperation.ReplyToActivity => Post(route.ConversationId!, route.ActivityId, body),
        BotOperation.UpdateActivity => Update(route.ConversationId!, route.ActivityId!, body),
        BotOperation.GetConversationMember => Member(route.UserId!),
        BotOperation.GetConversationMembers => BotAnswer.Json(StatusCodes.Status200OK,
            new JsonArray(workspace.Members().Select(m => (JsonNode?)m.ToTeamsChannelAccount()).ToArray())),
        _ => BotAnswer.ConnectorError(StatusCodes.Status404NotFound, "NotFound", "No such Connector operation."),
    };

    private BotAnswer CreateConversation(JsonNode? body)
    {
        if (body is not JsonObject parameters) return BadSyntax();
        if (parameters["isGroup"]?.GetValueKind() != System.Text.Json.JsonValueKind.True)
            return CreatePersonalChat(parameters);
        if (Text(parameters["channelData"]?["channel"]?["id"]) is not { } channelId)
            return BadArgument("channelData.channel.id is required (this fake only starts threads in channels).");
        if ((Text(parameters["channelData"]?["tenant"]?["id"]) ?? Text(parameters["tenantId"])) is not { } tenantId)
            return BadArgument("channelData.tenant.id is required.");
        if (parameters["activity"] is not JsonObject activity || Text(activity["type"]) is null)
            return BadArgument("activity with a type is required to start a thread in a channel.");

        var (conversationId, activityId) = workspace.StartThread(channelId, tenantId, activity, fromBot: true);
        return BotAnswer.Json(StatusCodes.Status201Created, new JsonObject { ["id"] = conversationId, ["activityId"] = activityId });
    }

    // A 1:1 chat with one member of the tenant, as a bot opens it to write to someone alone: one per member, same id each time.
    private BotAnswer CreatePersonalChat(JsonObject parameters)
    {
        if (parameters["members"] is not JsonArray { Count: 1 } members || Text(members[0]?["id"]) is not { } userId)
            return BadArgument("A personal chat needs isGroup false and exactly one member.");
        if ((Text(parameters["channelData"]?["tenant"]?["id"]) ?? Text(parameters["tenantId"])) is null)
            return BadArgument("channelData.tenant.id is required.");
        return workspace.OpenPersonalChat(userId) is { } chatId
            ? BotAnswer.Json(StatusCodes.Status201Created, new JsonObject { ["id"] = chatId })
            : BotAnswer.ConnectorError(StatusCodes.Status404NotFound, "MemberNotFoundInConversation", "The specified user was not found in the tenant.");
    }

    private BotAnswer Post(string conversationId, string? replyToId, JsonNode? body)
    {
        if (body is not JsonObject activity) return BadSyntax();
        if (Text(activity["type"]) is null) return BadArgument("activity.type is required.");
        if (conversationId.StartsWith("a:", StringComparison.Ordinal))
            return workspace.PostPersonal(conversationId, activity) is { } personalId
                ? BotAnswer.Json(StatusCodes.Status201Created, new JsonObject { ["id"] = personalId })
                : BotAnswer.ConnectorError(StatusCodes.Status404NotFound, "ConversationNotFound", "Conversation not found.");

        var (channelId, rootId) = FakeTeamsWorkspace.SplitConversationId(conversationId);
        string? id;
        if (rootId is not null) id = workspace.Append(conversationId, replyToId, activity, fromBot: true);
        else if (replyToId is not null) id = workspace.Append(FakeTeamsWorkspace.ThreadId(channelId, replyToId), replyToId, activity, fromBot: true);
        else id = workspace.StartThread(channelId, tenantId: null, activity, fromBot: true).ActivityId; // a post to the channel itself opens a new thread

        return id is null
            ? BotAnswer.ConnectorError(StatusCodes.Status404NotFound, "ConversationNotFound", "Conversation not found.")
            : BotAnswer.Json(StatusCodes.Status201Created, new JsonObject { ["id"] = id });
    }

    private BotAnswer Update(string conversationId, string activityId, JsonNode? body)
    {
        if (body is not JsonObject activity) return BadSyntax();
        if (Text(activity["type"]) is null) return BadArgument("activity.type is required.");
        return workspace.Update(conversationId, activityId, activity) switch
        {
            FakeTeamsWorkspace.UpdateOutcome.Updated => BotAnswer.Json(StatusCodes.Status200OK, new JsonObject { ["id"] = activityId }),
            FakeTeamsWorkspace.UpdateOutcome.NoSuchConversation =>
                BotAnswer.ConnectorError(StatusCodes.Status404NotFound, "ConversationNotFound", "Conversation not found."),
            _ => BotAnswer.ConnectorError(StatusCodes.Status404NotFound, "ActivityNotFound", "Activity not found."),
        };
    }

    private BotAnswer Member(string userId) =>
        workspace.Member(userId) is { } member
            ? BotAnswer.Json(StatusCodes.Status200OK, member.ToTeamsChannelAccount())
            : BotAnswer.ConnectorError(StatusCodes.Status404NotFound, "MemberNotFoundInConversation", "The specified user was not found in the conversation.");

    private static string? Text(JsonNode? node) =>
        node?.GetValueKind() == System.Text.Json.JsonValueKind.String && node.GetValue<string>() is { Length: > 0 } text ? text : null;

    private static BotAnswer BadSyntax() =>
        BotAnswer.ConnectorError(StatusCodes.Status400BadRequest, "BadSyntax", "The request body must be a JSON object.");

    private static BotAnswer BadArgument(string message) =>
        BotAnswer.ConnectorError(StatusCodes.Status400BadRequest, "BadArgument", message);
}
