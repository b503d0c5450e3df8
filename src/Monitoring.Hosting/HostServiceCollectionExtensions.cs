using Monitoring.Alerts;
using Monitoring.Hosting.AppData;
using Monitoring.Hosting.Jobs;
using Monitoring.Hosting.Status;
using Monitoring.Ingestion;
using Monitoring.Ingestion.Sources;
using Monitoring.Search;

namespace Monitoring.Hosting;

/// <summary>
/// The composition both hosts share, so that neither references the other: the web app calls
/// <see cref="AddMonitoringServices"/> (and, on one machine, <see cref="AddWorker"/>), the worker host calls both.
/// </summary>
public static class HostServiceCollectionExtensions
{
    /// <summary>
    /// What both hosts need of the libraries: the search engine, ingestion (its store, the inbox, feeds), saved
    /// alerts, the app database (migrated at start by either host), Hangfire's client on the job storage, and the
    /// /health and /ready checks. The web app adds its UI and
    /// API; the worker (or the web app on one machine) adds <see cref="AddWorker"/>.
    /// </summary>
    public static IServiceCollection AddMonitoringServices(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSearch(configuration);
        services.AddIngestion();
        services.AddFeedPolling();
        services.AddAlerts();
        services.AddAppDatabase();
        services.AddJobStorage();
        services.AddStatus();
        return services;
    }

    /// <summary>
    /// The background work: a Hangfire server, seed ingestion and inbox processing at start, the drop-folder
    /// watcher, and the recurring feed dispatch, inbox sweep and alert scans, digests and deliveries. The worker
    /// host runs it; the web app runs it in its own process when "Hosting:Role" is All (one machine).
    /// </summary>
    public static IServiceCollection AddWorker(this IServiceCollection services)
    {
        services.AddJobServer();
        services.AddHostedService<EnrichmentWarmUp>();
        // The starter sources, with their outlet data, are in the store before the seeds are ingested.
        services.AddFeedPollingSchedule();
        services.AddIngestionBackgroundWork();
        services.AddAlertSchedules();
        return services;
    }
}
