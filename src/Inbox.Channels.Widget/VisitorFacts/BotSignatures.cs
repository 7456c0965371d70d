using System.Collections.Frozen;
using System.Text.RegularExpressions;

namespace Inbox.Channels.Widget.VisitorFacts;

/// <summary>Recognises crawlers, link previewers and scripted HTTP clients from their user-agent string.</summary>
/// <remarks>
/// Headless browsers are deliberately not here: they drive a real browser engine, often for a
/// real person (tests, screenshots), so they are reported as the browser they are.
/// </remarks>
internal static partial class BotSignatures
{
    private static readonly string[] KnownNames =
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

    private static readonly FrozenDictionary<string, string> CanonicalNames =
        KnownNames.ToFrozenDictionary(name => name, name => name, StringComparer.OrdinalIgnoreCase);

    // A known name must stand as its own token: "Java/17" is a client, "JavaScript" is not.
    private static readonly Regex KnownPattern = new(
        @"(?<![\w-])(?<name>" + string.Join('|', KnownNames.Select(Regex.Escape)) + @")(?![\w])(?:/(?<version>\d+))?",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled,
        TimeSpan.FromMilliseconds(200));

    /// <summary>Catches the long tail of crawlers that follow the "somethingbot" naming habit.</summary>
    [GeneratedRegex(
        @"(?<![\w-])(?<name>[A-Za-z][\w.-]*?(?:bot|crawler|spider|scraper))(?![\w])(?:/(?<version>\d+))?",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant,
        matchTimeoutMilliseconds: 200)]
    private static partial Regex GenericPattern();

    /// <summary>The bot's name and major version ("Googlebot 2"), or null when the agent is no known bot.</summary>
    public static BrowserName? Match(string userAgent)
    {
        var known = KnownPattern.Match(userAgent);
        if (known.Success)
        {
            return Describe(CanonicalNames[known.Groups["name"].Value], known.Groups["version"]);
        }

        var generic = GenericPattern().Match(userAgent);
        if (generic.Success && !IsPhoneMaker(generic.Groups["name"].Value))
        {
            return Describe(generic.Groups["name"].Value, generic.Groups["version"]);
        }

        return null;
    }

    // Cubot makes Android phones whose model names would otherwise look like crawler names.
    private static bool IsPhoneMaker(string name) => name.StartsWith("cubot", StringComparison.OrdinalIgnoreCase);

    private static BrowserName Describe(string name, Group version) =>
        new(name, version.Success ? version.Value : null);
}
