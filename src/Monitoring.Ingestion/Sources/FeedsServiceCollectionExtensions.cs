using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Monitoring.Ingestion.Fetching;
using Monitoring.Ingestion.Outlets;
using Monitoring.Ingestion.Pages;

namespace Monitoring.Ingestion.Sources;

public static class FeedsServiceCollectionExtensions
{
    /// <summary>
    /// Registers feed polling (section "Ingestion:Feeds"): the sources store, the minutely dispatcher,
    /// the poll job, article-page extraction, and the one HttpClient every outgoing request uses. Needs
    /// <see cref="IngestionServiceCollectionExtensions.AddIngestion"/> (the inbox) and Hangfire.
    /// </summary>
    public static IServiceCollection AddFeedPolling(this IServiceCollection services)
    {
        services.AddOptions<FeedPollingOptions>()
            .BindConfiguration(FeedPollingOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddPageExtraction();

        services.AddSingleton<HostPoliteness>();
        services.AddDestinationGuard();

        // The single place outgoing HTTP for ingestion is configured; its handler carries the destination guard.
        services.AddHttpClient<WebFetcher>((provider, client) => WebFetcher.Configure(client, provider.GetRequiredService<IOptions<FeedPollingOptions>>().Value))
            .ConfigurePrimaryHttpMessageHandler(provider => WebFetcher.CreateHandler(provider.GetRequiredService<IOptions<FeedPollingOptions>>().Value, provider.GetRequiredService<DestinationGuard>()));

        services.AddSingleton<FeedSourceCatalog>();
        services.AddSingleton<OutletCatalog>();
        services.AddTransient<FeedPollDispatcher>();
        services.AddTransient<FeedPollJob>();
        return services;
    }

    /// <summary>
    /// For the host that runs the jobs: loads the starter sources into an empty store and keeps the minutely
    /// dispatcher scheduled (<see cref="FeedPollingStarter"/>). Needs <see cref="AddFeedPolling"/>.
    /// </summary>
    public static IServiceCollection AddFeedPollingSchedule(this IServiceCollection services)
    {
        services.AddHostedService<FeedPollingStarter>();
        return services;
    }
}
