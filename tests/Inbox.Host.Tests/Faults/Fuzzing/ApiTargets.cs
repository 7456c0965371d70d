using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace Inbox.Host.Tests.Faults.Fuzzing;

/// <summary>The widget API (with the visitor's token) and the operator API (with the operator's key), each with valid payloads to break.</summary>
internal sealed class ApiTargets(FuzzHost host, JsonFuzzer json)
{
    private static readonly string[] OddIds = ["0", "-1", "9223372036854775807", "9223372036854775808", "1.5", "abc", "%00", "99999", "1e3", "+1"];
    private static readonly string[] OddHeaderValues =
        ["", "x", "\"", "?1", "?0", "\"Chromium\";v=\"130\", \"Not?A_Brand\";v=", "(((", "\"a\";v=\"1\";v=\"2\"", "Mozilla/5.0 (X11; Linux x86_64)",
         "Googlebot/2.1 (+http://www.google.com/bot.html)", "1.2.3.4, 999.1.1.1, ::1, garbage", "\"Windows\"", "\"15.0.0\"", new string('a', 8000)];

    private int _counter;

    public IEnumerable<FuzzTarget> Widget() =>
    [
        new("widget session", _ => Widget(HttpMethod.Post, "widget/api/session", Session(), authenticated: false, oddHeaders: true)),
        new("widget start chat", _ => Widget(HttpMethod.Post, "widget/api/conversations", Message())),
        new("widget send message", _ => Widget(HttpMethod.Post, $"widget/api/conversations/{Id()}/messages", Message())),
        new("widget profile", _ => Widget(HttpMethod.Put, "widget/api/profile",
            new JsonObject { ["name"] = "Ann Perkins", ["email"] = "ann@example.com", ["phone"] = json.Pick(["+44 20 7946 0958", "020 7946 0958", "12", ""]) })),
        new("widget file", _ => File()),
        new("widget reads", _ => Read()),
    ];

    public IEnumerable<FuzzTarget> Operator() =>
    [
        new("operator reply", _ => Operator(HttpMethod.Post, $"conversations/{Id()}/reply", new JsonObject { ["text"] = "Hello, how can I help?" })),
        new("operator note", _ => Operator(HttpMethod.Post, $"conversations/{Id()}/notes", new JsonObject { ["text"] = "VIP" })),
        new("operator assign", _ => Operator(HttpMethod.Post, $"conversations/{Id()}/assign", new JsonObject { ["operatorEmail"] = Email() })),
        new("operator transfer", _ => Operator(HttpMethod.Post, $"conversations/{Id()}/transfer", new JsonObject { ["operatorEmail"] = Email() })),
        new("operator tags", _ => Operator(HttpMethod.Post, $"conversations/{Id()}/{json.Pick(["tags", "contact-tags"])}", new JsonObject { ["tag"] = "vip" })),
        new("operator untag", _ => Operator(HttpMethod.Delete, $"conversations/{Id()}/{json.Pick(["tags", "contact-tags"])}/{Uri.EscapeDataString(Tag())}", null)),
        new("operator status", _ => Operator(HttpMethod.Put, "me/status", new JsonObject { ["status"] = json.Pick(["online", "away", "offline"]), ["capacity"] = 3 })),
        new("operator commands", _ => Operator(HttpMethod.Post,
            $"conversations/{Id()}/{json.Pick(["join", "close", "reopen", "spam", "block", "unblock", "close", "reopen"])}", new JsonObject())),
        new("operator reads", _ => Operator(HttpMethod.Get, json.Random.Next(3) == 0 ? $"conversations/{Id()}" : $"views/{View()}?{Query()}", null)),
    ];

    private (HttpRequestMessage, FuzzedBody) Widget(HttpMethod method, string path, JsonNode seed, bool authenticated = true, bool oddHeaders = false)
    {
        var body = json.Next(seed);
        var request = new HttpRequestMessage(method, host.Url(path)) { Content = body.Content() };
        if (authenticated) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", json.Random.Next(20) == 0 ? "not-a-token" : host.VisitorToken);
        if (oddHeaders)
            foreach (var header in (string[])["User-Agent", "Sec-CH-UA", "Sec-CH-UA-Mobile", "Sec-CH-UA-Platform", "Sec-CH-UA-Platform-Version", "X-Forwarded-For"])
                if (json.Random.Next(3) == 0) request.Headers.TryAddWithoutValidation(header, json.Pick(OddHeaderValues));
        return (request, body);
    }

    private (HttpRequestMessage, FuzzedBody) Operator(HttpMethod method, string path, JsonNode? seed)
    {
        var body = seed is null ? new FuzzedBody([], null, "no body") : json.Next(seed);
        var request = new HttpRequestMessage(method, host.Url("api/operator/" + path));
        if (seed is not null) request.Content = body.Content();
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", InboxHost.OperatorKey);
        if (json.Random.Next(4) == 0) request.Headers.TryAddWithoutValidation("Idempotency-Key", json.Pick(["k1", "", new string('k', 300), "%C3%BC", $"key-{Next()}"]));
        return (request, body);
    }

    private (HttpRequestMessage, FuzzedBody) File()
    {
        var boundary = "fuzz-boundary-" + Next();
        var name = json.Pick(["receipt.pdf", "../../etc/passwd", "", new string('n', 5000), "ünï©ødé 😀.txt", "CON", "a\u0000b.txt", "x.exe", ".htaccess"]);
        var field = json.Random.Next(10) == 0 ? "other" : "file";
        var content = json.Random.Next(30) == 0 ? new string('z', 11 * 1024 * 1024) : "hello, this is the file";
        var text = json.Pick(["", "the receipt", new string('t', 5000)]);
        var multipart = $"--{boundary}\r\nContent-Disposition: form-data; name=\"{field}\"; filename=\"{name}\"\r\nContent-Type: {json.Pick(["application/pdf", "", "x/y", "text/html; charset=\"", "image/png"])}\r\n\r\n"
            + $"{content}\r\n--{boundary}\r\nContent-Disposition: form-data; name=\"text\"\r\n\r\n{text}\r\n"
            + $"--{boundary}\r\nContent-Disposition: form-data; name=\"clientMessageId\"\r\n\r\nfile-{Next()}\r\n--{boundary}--\r\n";
        var bytes = Encoding.UTF8.GetBytes(multipart);
        var contentType = $"multipart/form-data; boundary={boundary}";
        var mutation = "valid multipart";
        switch (json.Random.Next(8))
        {
            case 0: bytes = bytes[..json.Random.Next(bytes.Length)]; mutation = "truncated multipart"; break;
            case 1: contentType = json.Pick(["multipart/form-data", "multipart/form-data; boundary=", "multipart/form-data; boundary=other", "application/json", "multipart/mixed; boundary=" + boundary]); mutation = "bad content type"; break;
            case 2: json.Random.NextBytes(bytes.AsSpan(json.Random.Next(bytes.Length / 2))); mutation = "random bytes after the start"; break;
            case 3: bytes = [.. bytes.Take(40), 0xFF, 0xFE, .. bytes.Skip(40)]; mutation = "invalid UTF-8 in headers"; break;
        }
        var body = new FuzzedBody(bytes, contentType, $"{mutation}; filename {name.Length} chars, field {field}");
        var request = new HttpRequestMessage(HttpMethod.Post, host.Url($"widget/api/conversations/{Id()}/files")) { Content = body.Content() };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", host.VisitorToken);
        return (request, body);
    }

    private (HttpRequestMessage, FuzzedBody) Read()
    {
        var path = json.Random.Next(4) switch
        {
            0 => $"widget/api/conversations/{Id()}/messages",
            1 => $"files/{json.Pick([Guid.NewGuid().ToString(), "not-a-guid", "00000000-0000-0000-0000-000000000000"])}/{Uri.EscapeDataString(Tag())}",
            // Never a valid token here: a valid one opens the live stream, which does not end.
            2 => $"widget/api/events?access_token={Uri.EscapeDataString(json.Pick(["", "x", "a.b.c", new string('t', 5000), "%%"]))}",
            _ => "widget/api/conversations",
        };
        var request = new HttpRequestMessage(HttpMethod.Get, host.Url(path));
        if (!path.Contains("events", StringComparison.Ordinal)) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", host.VisitorToken);
        return (request, new FuzzedBody([], null, "read"));
    }

    private JsonObject Session() => new()
    {
        ["site"] = "shop",
        ["clientHints"] = new JsonObject
        {
            ["brands"] = "\"Chromium\";v=\"130\", \"Google Chrome\";v=\"130\"", ["fullVersionList"] = "\"Chromium\";v=\"130.0.6723.70\"",
            ["mobile"] = "?0", ["platform"] = "\"Windows\"", ["platformVersion"] = "\"15.0.0\"", ["model"] = "\"\"",
        },
    };

    private JsonObject Message() => new() { ["text"] = "Is my order on its way?", ["clientMessageId"] = $"fuzz-{Next()}", ["site"] = "shop" };

    private string Id() => json.Random.Next(10) < 7 ? host.ConversationId.ToString(CultureInfo.InvariantCulture) : json.Pick(OddIds);

    private string Email() => json.Pick([InboxHost.SecondOperatorEmail, InboxHost.OperatorEmail, "", "nobody@example.test", "not an email", "LEE@EXAMPLE.TEST"]);

    private string Tag() => json.Pick(["vip", "", " ", "a/b", "..", "ünï", new string('t', 3000), "%", "#", "tag with spaces", "😀"]);

    private string View() => json.Pick(["open", "all", "you", "closed", "spam", "OPEN", "1", "nope", "", "%00"]);

    private string Query()
    {
        var parts = new List<string>();
        foreach (var (name, values) in (IEnumerable<(string, string[])>)[
            ("pageSize", ["1", "0", "-1", "101", "abc", "99999999999", "25"]),
            ("after", ["", "abc", "eyJ9", "MTIz", new string('a', 2000), "%FF"]),
            ("since", ["2026-01-01", "yesterday", "2026-13-45", "0001-01-01", "9999-12-31T23:59:59Z"]),
            ("until", ["2026-12-31", "-", "2026-02-30"]),
            ("tag", ["vip", "", "%20", "ü"]),
            ("assignee", [InboxHost.OperatorEmail, "nobody@x.test", ""]),
            ("channel", ["widget", "email", "telegram", "fax", "1", ""])])
            if (json.Random.Next(3) == 0) parts.Add($"{name}={Uri.EscapeDataString(json.Pick(values))}");
        return string.Join('&', parts);
    }

    private int Next() => Interlocked.Increment(ref _counter);
}
