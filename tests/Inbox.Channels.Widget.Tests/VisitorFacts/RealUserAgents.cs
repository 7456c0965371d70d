namespace Inbox.Channels.Widget.Tests.VisitorFacts;

/// <summary>User-agent strings as current browsers and crawlers send them, with the facts an agent should see.</summary>
public static class RealUserAgents
{
    /// <summary>User agent, expected device, operating system, browser.</summary>
    public static TheoryData<string, string?, string?, string?> Browsers => new()
    {
        // Windows
        { "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36", "Desktop", "Windows 10", "Chrome 124" },
        { "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36 Edg/124.0.0.0", "Desktop", "Windows 10", "Edge 124" },
        { "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:126.0) Gecko/20100101 Firefox/126.0", "Desktop", "Windows 10", "Firefox 126" },
        { "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/123.0.0.0 Safari/537.36 OPR/109.0.0.0", "Desktop", "Windows 10", "Opera 109" },
        { "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36 Vivaldi/6.7.3329.21", "Desktop", "Windows 10", "Vivaldi 6" },
        { "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/122.0.0.0 YaBrowser/24.4.0.0 Safari/537.36", "Desktop", "Windows 10", "Yandex 24" },
        { "Mozilla/5.0 (Windows NT 6.1; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/109.0.0.0 Safari/537.36", "Desktop", "Windows 7", "Chrome 109" },
        { "Mozilla/5.0 (Windows NT 6.2; WOW64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/109.0.0.0 Safari/537.36", "Desktop", "Windows 8", "Chrome 109" },
        { "Mozilla/5.0 (Windows NT 6.3; Win64; x64; rv:115.0) Gecko/20100101 Firefox/115.0", "Desktop", "Windows 8.1", "Firefox 115" },
        { "Mozilla/5.0 (Windows NT 10.0; WOW64; Trident/7.0; rv:11.0) like Gecko", "Desktop", "Windows 10", "Internet Explorer 11" },

        // macOS
        { "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4.1 Safari/605.1.15", "Desktop", "macOS 10.15.7", "Safari 17.4" },
        { "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36", "Desktop", "macOS 10.15.7", "Chrome 124" },
        { "Mozilla/5.0 (Macintosh; Intel Mac OS X 10.15; rv:126.0) Gecko/20100101 Firefox/126.0", "Desktop", "macOS 10.15", "Firefox 126" },
        { "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36 Edg/124.0.2478.80", "Desktop", "macOS 10.15.7", "Edge 124" },
        { "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36 OPR/110.0.0.0", "Desktop", "macOS 10.15.7", "Opera 110" },

        // iPhone and iPad
        { "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1", "Mobile (iPhone)", "iOS 17.4", "Safari 17.4" },
        { "Mozilla/5.0 (iPhone; CPU iPhone OS 16_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/16.6 Mobile/15E148 Safari/604.1", "Mobile (iPhone)", "iOS 16.6", "Safari 16.6" },
        { "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/124.0.6367.88 Mobile/15E148 Safari/604.1", "Mobile (iPhone)", "iOS 17.4", "Chrome 124" },
        { "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) FxiOS/126.0 Mobile/15E148 Safari/605.1.15", "Mobile (iPhone)", "iOS 17.4.1", "Firefox 126" },
        { "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 EdgiOS/124.2478.71 Mobile/15E148 Safari/605.1.15", "Mobile (iPhone)", "iOS 17.4", "Edge 124" },
        { "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) GSA/312.0.622165960 Mobile/15E148 Safari/604.1", "Mobile (iPhone)", "iOS 17.4", "Google App 312" },
        { "Mozilla/5.0 (iPad; CPU OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1", "Tablet (iPad)", "iPadOS 17.4", "Safari 17.4" },
        { "Mozilla/5.0 (iPad; CPU OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/124.0.6367.88 Mobile/15E148 Safari/604.1", "Tablet (iPad)", "iPadOS 17.4", "Chrome 124" },

        // Android
        { "Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Mobile Safari/537.36", "Mobile", "Android 10", "Chrome 124" },
        { "Mozilla/5.0 (Linux; Android 13; Pixel 7 Build/TQ3A.230805.001) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/116.0.0.0 Mobile Safari/537.36", "Mobile (Pixel 7)", "Android 13", "Chrome 116" },
        { "Mozilla/5.0 (Linux; Android 14; Pixel 8 Build/AP1A.240505.005; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/124.0.6367.179 Mobile Safari/537.36", "Mobile (Pixel 8)", "Android 14", "Android WebView 124" },
        { "Mozilla/5.0 (Linux; Android 14; SAMSUNG SM-S918B) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/24.0 Chrome/117.0.0.0 Mobile Safari/537.36", "Mobile (SM-S918B)", "Android 14", "Samsung Internet 24" },
        { "Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/25.0 Chrome/121.0.0.0 Mobile Safari/537.36", "Mobile", "Android 10", "Samsung Internet 25" },
        { "Mozilla/5.0 (Linux; Android 13; SM-X710) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/23.0 Chrome/115.0.0.0 Safari/537.36", "Tablet (SM-X710)", "Android 13", "Samsung Internet 23" },
        { "Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36", "Tablet", "Android 10", "Chrome 124" },
        { "Mozilla/5.0 (Android 14; Mobile; rv:126.0) Gecko/126.0 Firefox/126.0", "Mobile", "Android 14", "Firefox 126" },
        { "Mozilla/5.0 (Android 14; Tablet; rv:126.0) Gecko/126.0 Firefox/126.0", "Tablet", "Android 14", "Firefox 126" },
        { "Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Mobile Safari/537.36 EdgA/124.0.0.0", "Mobile", "Android 10", "Edge 124" },
        { "Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Mobile Safari/537.36 OPR/81.1.4292.78920", "Mobile", "Android 10", "Opera 81" },
        { "Mozilla/5.0 (Linux; Android 14; SM-S911B Build/UP1A.231005.007; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/124.0.6367.82 Mobile Safari/537.36 [FB_IAB/FB4A;FBAV/460.0.0.48.109;]", "Mobile (SM-S911B)", "Android 14", "Facebook 460" },

        // Linux and ChromeOS
        { "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36", "Desktop", "Linux", "Chrome 124" },
        { "Mozilla/5.0 (X11; Ubuntu; Linux x86_64; rv:126.0) Gecko/20100101 Firefox/126.0", "Desktop", "Ubuntu", "Firefox 126" },
        { "Mozilla/5.0 (X11; Linux x86_64; rv:126.0) Gecko/20100101 Firefox/126.0", "Desktop", "Linux", "Firefox 126" },
        { "Mozilla/5.0 (X11; Fedora; Linux x86_64; rv:125.0) Gecko/20100101 Firefox/125.0", "Desktop", "Fedora", "Firefox 125" },
        { "Mozilla/5.0 (X11; CrOS x86_64 14541.0.0) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36", "Desktop", "ChromeOS", "Chrome 124" },
        { "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/124.0.6367.60 Safari/537.36", "Desktop", "Linux", "HeadlessChrome 124" },
    };

    /// <summary>Crawlers, link previewers and scripted clients: user agent, expected operating system, bot name.</summary>
    public static TheoryData<string, string?, string?> Bots => new()
    {
        { "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)", null, "Googlebot 2" },
        { "Mozilla/5.0 AppleWebKit/537.36 (KHTML, like Gecko; compatible; Googlebot/2.1; +http://www.google.com/bot.html) Chrome/124.0.6367.155 Safari/537.36", null, "Googlebot 2" },
        { "Mozilla/5.0 (Linux; Android 6.0.1; Nexus 5X Build/MMB29P) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.6367.155 Mobile Safari/537.36 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)", "Android 6.0.1", "Googlebot 2" },
        { "Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)", null, "bingbot 2" },
        { "Mozilla/5.0 AppleWebKit/537.36 (KHTML, like Gecko; compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm) Chrome/116.0.1938.76 Safari/537.36", null, "bingbot 2" },
        { "Mozilla/5.0 (compatible; YandexBot/3.0; +http://yandex.com/bots)", null, "YandexBot 3" },
        { "DuckDuckBot/1.1; (+http://duckduckgo.com/duckduckbot.html)", null, "DuckDuckBot 1" },
        { "Mozilla/5.0 AppleWebKit/537.36 (KHTML, like Gecko; compatible; GPTBot/1.0; +https://openai.com/gptbot)", null, "GPTBot 1" },
        { "Mozilla/5.0 (compatible; AhrefsBot/7.0; +http://ahrefs.com/robot/)", null, "AhrefsBot 7" },
        { "facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)", null, "facebookexternalhit 1" },
        { "Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)", null, "Slackbot" },
        { "Mozilla/5.0 (compatible; Discordbot/2.0; +https://discordapp.com)", null, "Discordbot 2" },
        { "curl/8.7.1", null, "curl 8" },
        { "python-requests/2.31.0", null, "python-requests 2" },
        { "Wget/1.21.4", null, "Wget 1" },
        { "Go-http-client/2.0", null, "Go-http-client 2" },
        { "Mozilla/5.0 (compatible; ExampleSearchCrawler/0.9; +https://example.org/crawler)", null, "ExampleSearchCrawler 0" },
    };
}
