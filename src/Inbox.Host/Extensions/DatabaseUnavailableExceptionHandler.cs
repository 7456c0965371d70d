using Inbox.Storage.Resilience;
using Microsoft.AspNetCore.Diagnostics;

namespace Inbox.Host.Extensions;

/// <summary>Answers a request the database could not serve right now (PostgreSQL down, restarting, out of connections) with 503 and Retry-After, never a 500.</summary>
/// <remarks>
/// Nothing partial is left behind: a request's writes commit together or not at all. If the connection broke during
/// the COMMIT itself they may have landed; sending the request again with its idempotency key (the widget's
/// <c>clientMessageId</c>, Slack's <c>event_id</c>, ...) then returns what was stored instead of storing it twice.
/// The outage itself is logged by the storage layer (once every few seconds), not once per refused request.
/// </remarks>
internal sealed class DatabaseUnavailableExceptionHandler(IProblemDetailsService problems, ILogger<DatabaseUnavailableExceptionHandler> logger) : IExceptionHandler
{
    /// <summary>Seconds a client is asked to wait before trying again.</summary>
    public const int RetryAfterSeconds = 2;

    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (!DatabaseOutage.IsUnavailable(exception)) return false;
        logger.LogDebug(exception, "Answered {Path} with 503: the database is unavailable", context.Request.Path);
        context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        context.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            Exception = exception,
            ProblemDetails =
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "Database unavailable",
                Detail = "The database cannot be reached right now, so the request was not completed. Send it again in a moment; "
                    + "a message sent again with the same client message id is stored once.",
            },
        });
    }
}
