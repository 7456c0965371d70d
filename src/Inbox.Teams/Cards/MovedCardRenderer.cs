using System.Globalization;
using Inbox.Core.Model;

namespace Inbox.Teams.Cards;

/// <summary>Redraws a root card whose conversation was moved to another channel: who it was, and a link to where it went.</summary>
/// <remarks>No actions: acting on the old card would confuse more than help, and later messages only reach the new thread.</remarks>
public static class MovedCardRenderer
{
    /// <param name="newThreadLink">A deep link to the new thread, or null when none could be made.</param>
    public static AdaptiveCard Render(Conversation conversation, Contact contact, string? newThreadLink)
    {
        var reference = $"#{conversation.Id.ToString(CultureInfo.InvariantCulture)}";
        var header = new TextBlock($"{CardText.Plain(contact.DisplayName, CardLimits.Heading)} · {reference}") { Weight = TextWeight.Bolder, Size = TextSize.Medium };
        var where = newThreadLink is null ? "the new thread" : $"[the new thread]({newThreadLink})";
        var moved = new TextBlock($"➡️ **Moved to another channel** — continue in {where}. Messages of {reference} only go to the new thread now.")
        {
            Spacing = CardSpacing.Small,
        };
        return CardSizeGuard.Fit(new AdaptiveCard([header, moved]));
    }
}
