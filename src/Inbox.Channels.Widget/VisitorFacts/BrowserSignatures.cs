using System.Collections.Immutable;
using System.Text.RegularExpressions;

namespace Inbox.Channels.Widget.VisitorFacts;

/// <summary>Names the browser in a user-agent string by the product token that identifies it.</summary>
/// <remarks>
/// Order matters: Chromium-based browsers also carry "Chrome/" and "Safari/", and iOS browsers
/// carry "Safari/", so the most specific token is tried first and plain Safari last.
/// </remarks>
internal static partial class BrowserSignatures
{
    private sealed record Signature(string Name, Regex Pattern);

    private const RegexOptions Options = RegexOptions.CultureInvariant;
    private const int TimeoutMs = 200;

    private static readonly ImmutableArray<Signature> Signatures =
    [
        new("Samsung Internet", SamsungInternet()),
        new("Yandex", Yandex()),
        new("Vivaldi", Vivaldi()),
        new("Opera Mini", OperaMini()),
        new("Opera", Opera()),
        new("Edge", Edge()),
        new("DuckDuckGo", DuckDuckGo()),
        new("UC Browser", UcBrowser()),
        new("Brave", Brave()),
        new("Firefox", Firefox()),
        new("Facebook", Facebook()),
        new("Instagram", Instagram()),
        new("Google App", GoogleApp()),
        new("HeadlessChrome", HeadlessChrome()),
        new("Android WebView", AndroidWebView()),
        new("Chrome", Chrome()),
        new("Internet Explorer", InternetExplorer()),
        new("Android Browser", AndroidBrowser()),
        new("Safari", Safari()),
    ];

    /// <summary>The browser the string names, or null when none of the known tokens is present.</summary>
    public static BrowserName? Match(string userAgent)
    {
        foreach (var signature in Signatures)
        {
            var match = signature.Pattern.Match(userAgent);
            if (match.Success)
            {
                var version = match.Groups["v"];
                return new BrowserName(signature.Name, version.Success ? version.Value : null);
            }
        }

        return null;
    }

    [GeneratedRegex(@"SamsungBrowser/(?<v>\d+)", Options, TimeoutMs)]
    private static partial Regex SamsungInternet();

    [GeneratedRegex(@"YaBrowser/(?<v>\d+)|YaSearchBrowser/(?<v>\d+)", Options, TimeoutMs)]
    private static partial Regex Yandex();

    [GeneratedRegex(@"Vivaldi/(?<v>\d+)", Options, TimeoutMs)]
    private static partial Regex Vivaldi();

    [GeneratedRegex(@"Opera Mini/(?<v>\d+)", Options, TimeoutMs)]
    private static partial Regex OperaMini();

    // OPR: desktop and Android; OPT: Opera Touch on iOS; OPiOS: older iOS builds; Opera/: Presto era.
    [GeneratedRegex(@"\b(?:OPR|OPT|OPiOS|OPX)/(?<v>\d+)|\bOpera/\d+.*\bVersion/(?<v>\d+)|\bOpera[/ ](?<v>\d+)", Options, TimeoutMs)]
    private static partial Regex Opera();

    // Edg: Chromium Edge; EdgA: Android; EdgiOS: iOS; Edge: the old EdgeHTML engine.
    [GeneratedRegex(@"\b(?:Edg|EdgA|EdgiOS|Edge)/(?<v>\d+)", Options, TimeoutMs)]
    private static partial Regex Edge();

    [GeneratedRegex(@"\b(?:DuckDuckGo|Ddg)/(?<v>\d+)", Options, TimeoutMs)]
    private static partial Regex DuckDuckGo();

    [GeneratedRegex(@"\bUCBrowser/(?<v>\d+)", Options, TimeoutMs)]
    private static partial Regex UcBrowser();

    [GeneratedRegex(@"\bBrave/(?<v>\d+)", Options, TimeoutMs)]
    private static partial Regex Brave();

    [GeneratedRegex(@"\b(?:Firefox|FxiOS)/(?<v>\d+)", Options, TimeoutMs)]
    private static partial Regex Firefox();

    // Facebook's in-app browser puts FBAN (app name) before FBAV (app version), or either alone.
    [GeneratedRegex(@"\bFBAN/.*?\bFBAV/(?<v>\d+)|\bFBAV/(?<v>\d+)|\bFBAN/", Options, TimeoutMs)]
    private static partial Regex Facebook();

    [GeneratedRegex(@"\bInstagram (?<v>\d+)", Options, TimeoutMs)]
    private static partial Regex Instagram();

    [GeneratedRegex(@"\bGSA/(?<v>\d+)", Options, TimeoutMs)]
    private static partial Regex GoogleApp();

    [GeneratedRegex(@"\bHeadlessChrome/(?<v>\d+)", Options, TimeoutMs)]
    private static partial Regex HeadlessChrome();

    // The "wv" marker is how Android's embedded WebView tells itself apart from Chrome.
    [GeneratedRegex(@"; wv\).*?\bChrome/(?<v>\d+)", Options, TimeoutMs)]
    private static partial Regex AndroidWebView();

    // CriOS is Chrome on iOS, which must use WebKit and so reports Safari too.
    [GeneratedRegex(@"\b(?:Chrome|CriOS)/(?<v>\d+)", Options, TimeoutMs)]
    private static partial Regex Chrome();

    [GeneratedRegex(@"\bMSIE (?<v>\d+)|\bTrident/\d+.*?\brv:(?<v>\d+)", Options, TimeoutMs)]
    private static partial Regex InternetExplorer();

    [GeneratedRegex(@"\bAndroid\b.*?\bVersion/(?<v>\d+(?:\.\d+)?).*?\bSafari/", Options, TimeoutMs)]
    private static partial Regex AndroidBrowser();

    // Safari's own version lives in Version/, not in the WebKit build number after Safari/.
    [GeneratedRegex(@"\bVersion/(?<v>\d+(?:\.\d+)?).*?\bSafari/", Options, TimeoutMs)]
    private static partial Regex Safari();
}
