using Inbox.Core.Model;
using Inbox.Core.Views;

namespace Inbox.Core.Commands.Text;

/// <summary>What a typed command came back with, for a bridge to render in its own markup.</summary>
/// <remarks>Texts in answers are plain: a bridge escapes them for its surface. Backticks mark what the operator can type.</remarks>
public abstract record CommandAnswer
{
    private CommandAnswer() { }

    /// <summary>The list of commands.</summary>
    public sealed record Help(string Usage) : CommandAnswer;

    /// <summary>The command was not run: bad arguments, an unknown operator, a refused precondition.</summary>
    public sealed record Refused(string Message) : CommandAnswer;

    /// <summary>A change was made (or was already made); <see cref="ConversationChange.Summary"/> says which.</summary>
    public sealed record Changed(ConversationChange Change) : CommandAnswer;

    /// <summary>One page of a view, with every view's count; <paramref name="PageNumber"/> counts from 1.</summary>
    /// <param name="Routes">The routes the page was narrowed to ("open here"); null: every conversation.</param>
    public sealed record View(ViewPage Page, int PageNumber, ViewCounts Counts, IReadOnlyList<string>? Routes = null) : CommandAnswer;

    /// <summary>The routing rules in the order they are tried, the default last.</summary>
    public sealed record RouteList(IReadOnlyList<Routing.Route> All) : CommandAnswer;

    public sealed record Search(string Words, IReadOnlyList<ConversationSummary> Found) : CommandAnswer;

    public sealed record Details(ConversationDetails Conversation) : CommandAnswer;

    /// <summary>The operator's own status, capacity and how many open conversations they hold.</summary>
    public sealed record OperatorState(Operator Operator, int Capacity, int OpenAssigned) : CommandAnswer;

    public sealed record History(long ConversationId, IReadOnlyList<PastConversation> Past) : CommandAnswer;
}
