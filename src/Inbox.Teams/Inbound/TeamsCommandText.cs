using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Inbox.Teams.Activities;

namespace Inbox.Teams.Inbound;

/// <summary>
/// A channel message's text ready for the command parser: the bot's mention removed, and each mention of a person
/// replaced by a one-word token (<c>@@0</c>, <c>@@1</c>, ...) that stands for that Teams user, since names have spaces.
/// </summary>
public sealed record TeamsCommandText(string Text, IReadOnlyDictionary<string, MentionedUser> Mentions)
{
    /// <summary>The message as the customer should read it: the bot's mention gone, people as "@Name", line breaks kept.</summary>
    public string Reply { get; init; } = "";

    public static TeamsCommandText From(Activity activity, string botId)
    {
        var text = activity.Text ?? "";
        var reply = text;
        var mentions = new Dictionary<string, MentionedUser>(StringComparer.Ordinal);
        foreach (var entity in activity.Entities?.OfType<JsonObject>() ?? [])
        {
            if (Activity.Read(entity["type"]) != "mention" || Activity.Read(entity["text"]) is not { Length: > 0 } mention) continue;
            var id = Activity.Read(Activity.At(entity, "mentioned", "id"));
            if (id is null) continue;
            if (id == botId || id.EndsWith(":" + botId, StringComparison.Ordinal))
            {
                text = text.Replace(mention, " ", StringComparison.Ordinal);
                reply = reply.Replace(mention, "", StringComparison.Ordinal);
                continue;
            }
            var token = "@@" + mentions.Count.ToString(CultureInfo.InvariantCulture);
            var name = Activity.Read(Activity.At(entity, "mentioned", "name")) ?? StripTags(mention);
            mentions[token] = new MentionedUser(id, name);
            text = text.Replace(mention, token, StringComparison.Ordinal);
            reply = reply.Replace(mention, "@" + name, StringComparison.Ordinal);
        }
        var words = WebUtility.HtmlDecode(text).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        var lines = WebUtility.HtmlDecode(reply).ReplaceLineEndings("\n").Split('\n').Select(l => l.TrimEnd());
        return new TeamsCommandText(string.Join(' ', words), mentions) { Reply = string.Join('\n', lines).Trim() };
    }

    /// <summary>The text with each token back as "@Name", for what people read (a note, a search).</summary>
    public string Readable(string text)
    {
        foreach (var (token, user) in Mentions.OrderByDescending(m => m.Key.Length))
            text = text.Replace(token, "@" + user.Name, StringComparison.Ordinal);
        return text;
    }

    private static string StripTags(string mention) =>
        mention.Replace("<at>", "", StringComparison.Ordinal).Replace("</at>", "", StringComparison.Ordinal);
}

/// <summary>A person mentioned in a message: their Teams user id and the name shown.</summary>
public sealed record MentionedUser(string Id, string Name);
