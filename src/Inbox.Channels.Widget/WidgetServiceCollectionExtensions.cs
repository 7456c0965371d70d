using System.Threading.RateLimiting;
using Inbox.Channels.Widget.Api;
using Inbox.Channels.Widget.Live;
using Inbox.Channels.Widget.VisitorFacts;
using Inbox.Channels.Widget.Visitors;
using Inbox.Core.Outbox;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Inbox.Channels.Widget;

public static class WidgetServiceCollectionExtensions
{
    /// <summary>Registers the widget channel: tokens, visitor facts, live push through the outbox, CORS and rate limits.</summary>
    public static IServiceCollection AddWidgetChannel(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<WidgetOptions>().Bind(configuration.GetSection(WidgetOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<WidgetOptions>>(new WidgetOptionsValidator());
        services.AddVisitorFacts(configuration);
        services.AddSingleton<VisitorTokens>();
        services.AddSingleton<VisitorProfileCollector>();
        services.AddSingleton<WidgetLiveHub>();
        services.AddSingleton<WidgetEventStream>();
        services.AddSingleton<IOutboxRouter, WidgetOutboxRouter>();
        services.AddSingleton<IOutboxDeliverer, WidgetLiveDeliverer>();

        var widget = configuration.GetSection(WidgetOptions.Section).Get<WidgetOptions>() ?? new WidgetOptions();
        services.AddCors(cors => cors.AddPolicy(WidgetApi.CorsPolicy, policy =>
        {
            if (widget.AllowedOrigins.Length == 0) policy.AllowAnyOrigin();
            else policy.WithOrigins(widget.AllowedOrigins);
            policy.AllowAnyHeader().AllowAnyMethod().WithExposedHeaders("Retry-After", "Location");
        }));
        services.AddRateLimiter(limits =>
        {
            limits.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limits.AddPolicy(WidgetApi.VisitorPolicy, context => RateLimitPartition.GetFixedWindowLimiter(
                "visitor:" + (WidgetApi.VisitorOf(context, context.RequestServices.GetRequiredService<VisitorTokens>())
                    ?? context.Connection.RemoteIpAddress?.ToString() ?? "unknown"),
                _ => new FixedWindowRateLimiterOptions { PermitLimit = widget.MessagesPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
            limits.AddPolicy(WidgetApi.SessionPolicy, context => RateLimitPartition.GetFixedWindowLimiter(
                "address:" + (context.RequestServices.GetRequiredService<ClientAddressResolver>().Resolve(context)?.ToString() ?? "unknown"),
                _ => new FixedWindowRateLimiterOptions { PermitLimit = widget.SessionsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
            limits.OnRejected = async (rejection, ct) =>
            {
                var retryAfter = rejection.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
                rejection.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString();
                await Results.Problem(
                    detail: $"Too many requests; try again in {(int)Math.Ceiling(retryAfter.TotalSeconds)} seconds.",
                    statusCode: StatusCodes.Status429TooManyRequests).ExecuteAsync(rejection.HttpContext);
            };
        });
        return services;
    }

    private sealed class WidgetOptionsValidator : IValidateOptions<WidgetOptions>
    {
        public ValidateOptionsResult Validate(string? name, WidgetOptions options)
        {
            var failures = options.Validate().ToList();
            return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
        }
    }
}
