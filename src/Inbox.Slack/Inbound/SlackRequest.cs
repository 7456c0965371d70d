using Microsoft.AspNetCore.Http;

namespace Inbox.Slack.Inbound;

/// <summary>A request whose signature was checked: its raw body, kept because the signature covers exactly these bytes.</summary>
public sealed record SlackRequest(byte[] Body, HttpContext Context)
{
    /// <summary>The body as form fields (slash commands, interactivity).</summary>
    public Dictionary<string, Microsoft.Extensions.Primitives.StringValues> Form() =>
        Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(System.Text.Encoding.UTF8.GetString(Body));

    /// <summary>Reads the raw body and checks its signature; null (with a 401 written) when it is not from Slack.</summary>
    public static async Task<(SlackRequest? Request, IResult? Refusal)> ReadAsync(HttpContext context, SlackRequestVerifier verifier, int maxBytes)
    {
        using var buffer = new MemoryStream();
        var read = new byte[16 * 1024];
        int count;
        while ((count = await context.Request.Body.ReadAsync(read, context.RequestAborted)) > 0)
        {
            buffer.Write(read, 0, count);
            if (buffer.Length > maxBytes)
                return (null, Results.Problem(detail: "The request body is too large.", statusCode: StatusCodes.Status413PayloadTooLarge));
        }
        var body = buffer.ToArray();
        var verdict = verifier.Verify(
            context.Request.Headers[SlackRequestVerifier.TimestampHeader].FirstOrDefault(),
            context.Request.Headers[SlackRequestVerifier.SignatureHeader].FirstOrDefault(),
            body);
        return verdict.IsValid
            ? (new SlackRequest(body, context), null)
            : (null, Results.Problem(detail: verdict.Reason, statusCode: StatusCodes.Status401Unauthorized));
    }
}
