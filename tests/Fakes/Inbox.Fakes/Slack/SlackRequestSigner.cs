using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;

namespace Inbox.Fakes.Slack;

/// <summary>Signs requests the way Slack signs what it sends to an app, so tests can call our endpoints as Slack would.</summary>
/// <remarks>Slack's scheme: HMAC-SHA256 keyed with the signing secret over <c>v0:{unix seconds}:{raw body}</c>, sent as <c>v0=</c> plus lowercase hex.</remarks>
public static class SlackRequestSigner
{
    public const string TimestampHeader = "X-Slack-Request-Timestamp";
    public const string SignatureHeader = "X-Slack-Signature";

    /// <summary>The two headers for <paramref name="body"/> sent at <paramref name="timestamp"/>.</summary>
    public static SlackSignatureHeaders Sign(string body, DateTimeOffset timestamp, string signingSecret)
    {
        var seconds = timestamp.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var hash = HMACSHA256.HashData(Encoding.UTF8.GetBytes(signingSecret), Encoding.UTF8.GetBytes($"v0:{seconds}:{body}"));
        return new SlackSignatureHeaders(seconds, "v0=" + Convert.ToHexStringLower(hash));
    }

    /// <summary>A signed POST with a JSON body (Events API), <c>Content-Type: application/json</c>.</summary>
    public static HttpRequestMessage CreateJsonRequest(Uri url, string json, DateTimeOffset timestamp, string signingSecret) =>
        CreateRequest(url, json, "application/json", timestamp, signingSecret);

    /// <summary>A signed POST with a form body (slash commands; interactivity sends its JSON as the <c>payload</c> field).</summary>
    public static HttpRequestMessage CreateFormRequest(Uri url, IEnumerable<KeyValuePair<string, string>> fields, DateTimeOffset timestamp, string signingSecret) =>
        CreateRequest(url, FormBody(fields), "application/x-www-form-urlencoded", timestamp, signingSecret);

    /// <summary>A signed POST of exactly <paramref name="body"/>: the bytes sent are the bytes signed.</summary>
    public static HttpRequestMessage CreateRequest(Uri url, string body, string mediaType, DateTimeOffset timestamp, string signingSecret)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        content.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = content };
        Sign(body, timestamp, signingSecret).ApplyTo(request);
        request.Headers.UserAgent.ParseAdd("Slackbot/1.0 (+https://api.slack.com/robots)");
        return request;
    }

    /// <summary>Form encoding as Slack sends it: UTF-8, percent-escaped, spaces as <c>+</c>.</summary>
    public static string FormBody(IEnumerable<KeyValuePair<string, string>> fields) =>
        string.Join('&', fields.Select(field => $"{Escape(field.Key)}={Escape(field.Value)}"));

    private static string Escape(string value) => Uri.EscapeDataString(value).Replace("%20", "+", StringComparison.Ordinal);
}

/// <summary>The values of <c>X-Slack-Request-Timestamp</c> and <c>X-Slack-Signature</c> for one body.</summary>
public sealed record SlackSignatureHeaders(string Timestamp, string Signature)
{
    public IReadOnlyDictionary<string, string> Headers => new Dictionary<string, string>
    {
        [SlackRequestSigner.TimestampHeader] = Timestamp,
        [SlackRequestSigner.SignatureHeader] = Signature,
    };

    public void ApplyTo(HttpRequestMessage request)
    {
        request.Headers.Remove(SlackRequestSigner.TimestampHeader);
        request.Headers.Remove(SlackRequestSigner.SignatureHeader);
        request.Headers.Add(SlackRequestSigner.TimestampHeader, Timestamp);
        request.Headers.Add(SlackRequestSigner.SignatureHeader, Signature);
    }
}
