using System.Buffers;
using System.Collections.Immutable;
using System.Text.RegularExpressions;

namespace Inbox.Channels.Widget.VisitorFacts;

/// <summary>Recognises crawlers, link previewers and scripted HTTP clients from their user-agent string.</summary>
/// <remarks>
/// Headless browsers are deliberately not here: they drive a real browser engine, often for a
/// real person (tests, screenshots), so they are reported as the browser they are.
/// </remarks>
internal static partial class BotSignatures
{
    private static readonly ImmutableArray<string> KnownNames =
    [
        // Search and AI crawlers
        "Googlebot", "Google-InspectionTool", "GoogleOther", "AdsBot-Google", "Mediapartners-Google",
        "Storebot-Google", "bingbot", "BingPreview", "msnbot", "YandexBot", "YandexMobileBot",
        "YandexImages", "DuckDuckBot", "Baiduspider", "Applebot", "Sogou", "SeznamBot", "Exabot",
        "PetalBot", "GPTBot", "ChatGPT-User", "OAI-SearchBot", "ClaudeBot", "Claude-Web",
        "PerplexityBot", "CCBot", "Bytespider", "Amazonbot", "YisouSpider", "ia_archiver",
        "archive.org_bot", "AhrefsBot", "SemrushBot", "MJ12bot", "DotBot", "BLEXBot", "DataForSeoBot",

        // Link previewers
        "facebookexternalhit", "Facebot", "meta-externalagent", "Twitterbot", "LinkedInBot",
        "Slackbot", "Slack-ImgProxy", "Discordbot", "TelegramBot", "WhatsApp", "SkypeUriPreview",
        "Pinterestbot", "redditbot", "Embedly", "vkShare",

        // Monitors
        "UptimeRobot", "Pingdom", "StatusCake", "Site24x7",

        // Scripted clients
        "curl", "Wget", "python-requests", "Python-urllib", "python-httpx", "aiohttp", "Go-http-client",
        "okhttp", "Apache-HttpClient", "Java", "libwww-perl", "axios", "node-fetch", "undici",
        "PostmanRuntime", "insomnia", "HTTPie", "Scrapy", "Guzzle", "RestSharp",
    ];

    // Multi-string search (Aho-Corasick/Teddy) keeps the common case, a real browser, to one pass.
    private static readonly SearchValues<string> KnownNameSearch =
        SearchValues.Create(KnownNames.AsSpan(), StringComparison.OrdinalIgnoreCase);

    private static readonly SearchValues<string> GenericMarkers =
        SearchValues.Create(["bot", "crawler", "spider", "scraper"], StringComparison.OrdinalIgnoreCase);

    /// <summary>Catches the long tail of crawlers that follow the "somethingbot" naming habit.</summary>
    [GeneratedRegex(
        @"(?<![\w-])(?<name>[A-Za-z][\w.-]*?(?:bot|crawler|spider|scraper))(?![\w])(?:/(?<version>\d+))?",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant,
        matchTimeoutMilliseconds: 200)]
    private static partial Regex GenericPattern();

    /// <summary>The bot's name and major version ("Googlebot 2"), or null when the agent is no known bot.</summary>
    public static BrowserName? Match(string userAgent)
    {
        if (MatchKnown(userAgent) is { } known)
        {
            return known;
        }

        if (userAgent.AsSpan().IndexOfAny(GenericMarkers) < 0)
        {
            return null;
        }

        var generic = GenericPattern().Match(userAgent);
        if (generic.Success && !IsPhoneMaker(generic.Groups["name"].Value))
        {
            var version = generic.Groups["version"];
            return new BrowserName(generic.Groups["name"].Value, version.Success ? version.Value : null);
        }

        return null;
    }

    private static BrowserName? MatchKnown(ReadOnlySpan<char> userAgent)
    {
        var offset = 0;
        while (offset < userAgent.Length)
        {
            var found = userAgent[offset..].IndexOfAny(KnownNameSearch);
            if (found < 0)
            {
                return null;
            }

            var start = offset + found;
            // A name must stand as its own token: "Java/17" is a client, "JavaScript" is not.
            if (start == 0 || !IsNamePart(userAgent[start - 1]))
            {
                foreach (var name in KnownNames)
                {
                    var end = start + name.Length;
                    if (userAgent[start..].StartsWith(name, StringComparison.OrdinalIgnoreCase)
                        && (end == userAgent.Length || !char.IsAsciiLetterOrDigit(userAgent[end]) && userAgent[end] != '_'))
                    {
                        return new BrowserName(name, MajorVersionAfter(userAgent[end..]));
                    }
                }
            }

            offset = start + 1;
        }

        return null;
    }

    /// <summary>The digits of "/2.1" at the start of <paramref name="rest"/>: "2".</summary>
    private static string? MajorVersionAfter(ReadOnlySpan<char> rest)
    {
        if (rest.Length < 2 || rest[0] != '/')
        {
            return null;
        }

        var digits = rest[1..];
        var length = digits.IndexOfAnyExceptInRange('0', '9');
        if (length < 0)
        {
            length = digits.Length;
        }

        return length == 0 ? null : digits[..Math.Min(length, 9)].ToString();
    }

    private static bool IsNamePart(char c) => char.IsAsciiLetterOrDigit(c) || c is '_' or '-';

    // Cubot makes Android phones whose model names would otherwise look like crawler names.
    private static bool IsPhoneMaker(string name) => name.StartsWith("cubot", StringComparison.OrdinalIgnoreCase);
}
