using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Monitoring.Core.Enrichment;
using Monitoring.Ingestion.DropFolder;
using Monitoring.Ingestion.Import;
using Monitoring.Ingestion.Inbox;
using Monitoring.Ingestion.Seeds;
using Monitoring.Ingestion.Store;

namespace Monitoring.Ingestion;

public static class IngestionServiceCollectionExtensions
{
    /// <summary>
    /// Registers enrichment (loaded once from the seeds folder) and the ingestion jobs. The host must
    /// also configure Hangfire storage and a server; this project only enqueues and runs jobs.
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
        services.AddOptions<EnrichmentOptions>().BindConfiguration(EnrichmentOptions.SectionName);
        services.AddSingleton(provider => new ArticleEnricher(
            provider.GetRequiredService<EnrichmentModel>(),
            provider.GetRequiredService<IOptions<EnrichmentOptions>>().Value));
        services.TryAddSingleton(TimeProvider.System);
        services.AddTransient<SeedIngestionJob>();
        services.AddHostedService<SeedIngestionStarter>();

        services.AddSingleton<InboxRecorder>();
        services.AddSingleton<ArticleInbox>();
        services.AddTransient<InboxProcessingJob>();
        services.AddTransient<BulkImport>();
        services.AddHostedService<InboxStarter>();

        services.AddSingleton(provider => DropFolderLocation.Resolve(
            provider.GetRequiredService<IOptions<IngestionOptions>>().Value.DropFolder,
            provider.GetRequiredService<IHostEnvironment>().ContentRootPath));
        services.AddTransient<DropFolderSweepJob>();
        services.AddHostedService<DropFolderWatcher>();
        return services;
    }
}
