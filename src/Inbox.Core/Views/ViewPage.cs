namespace Inbox.Core.Views;

/// <summary>A page of a view: rows newest activity first, the view's total, and the cursor of the next page.</summary>
public sealed record ViewPage(
    InboxView View,
    IReadOnlyList<ConversationSummary> Items,
    int TotalCount,
    string? NextCursor,
    ClosedSummary? Summary = null);

/// <summary>Figures for analysis over the (filtered) Closed view.</summary>
public sealed record ClosedSummary(int Count, TimeSpan? AverageDuration, TimeSpan? AverageFirstResponse);

/// <summary>How many conversations each view holds for one operator.</summary>
public sealed record ViewCounts(int You, int Open, int All, int Closed, int Spam);
