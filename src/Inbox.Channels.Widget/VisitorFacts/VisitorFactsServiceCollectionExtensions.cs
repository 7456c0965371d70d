using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Inbox.Channels.Widget.VisitorFacts;

/// <summary>Registers the visitor-facts services: user-agent parsing, client address, location and phone checks.</summary>
public static class VisitorFactsServiceCollectionExtensions
{
    public static IServiceCollection AddVisitorFacts(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddOptions<VisitorFactsOptions>()
            .Bind(configuration.GetSection(VisitorFactsOptions.Section))
            .ValidateOnStart();
        services.TryAddEnumerable(
            ServiceDescriptor.Singleton<IValidateOptions<VisitorFactsOptions>, VisitorFactsOptionsValidator>());

        services.TryAddSingleton<UserAgentParser>();
        services.TryAddSingleton<ClientAddressResolver>();
        services.TryAddSingleton<PhoneNormalizer>();
        services.TryAddSingleton<IGeoLocator>(CreateGeoLocator);

        return services;
    }

    private static IGeoLocator CreateGeoLocator(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<VisitorFactsOptions>>().Value;
        var loggers = services.GetService<ILoggerFactory>();
        if (string.IsNullOrWhiteSpace(options.GeoIpDatabasePath))
        {
            loggers?.CreateLogger(typeof(NullGeoLocator)).LogInformation(
                "GeoIP database not configured; visitor city and country stay empty");
            return new NullGeoLocator();
        }

        // The container owns the singleton it creates from this factory and disposes it at shutdown.
        return new MaxMindGeoLocator(options.GeoIpDatabasePath, loggers?.CreateLogger<MaxMindGeoLocator>());
    }
}
