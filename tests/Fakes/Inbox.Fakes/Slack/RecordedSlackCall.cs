using System.Text.Json.Nodes;

namespace Inbox.Fakes.Slack;

/// <summary>One request the fake received, as it arrived (recorded before auth, faults or validation).</summary>
/// <param name="Method">The Web API method from the URL, e.g. <c>chat.postMessage</c>.</param>
/// <param name="Arguments">Query string plus body arguments: a JSON body as sent; form fields as strings (so <c>blocks</c> stays a JSON-encoded string, as on the wire).</param>
/// <param name="RawBody">The body exactly as received (UTF-8).</param>
/// <param name="ContentType">The request's <c>Content-Type</c> header, if any.</param>
/// <param name="At">When it arrived, on the fake's clock.</param>
public sealed record RecordedSlackCall(string Method, JsonObject Arguments, string RawBody, string? ContentType, DateTimeOffset At)
{
    /// <summary>An argument as text: strings as they are, anything else as its JSON.</summary>
    public string? Argument(string name) => SlackArguments.TextOf(Arguments[name]);
}
