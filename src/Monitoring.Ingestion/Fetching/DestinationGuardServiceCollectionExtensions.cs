using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Monitoring.Ingestion.Fetching;

public static class DestinationGuardServiceCollectionExtensions
{
    /// <summary>The <see cref="DestinationGuard"/> every outgoing client uses, with section "OutboundRequests".</summary>
    public static IServiceCollection AddDestinationGuard(this IServiceCollection services)
    {
        services.AddOptions<OutboundRequestsOptions>()
            .BindConfiguration(OutboundRequestsOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton<DestinationGuard>();
        return services;
    }
}
