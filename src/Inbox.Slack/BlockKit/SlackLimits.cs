namespace Inbox.Slack.BlockKit;

/// <summary>Slack's documented Block Kit limits, and the one way we fit text into them: cut and mark with an ellipsis.</summary>
/// <remarks>
/// Lengths are counted in UTF-16 code units, which is never fewer than Slack's character count, so a fitted
/// value is always accepted. Customer data must never make a post fail, so nothing here throws on length.
/// </remarks>
public static class SlackLimits
{
    public const string Ellipsis = "…";

    /// <summary>Any text object's text.</summary>
    public const int Text = 3000;
    public const int HeaderText = 150;
    public const int SectionText = 3000;
    public const int SectionFields = 10;
    public const int SectionFieldText = 2000;
    public const int ContextElements = 10;
    public const int ActionsElements = 25;
    public const int BlockId = 255;
    public const int ActionId = 255;
    public const int ButtonText = 75;
    public const int ButtonValue = 2000;
    public const int Url = 3000;
    public const int ConfirmTitle = 100;
    public const int ConfirmText = 300;
    public const int ConfirmButton = 30;
    public const int Placeholder = 150;
    public const int SelectOptions = 100;
    public const int OptionText = 75;
    public const int OptionValue = 150;
    public const int InputLabel = 2000;
    public const int InputHint = 2000;
    public const int PlainTextInputLength = 3000;
    public const int ViewTitle = 24;
    public const int ViewButton = 24;
    public const int CallbackId = 255;
    public const int PrivateMetadata = 3000;
    public const int MessageBlocks = 50;
    public const int ViewBlocks = 100;
    /// <summary>Slack cuts a message's top-level <c>text</c> beyond this.</summary>
    public const int MessageText = 40_000;

    // The entities SlackText.Escape produces; a cut must not leave half of one behind.
    private static readonly string[] Entities = ["&amp;", "&lt;", "&gt;"];

    /// <summary>Returns <paramref name="value"/> if it fits in <paramref name="max"/>, else its head plus "…" in exactly that room.</summary>
    /// <remarks>The cut never splits a surrogate pair (emoji) or an <c>&amp;amp;</c>/<c>&amp;lt;</c>/<c>&amp;gt;</c> entity.</remarks>
    public static string Fit(string value, int max)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(max, 1);
        if (value.Length <= max) return value;
        var cut = SafeCut(value, max - Ellipsis.Length);
        return string.Concat(value.AsSpan(0, cut), Ellipsis);
    }

    /// <summary><see cref="Fit"/> for optional values: null stays null.</summary>
    public static string? FitOptional(string? value, int max) => value is null ? null : Fit(value, max);

    /// <summary>The largest index ≤ <paramref name="cut"/> at which <paramref name="text"/> can be cut without breaking an entity or a surrogate pair.</summary>
    public static int SafeCut(ReadOnlySpan<char> text, int cut)
    {
        cut = Math.Clamp(cut, 0, text.Length);
        if (cut == text.Length || cut == 0) return cut;
        var amp = text[..cut].LastIndexOf('&');
        if (amp >= 0 && cut - amp < 5 && text[amp..cut].IndexOf(';') < 0)
        {
            foreach (var entity in Entities)
            {
                if (text[amp..].StartsWith(entity, StringComparison.Ordinal) && amp + entity.Length > cut)
                {
                    cut = amp;
                    break;
                }
            }
        }
        if (cut > 0 && char.IsHighSurrogate(text[cut - 1])) cut--;
        return cut;
    }

    /// <summary>Keeps at most <paramref name="max"/> blocks; when some must go, the last kept slot says how many were left out.</summary>
    public static IReadOnlyList<Block> FitBlocks(IEnumerable<Block> blocks, int max)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(max, 1);
        var all = blocks.ToList();
        if (all.Count <= max) return all;
        var kept = all.Take(max - 1).ToList();
        kept.Add(new ContextBlock([TextObject.Markdown($"{Ellipsis} {all.Count - kept.Count} more blocks not shown")]));
        return kept;
    }
}
