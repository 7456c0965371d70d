using System.Text.RegularExpressions;

namespace Inbox.Channels.Widget.VisitorFacts;

/// <summary>Tidies a device model read from a user-agent string or the <c>Sec-CH-UA-Model</c> hint.</summary>
internal static partial class UserAgentModel
{
    private const int MaxLength = 64;

    /// <summary>The model worth showing, or null for placeholders and tokens that are not models.</summary>
    public static string? Clean(string? candidate)
    {
        if (string.IsNullOrWhiteSpace(candidate))
        {
            return null;
        }

        var model = candidate.Trim();
        if (model.StartsWith("SAMSUNG ", StringComparison.OrdinalIgnoreCase) && model.Length > 8)
        {
            model = model[8..].TrimStart();
        }

        if (model.Length > MaxLength || NotAModel().IsMatch(model) || model.Any(char.IsControl))
        {
            return null;
        }

        return model;
    }

    // "K" is the placeholder model of Chrome's reduced user-agent string; the others are
    // comment tokens that sit where a model would: "U" (security), "wv", locales, "rv:126.0".
    [GeneratedRegex(
        @"^(?:K|U|I|N|wv|Mobile|Tablet|Linux|Android|Touch|ARM|x86_64|[a-z]{2}(?:[-_][A-Za-z]{2})?|rv:.*)$",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase,
        matchTimeoutMilliseconds: 200)]
    private static partial Regex NotAModel();
}
