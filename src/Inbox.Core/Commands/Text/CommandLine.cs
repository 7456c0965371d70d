using System.Globalization;
using Inbox.Core.Model;
using Inbox.Core.Views;

namespace Inbox.Core.Commands.Text;

/// <summary>One operator command as typed after <c>/inbox</c> in Slack or <c>@Inbox</c> in Teams, parsed but not yet run.</summary>
/// <param name="OperatorReference">A mention or name of another operator, in the bridge's own form; the bridge resolves it.</param>
public sealed record CommandLine(
    CommandVerb Verb,
    long? ConversationId = null,
    string? Argument = null,
    string? OperatorReference = null,
    int Page = 1,
    ClosedFilterText? Filter = null,
    int? Capacity = null,
    bool Here = false)
{
    public const string Usage =
        "`help` · `you|open|all|closed|spam [here] [page]` · `closed tag:vip assignee:@user channel:email since:2026-11-01 until:2026-12-01` · "
        + "`assign #123 [@user]` · `transfer #123 @user` · `join #123` · `close|reopen|spam|block|unblock #123` · "
        + "`note #123 text` · `tag|untag #123 word` · `details #123` · `history #123` · `search words` · `status [online|away|offline] [capacity]` · "
        + "`routes` · `move #123 [#channel]`";

    public static InboxView? ViewOf(CommandVerb verb) => verb switch
    {
        CommandVerb.You => InboxView.You,
        CommandVerb.Open => InboxView.Open,
        CommandVerb.All => InboxView.All,
        CommandVerb.Closed => InboxView.Closed,
        CommandVerb.Spam => InboxView.Spam,
        _ => null,
    };

    /// <summary>Parses a command line; a refusal carries a short usage line for the verb.</summary>
    public static InboxResult<CommandLine> Parse(string? text)
    {
        var words = (text ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0 || words[0].Equals("help", StringComparison.OrdinalIgnoreCase))
            return new CommandLine(CommandVerb.Help);
        if (!Enum.TryParse<CommandVerb>(words[0], ignoreCase: true, out var verb) || !Enum.IsDefined(verb)
            || verb == CommandVerb.MarkSpam || int.TryParse(words[0], out _))
            return Refuse($"I don't know `{words[0]}`. Try: {Usage}");
        var rest = words[1..];
        // "spam" is the Spam view, "spam #123" marks a conversation.
        if (verb == CommandVerb.Spam && rest.Length > 0 && rest[0].StartsWith('#')) verb = CommandVerb.MarkSpam;

        switch (verb)
        {
            case CommandVerb.You or CommandVerb.Open or CommandVerb.All or CommandVerb.Spam:
                return ParsePage(verb, rest, allowFilters: false);
            case CommandVerb.Closed:
                return ParsePage(verb, rest, allowFilters: true);
            case CommandVerb.Status:
                return ParseStatus(rest);
            case CommandVerb.Routes:
                return rest.Length == 0 ? new CommandLine(verb) : Refuse($"Usage: {UsageOf(verb)}");
            case CommandVerb.Search:
                return rest.Length == 0
                    ? Refuse("Usage: `search words` (name, email or message text).")
                    : new CommandLine(verb, Argument: string.Join(' ', rest));
        }

        if (rest.Length == 0 || !TryConversation(rest[0], out var id))
            return Refuse($"Usage: {UsageOf(verb)}");
        var after = rest[1..];
        return verb switch
        {
            CommandVerb.Assign when after.Length <= 1 => new CommandLine(verb, id, OperatorReference: after.FirstOrDefault()),
            CommandVerb.Transfer when after.Length == 1 => new CommandLine(verb, id, OperatorReference: after[0]),
            CommandVerb.Note when after.Length > 0 => new CommandLine(verb, id, Argument: string.Join(' ', after)),
            CommandVerb.Tag or CommandVerb.Untag when after.Length == 1 => new CommandLine(verb, id, Argument: after[0]),
            CommandVerb.Move when after.Length <= 1 => new CommandLine(verb, id, Argument: after.FirstOrDefault()),
            CommandVerb.Join or CommandVerb.Close or CommandVerb.Reopen or CommandVerb.MarkSpam or CommandVerb.Block
                or CommandVerb.Unblock or CommandVerb.Details or CommandVerb.History when after.Length == 0 => new CommandLine(verb, id),
            _ => Refuse($"Usage: {UsageOf(verb)}"),
        };
    }

    private static InboxResult<CommandLine> ParsePage(CommandVerb verb, string[] rest, bool allowFilters)
    {
        var page = 1;
        var here = false;
        var filter = new ClosedFilterText();
        foreach (var word in rest)
        {
            if (word.Equals("here", StringComparison.OrdinalIgnoreCase))
            {
                here = true;
                continue;
            }
            if (int.TryParse(word, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number is >= 1 and <= 1000)
            {
                page = number;
                continue;
            }
            var colon = word.IndexOf(':');
            if (!allowFilters || colon <= 0)
                return Refuse($"Usage: {UsageOf(verb)}");
            var (key, value) = (word[..colon].ToLowerInvariant(), word[(colon + 1)..]);
            filter = key switch
            {
                "tag" => filter with { Tag = value },
                "assignee" => filter with { Assignee = value },
                "channel" => filter with { Channel = value },
                "since" => filter with { Since = value },
                "until" => filter with { Until = value },
                _ => null!,
            };
            if (filter is null) return Refuse($"Unknown filter `{key}:`. Filters: tag:, assignee:, channel:, since:, until:.");
        }
        return new CommandLine(verb, Page: page, Filter: allowFilters ? filter : null, Here: here);
    }

    private static InboxResult<CommandLine> ParseStatus(string[] rest)
    {
        if (rest.Length == 0) return new CommandLine(CommandVerb.Status);
        if (rest.Length > 2 || !Enum.TryParse<OperatorStatus>(rest[0], ignoreCase: true, out var status) || !Enum.IsDefined(status)
            || int.TryParse(rest[0], out _))
            return Refuse($"Usage: {UsageOf(CommandVerb.Status)}");
        int? capacity = null;
        if (rest.Length == 2)
        {
            if (!int.TryParse(rest[1], NumberStyles.None, CultureInfo.InvariantCulture, out var max) || max is < 1 or > 1000)
                return Refuse("Capacity is the most open conversations you take at once, 1 to 1000: `status online 5`.");
            capacity = max;
        }
        return new CommandLine(CommandVerb.Status, Argument: status.ToString().ToLowerInvariant(), Capacity: capacity);
    }

    private static bool TryConversation(string word, out long id) =>
        long.TryParse(word.TrimStart('#'), NumberStyles.None, CultureInfo.InvariantCulture, out id) && id > 0;

    private static string UsageOf(CommandVerb verb) => verb switch
    {
        CommandVerb.Assign => "`assign #123` (to you) or `assign #123 @user`",
        CommandVerb.Transfer => "`transfer #123 @user`",
        CommandVerb.Note => "`note #123 text`",
        CommandVerb.Tag => "`tag #123 word`",
        CommandVerb.Untag => "`untag #123 word`",
        CommandVerb.Status => "`status` (yours), `status online|away|offline [capacity]`",
        CommandVerb.Closed => "`closed [here] [page] [tag:vip] [assignee:@user] [channel:email] [since:2026-11-01] [until:2026-12-01]`",
        CommandVerb.You or CommandVerb.Open or CommandVerb.All or CommandVerb.Spam => $"`{Name(verb)} [here] [page]` (here: only this channel's route)",
        CommandVerb.Move => "`move #123 #channel` (Slack) or `move #123` written in the channel that should take it",
        CommandVerb.Routes => "`routes`",
        _ => $"`{Name(verb)} #123`",
    };

    private static string Name(CommandVerb verb) => verb == CommandVerb.MarkSpam ? "spam" : verb.ToString().ToLowerInvariant();

    private static InboxResult<CommandLine> Refuse(string message) => InboxError.Invalid(message, "command");
}

/// <summary>The closed-view filters as typed; the bridge turns dates, channels and operator references into a <see cref="ConversationFilter"/>.</summary>
public sealed record ClosedFilterText(string? Tag = null, string? Assignee = null, string? Channel = null, string? Since = null, string? Until = null);
