using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace Inbox.Fakes.Slack;

/// <summary>How a Web API request arrived: its body kind, raw text, the arguments found, and what Slack would warn about.</summary>
internal sealed class SlackWireRequest
{
    private SlackWireRequest(BodyKind kind, string rawBody, string? contentType, JsonObject bodyArguments, JsonObject queryArguments, string? parseError, IReadOnlyList<string> warnings)
    {
        Kind = kind;
        RawBody = rawBody;
        ContentType = contentType;
        BodyArguments = bodyArguments;
        QueryArguments = queryArguments;
        ParseError = parseError;
        Warnings = warnings;
    }

    public BodyKind Kind { get; }
    public string RawBody { get; }
    public string? ContentType { get; }
    public JsonObject BodyArguments { get; }
    public JsonObject QueryArguments { get; }

    /// <summary>The Slack error for a body that could not be read (<c>invalid_json</c>, <c>invalid_form_data</c>, <c>invalid_post_type</c>).</summary>
    public string? ParseError { get; }

    /// <summary>Slack's non-fatal warnings about the request's shape, e.g. <c>missing_charset</c>.</summary>
    public IReadOnlyList<string> Warnings { get; }

    /// <summary>Everything that was sent, for the call record.</summary>
    public JsonObject AllArguments()
    {
        var all = (JsonObject)QueryArguments.DeepClone();
        foreach (var (name, value) in BodyArguments) all[name] = value?.DeepClone();
        return all;
    }

    /// <summary>
    /// The arguments a method reads. Methods Slack documents as form-only (users.info, conversations.info,
    /// chat.getPermalink) do not read a JSON body, so its fields are not seen there.
    /// </summary>
    public SlackArguments ArgumentsFor(bool acceptsJson) =>
        Kind == BodyKind.Json && !acceptsJson ? new SlackArguments((JsonObject)QueryArguments.DeepClone()) : new SlackArguments(AllArguments());

    /// <summary>A <c>token</c> argument: Slack accepts one in a form body or the query string, never inside a JSON body.</summary>
    public string? TokenArgument() =>
        SlackArguments.TextOf(Kind == BodyKind.Json ? QueryArguments["token"] : BodyArguments["token"] ?? QueryArguments["token"]);

    public static async Task<SlackWireRequest> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        request.EnableBuffering();
        string raw;
        using (var reader = new StreamReader(request.Body, Encoding.UTF8, detectEncodingFromByteOrderMarks: false, leaveOpen: true))
            raw = await reader.ReadToEndAsync(cancellationToken);
        request.Body.Position = 0;

        var query = ToObject(request.Query.Select(pair => KeyValuePair.Create(pair.Key, pair.Value)));
        var contentType = request.ContentType;
        var warnings = new List<string>();
        if (string.IsNullOrEmpty(contentType) || !MediaTypeHeaderValue.TryParse(contentType, out var media))
        {
            var error = raw.Length == 0 ? null : "invalid_post_type";
            return new SlackWireRequest(BodyKind.None, raw, contentType, [], query, error, warnings);
        }

        var mediaType = media.MediaType.Value ?? "";
        var hasCharset = media.Charset.HasValue;
        if (mediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase))
        {
            if (!hasCharset) warnings.Add("missing_charset");
            try
            {
                return JsonNode.Parse(raw) is JsonObject body
                    ? new SlackWireRequest(BodyKind.Json, raw, contentType, body, query, null, warnings)
                    : new SlackWireRequest(BodyKind.Json, raw, contentType, [], query, "invalid_json", warnings);
            }
            catch (JsonException)
            {
                return new SlackWireRequest(BodyKind.Json, raw, contentType, [], query, "invalid_json", warnings);
            }
        }

        if (mediaType.Equals("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase))
        {
            if (hasCharset) warnings.Add("superfluous_charset");
            var fields = ToObject(QueryHelpers.ParseQuery(raw));
            return new SlackWireRequest(BodyKind.Form, raw, contentType, fields, query, null, warnings);
        }

        if (mediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                var form = await request.ReadFormAsync(cancellationToken);
                return new SlackWireRequest(BodyKind.Form, raw, contentType, ToObject(form), query, null, warnings);
            }
            catch (InvalidDataException)
            {
                return new SlackWireRequest(BodyKind.Form, raw, contentType, [], query, "invalid_form_data", warnings);
            }
        }

        return new SlackWireRequest(BodyKind.None, raw, contentType, [], query, "invalid_post_type", warnings);
    }

    private static JsonObject ToObject(IEnumerable<KeyValuePair<string, StringValues>> pairs)
    {
        var result = new JsonObject();
        foreach (var (name, values) in pairs) result[name] = values.LastOrDefault();
        return result;
    }

    public enum BodyKind { None, Json, Form }
}
