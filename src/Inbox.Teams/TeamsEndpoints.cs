using System.Text;
using Inbox.Teams.Activities;
using Inbox.Teams.Inbound;
using Inbox.Teams.Install;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Inbox.Teams;

/// <summary>Maps the Bot Framework messaging endpoint; nothing is mapped while the bridge is off.</summary>
public static class TeamsEndpoints
{
    public const string MessagesPath = "/api/messages";
    private const int MaxBodyBytes = 1024 * 1024;
    private const string TeamsChannel = "msteams";

    public static IEndpointRouteBuilder MapTeamsBridge(this IEndpointRouteBuilder app)
    {
        if (!app.ServiceProvider.GetRequiredService<IOptions<TeamsOptions>>().Value.IsEnabled) return app;
        app.MapPost(MessagesPath, HandleAsync);
        return app;
    }

    // Every activity's token is checked before anything in it is used; a refused one changes nothing.
    private static async Task<IResult> HandleAsync(
        HttpContext context, BotFrameworkTokenValidator validator, TeamsTenants tenants, TeamsActivities activities, ILoggerFactory loggers)
    {
        var authorization = context.Request.Headers.Authorization.FirstOrDefault();
        if (string.IsNullOrEmpty(authorization))
            return Results.Problem(detail: "The activity has no bearer token.", statusCode: StatusCodes.Status401Unauthorized);
        var body = await ReadAsync(context);
        if (body is null) return Results.Problem(detail: "The request body is too large.", statusCode: StatusCodes.Status413PayloadTooLarge);
        var activity = Activity.Parse(body);
        var check = await validator.ValidateAsync(authorization, activity?.ServiceUrl, activity?.ChannelId ?? "", context.RequestAborted);
        if (!check.IsValid)
        {
            loggers.CreateLogger(typeof(TeamsEndpoints)).LogWarning("Teams activity refused: {Reason}", check.Reason);
            return Results.Problem(detail: check.Reason, statusCode: StatusCodes.Status401Unauthorized);
        }
        if (activity is null || activity.Type is null)
            return Results.Problem(detail: "The body is not a Bot Framework activity.", statusCode: StatusCodes.Status400BadRequest);
        // Other Bot Framework channels (Web Chat, Direct Line) let their clients choose who they are: only Teams is taken.
        if (activity.ChannelId != TeamsChannel)
            return Results.Problem(detail: "Inbox takes activities from Microsoft Teams only.", statusCode: StatusCodes.Status403Forbidden);
        if (!tenants.Allows(activity.TenantId))
        {
            loggers.CreateLogger(typeof(TeamsEndpoints)).LogWarning("Teams activity from tenant {Tenant} refused: not this Inbox's tenant", activity.TenantId);
            return Results.Problem(detail: "This Inbox does not serve that Microsoft 365 tenant.", statusCode: StatusCodes.Status403Forbidden);
        }

        ActivityAnswer answer;
        try
        {
            answer = await activities.HandleAsync(activity, context.RequestAborted);
        }
        catch (TeamsUnavailableException error)
        {
            loggers.CreateLogger(typeof(TeamsEndpoints)).LogWarning("Teams activity {Activity} not handled yet: {Reason}", activity.Id, error.Message);
            return Results.Problem(detail: "Teams is not answering; send the activity again.", statusCode: StatusCodes.Status503ServiceUnavailable);
        }
        return answer.Body is null ? Results.StatusCode(answer.Status) : Results.Json(answer.Body, statusCode: answer.Status);
    }

    private static async Task<string?> ReadAsync(HttpContext context)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int count;
        while ((count = await context.Request.Body.ReadAsync(chunk, context.RequestAborted)) > 0)
        {
            buffer.Write(chunk, 0, count);
            if (buffer.Length > MaxBodyBytes) return null;
        }
        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }
}
