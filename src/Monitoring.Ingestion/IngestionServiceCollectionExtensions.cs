using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Monitoring.Core.Enrichment;
using Monitoring.Core.Search.Names;
using Monitoring.Ingestion.DropFolder;
using Monitoring.Ingestion.Import;
using Monitoring.Ingestion.Inbox;
using Monitoring.Ingestion.Outlets;
using Monitoring.Ingestion.Seeds;
using Monitoring.Ingestion.Store;

namespace Monitoring.Ingestion;

public static class IngestionServiceCollectionExtensions
{
    /// <summary>
    /// Registers the ingestion store, enrichment (loaded once from the seeds folder) and the ingestion jobs:
    /// what a host needs to take articles in and enqueue their processing. The host configures Hangfire's
    /// storage; the one that runs the jobs adds <see cref="AddIngestionBackgroundWork"/> and a server.
    /// </summary>
    public static IServiceCollection AddIngestion(this IServiceCollection services)
    {
        services.AddOptions<IngestionOptions>()
            .BindConfiguration(IngestionOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        // First of the app's start-up work: everything after it may read the store.
        services.AddSingleton<IDbContextFactory<IngestionDbContext>>(provider => IngestionStoreFactory.From(
            provider.GetRequiredService<IOptions<IngestionOptions>>().Value,
            provider.GetRequiredService<IHostEnvironment>().ContentRootPath));
        services.AddHostedService<IngestionStoreMigrator>();

        services.AddSingleton<IValidateOptions<IngestionOptions>, SeedsFolderMustExist>();
        services.AddSingleton(provider => new SeedsLocation(
            provider.GetRequiredService<IOptions<IngestionOptions>>().Value.SeedsPath,
            provider.GetRequiredService<IHostEnvironment>().ContentRootPath));
        services.AddSingleton(provider => EnrichmentModel.LoadFrom(provider.GetRequiredService<SeedsLocation>().FullPath));
        services.AddSingleton(provider => SearchNames.LoadFrom(provider.GetRequiredService<SeedsLocation>().FullPath));
        services.AddOptions<EnrichmentOptions>().BindConfiguration(EnrichmentOptions.SectionName);
        services.AddSingleton(provider => new ArticleEnricher(
            provider.GetRequiredService<EnrichmentModel>(),
            provider.GetRequiredService<IOptions<EnrichmentOptions>>().Value));
        services.TryAddSingleton(TimeProvider.System);
        services.AddTransient<SeedIngestionJob>();

        services.AddSingleton<InboxRecorder>();
        services.AddSingleton<IngestionPipeline>();
        services.AddSingleton<IndexedArticleLog>();
        services.AddSingleton<IngestionHealth>();
        services.AddSingleton<IndexWriteStatus>();
        services.AddTransient<InboxProcessingJob>();
        services.AddTransient<OutletRetagJob>();
        services.AddTransient<BulkImport>();

        services.AddSingleton(provider => DropFolderLocation.Resolve(
            provider.GetRequiredService<IOptions<IngestionOptions>>().Value.DropFolder,
            provider.GetRequiredService<IHostEnvironment>().ContentRootPath));
        services.AddTransient<DropFolderSweepJob>();
        return services;
    }

    /// <summary>
    /// What runs ingestion rather than feeds it, for the host that runs the jobs (the worker): the seed
    /// ingestion and inbox processing at start, the inbox's minutely sweep, and the drop-folder watcher. Call
    /// after <see cref="AddIngestion"/>, whose store migrator must start first.
    /// </summary>
    public static IServiceCollection AddIngestionBackgroundWork(this IServiceCollection services)
    {
        services.AddHostedService<SeedIngestionStarter>();
        services.AddHostedService<InboxStarter>();
        services.AddHostedService<DropFolderWatcher>();
        return services;
    }
}
