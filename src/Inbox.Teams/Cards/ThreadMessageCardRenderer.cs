using Inbox.Core.Model;
using Inbox.Core.Views;

namespace Inbox.Teams.Cards;

/// <summary>
/// Renders one message of a conversation as thread replies in Teams: a customer's message (text, then files as links), or
/// what happened elsewhere (an operator's reply or note written in Slack or through Inbox, a system line) marked with
/// who wrote it and where.
/// </summary>
/// <remarks>Long texts are split over several cards so none is cut and each stays well under the card size limit.</remarks>
public static class ThreadMessageCardRenderer
{
    /// <summary>Characters of message text per card: even escaped and JSON-encoded at six bytes a character it fits.</summary>
    public const int TextPerCard = 3000;

    /// <param name="mention">An operator an Inbox line names as "@Name" (a reminder naming the assignee) and their Teams id: Teams notifies them.</param>
    public static IReadOnlyList<AdaptiveCard> Render(Message message, Contact? contact, (string Name, string UserId)? mention = null)
    {
        var heading = Heading(message, contact);
        var chunks = Chunks(message.Text.Trim());
        var cards = new List<AdaptiveCard>();
        for (var i = 0; i < chunks.Count; i++)
        {
            List<CardElement> body = i == 0 ? [heading] : [];
            var text = CardText.Escape(chunks[i]);
            CardTeamsExtras? extras = null;
            // Only Inbox's own lines can mention someone; matched after escaping, so customer text never becomes a mention.
            if (mention is { } who && message.Direction == MessageDirection.System && text.Contains("@" + CardText.Escape(who.Name), StringComparison.Ordinal))
            {
                var entity = CardMention.Of(CardText.SingleLine(who.Name), who.UserId);
                text = text.Replace("@" + CardText.Escape(who.Name), entity.Text, StringComparison.Ordinal);
                extras = new CardTeamsExtras([entity]);
            }
            body.Add(new TextBlock(text) { Spacing = CardSpacing.Small });
            cards.Add(new AdaptiveCard(body) { Teams = extras });
        }
        var files = message.Attachments.Select(FileLine).ToList();
        if (cards.Count == 0) cards.Add(new AdaptiveCard(files.Count > 0 ? [heading] : [heading, new TextBlock("*(empty message)*")]));
        if (files.Count > 0) cards[^1] = cards[^1] with { Body = [.. cards[^1].Body, .. files] };
        return cards.Select(c => CardSizeGuard.Fit(c)).ToList();
    }

    private static TextBlock Heading(Message message, Contact? contact)
    {
        // Written in Slack: say so. Through the operator API it is just Inbox, and Teams' own messages never come here.
        var where = MessageOrigin.SurfaceOf(message) == "slack" ? " in Slack" : "";
        var author = CardText.Plain(message.AuthorName ?? contact?.DisplayName ?? "Inbox", CardLimits.Heading);
        var text = message.Direction switch
        {
            MessageDirection.FromCustomer => $"💬 **{CardText.Plain(message.AuthorName is { Length: > 0 } ? message.AuthorName : contact?.DisplayName ?? "Visitor", CardLimits.Heading)}**",
            MessageDirection.FromOperator => $"↩️ **{author}** replied to the customer{where}",
            MessageDirection.Note => $"📝 **Note by {author}**{where} (not sent to the customer)",
            _ => "ℹ️ Inbox",
        };
        return new TextBlock(text) { IsSubtle = message.Direction != MessageDirection.FromCustomer };
    }

    private static List<string> Chunks(string text)
    {
        var chunks = new List<string>();
        var start = 0;
        while (start < text.Length)
        {
            var length = Math.Min(TextPerCard, text.Length - start);
            if (start + length < text.Length)
            {
                // Prefer a cut at a line break or space; never between the halves of an emoji.
                var cut = text.LastIndexOfAny(['\n', ' '], start + length - 1, length);
                if (cut > start + length / 2) length = cut - start + 1;
                else if (char.IsHighSurrogate(text[start + length - 1])) length--;
            }
            chunks.Add(text.Substring(start, length));
            start += length;
        }
        return chunks;
    }

    private static TextBlock FileLine(Attachment attachment)
    {
        var name = CardText.Plain(attachment.Name, CardLimits.Heading);
        var size = SizeText.Of(attachment.SizeBytes);
        var link = Uri.TryCreate(attachment.Url, UriKind.Absolute, out var url) && url.Scheme is "https" or "http"
            ? $"📎 [{name}]({url.AbsoluteUri.Replace(")", "%29", StringComparison.Ordinal)}) ({size})"
            : $"📎 {name} ({size})";
        return new TextBlock(link) { Spacing = CardSpacing.Small };
    }
}
