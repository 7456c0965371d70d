using System.Net;
using System.Text.Json.Nodes;

namespace Inbox.Host.Tests.Api.Support;

/// <summary>Reads API answers as the JSON a client sees, failing with the body when the status is not the expected one.</summary>
internal static class HttpAssertions
{
    public static async Task<JsonNode> ShouldBe(this HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status,
            $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri?.PathAndQuery}: expected {(int)status}, got {(int)response.StatusCode}: {body}");
        return JsonNode.Parse(body) ?? throw new Xunit.Sdk.XunitException("The response body is JSON null.");
    }

    /// <summary>Asserts an RFC 7807 problem with this status and returns it.</summary>
    public static async Task<JsonNode> ShouldBeProblem(this HttpResponseMessage response, HttpStatusCode status)
    {
        var problem = await response.ShouldBe(status);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal((int)status, problem["status"]?.GetValue<int>());
        return problem;
    }

    /// <summary>The messages of <c>errors[field]</c> in a validation problem; empty when the field is not named.</summary>
    public static string[] ErrorsFor(this JsonNode problem, string field) =>
        problem["errors"]?[field]?.AsArray().Select(e => e!.GetValue<string>()).ToArray() ?? [];

    public static string Detail(this JsonNode problem) => problem["detail"]?.GetValue<string>() ?? "";

    public static JsonArray Items(this JsonNode page) => page["items"]!.AsArray();

    public static long Id(this JsonNode? node) => node!["id"]!.GetValue<long>();

    public static string? String(this JsonNode? node, string property) => node?[property]?.GetValue<string>();

    public static long[] Ids(this JsonArray items) => items.Select(i => i.Id()).ToArray();
}
