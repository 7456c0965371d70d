using Microsoft.AspNetCore.Diagnostics;

namespace Inbox.Host.Extensions;

/// <summary>Answers unreadable requests (malformed JSON, body too large) with their own 4xx problem, never a 500.</summary>
internal sealed class BadRequestExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException bad) return false;
        context.Response.StatusCode = bad.StatusCode;
        var detail = bad.StatusCode == StatusCodes.Status413PayloadTooLarge
            ? "The request body is too large."
            : bad.InnerException is System.Text.Json.JsonException json
                ? $"The request body is not valid JSON: {json.Message}"
                : bad.Message;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            Exception = exception,
            ProblemDetails = { Status = bad.StatusCode, Detail = detail },
        });
    }
}
