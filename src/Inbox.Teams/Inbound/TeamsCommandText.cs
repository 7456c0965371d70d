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
    public static TeamsCommandText From(Activity activity, string botId)
    {
        var text = activity.Text ?? "";
        var mentions = new Dictionary<string, MentionedUser>(StringComparer.Ordinal);
        foreach (var entity in activity.Entities?.OfType<JsonObject>() ?? [])
        {
            if (Activity.Read(entity["type"]) != "mention" || Activity.Read(entity["text"]) is not { Length: > 0 } mention) continue;
            var id = Activity.Read(entity["mentioned"]?["id"]);
            if (id is null) continue;
            if (id == botId || id.EndsWith(":" + botId, StringComparison.Ordinal))
            {
                text = text.Replace(mention, " ", StringComparison.Ordinal);
                continue;
            }
            var token = "@@" + mentions.Count.ToString(CultureInfo.InvariantCulture);
            mentions[token] = new MentionedUser(id, Activity.Read(entity["mentioned"]?["name"]) ?? StripTags(mention));
            text = text.Replace(mention, token, StringComparison.Ordinal);
        }
        var words = WebUtility.HtmlDecode(text).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        return new TeamsCommandText(string.Join(' ', words), mentions);
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
