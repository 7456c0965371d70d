using System.Text.Json.Nodes;

namespace Inbox.Fakes.BotFramework;

/// <summary>One request the fake received, as it arrived (recorded before auth, faults or validation).</summary>
/// <param name="Operation">What the route means, one of <see cref="BotOperation"/>.</param>
/// <param name="HttpMethod">e.g. <c>POST</c>.</param>
/// <param name="Path">The decoded path, e.g. <c>/connector/v3/conversations/19:x@thread.tacv2;messageid=1/activities</c>.</param>
/// <param name="Body">A JSON body as sent; form fields as a JSON object of strings; null when there was no body or it was not JSON.</param>
/// <param name="RawBody">The body exactly as received (UTF-8).</param>
/// <param name="Authorization">The <c>Authorization</c> header, if any.</param>
/// <param name="At">When it arrived, on the fake's clock.</param>
public sealed record RecordedBotCall(string Operation, string HttpMethod, string Path, JsonNode? Body, string RawBody, string? Authorization, DateTimeOffset At);
