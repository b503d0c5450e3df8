using Hangfire;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Monitoring.Ingestion.DropFolder;
using Monitoring.Ingestion.Seeds;

namespace Monitoring.Web.Features.Hosting;

public static class HostingServiceCollectionExtensions
{
    /// <summary>
    /// Reads "Hosting:Role" now, because the role decides what gets registered and mapped, and validates it
    /// at start like every other section.
    /// </summary>
    public static HostingRole AddHostingRole(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<HostingOptions>()
            .BindConfiguration(HostingOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        return builder.Configuration.GetSection(HostingOptions.SectionName).Get<HostingOptions>()?.Role ?? HostingRole.All;
    }

    /// <summary>
    /// On a node that runs no jobs: no drop-folder watcher, no seed ingestion at start, and recurring jobs are
    /// left for the workers to register. Call after every feature has registered its services.
    /// </summary>
    public static IServiceCollection LeaveBackgroundWorkToWorkers(this IServiceCollection services, HostingRole role)
    {
        if (role.RunsJobs)
        {
            return services;
        }

        // The folder is on the workers' disks, and the seed job is enqueued by each worker start already.
        services.RemoveAll(descriptor => descriptor.ServiceType == typeof(IHostedService)
            && (descriptor.ImplementationType == typeof(DropFolderWatcher) || descriptor.ImplementationType == typeof(SeedIngestionStarter)));
        services.Replace(ServiceDescriptor.Singleton<IRecurringJobManager, RecurringJobsLeftToWorkers>());
        return services;
    }

    private static void RemoveAll(this IServiceCollection services, Func<ServiceDescriptor, bool> match)
    {
        foreach (var descriptor in services.Where(match).ToList())
        {
            services.Remove(descriptor);
        }
    }
}
