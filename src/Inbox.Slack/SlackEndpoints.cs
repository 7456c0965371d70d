using Inbox.Slack.Commands;
using Inbox.Slack.Inbound;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Inbox.Slack;

/// <summary>Maps the endpoints Slack calls; nothing is mapped while the bridge is off.</summary>
public static class SlackEndpoints
{
    private const int MaxBodyBytes = 1024 * 1024;

    public static IEndpointRouteBuilder MapSlackBridge(this IEndpointRouteBuilder app)
    {
        if (!app.ServiceProvider.GetRequiredService<IOptions<SlackOptions>>().Value.IsEnabled) return app;

        app.MapPost("/slack/events", async (HttpContext context, SlackRequestVerifier verifier, SlackEventsEndpoint events) =>
        {
            var (request, refusal) = await SlackRequest.ReadAsync(context, verifier, MaxBodyBytes);
            return refusal ?? await events.HandleAsync(request!, context.RequestAborted);
        });
        app.MapPost("/slack/commands", async (HttpContext context, SlackRequestVerifier verifier, SlashCommandEndpoint commands) =>
        {
            var (request, refusal) = await SlackRequest.ReadAsync(context, verifier, MaxBodyBytes);
            return refusal ?? await commands.HandleAsync(request!);
        });
        app.MapPost("/slack/interactions", async (HttpContext context, SlackRequestVerifier verifier, SlackInteractions interactions) =>
        {
            var (request, refusal) = await SlackRequest.ReadAsync(context, verifier, MaxBodyBytes);
            return refusal ?? await interactions.HandleAsync(request!.Form().GetValueOrDefault("payload").ToString(), context.RequestAborted);
        });
        return app;
    }
}
