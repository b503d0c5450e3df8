using Hangfire;
using Hangfire.InMemory;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging.Abstractions;
using Monitoring.Ingestion.Fetching;
using Monitoring.Ingestion.Outlets;
using Monitoring.Ingestion.Seeds;
using Monitoring.Ingestion.Sources;
using Monitoring.Ingestion.Store;
using Monitoring.Tests;

namespace Monitoring.Web.Tests;

/// <summary>
/// A real sources store for the pages that read sources and outlet groups: SQLite in a temporary folder, the
/// catalogs over it, and a job client over Hangfire's in-memory storage (so a test sees the re-tags enqueued).
/// The test context registers a <see cref="TimeProvider"/> of its own.
/// </summary>
public sealed class TestSourcesStore : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("monitoring-sources-store-").FullName;

    private TestSourcesStore(IServiceCollection services)
    {
        var path = Path.Combine(_folder, "ingestion.db");
        using (IngestionStore.Open(path))
        {
        }

        Factory = IngestionStoreFactory.Sqlite(path);
        services.AddSingleton(Factory);
        services.AddSingleton<IBackgroundJobClient>(new BackgroundJobClient(Jobs));
        services.TryAddSingleton(new DestinationGuard(Microsoft.Extensions.Options.Options.Create(new OutboundRequestsOptions())));
        services.AddSingleton<FeedSourceCatalog>();
        services.AddSingleton<OutletCatalog>();
    }

    public InMemoryStorage Jobs { get; } = new(new InMemoryStorageOptions());

    public IDbContextFactory<IngestionDbContext> Factory { get; }

    /// <summary>Creates the store and registers it, its catalogs and the job client in <paramref name="services"/>.</summary>
    public static TestSourcesStore AddTo(IServiceCollection services) => new(services);

    /// <summary>Loads the starter sources and outlet groups of <c>seeds/sources.json</c> as the app's first start does.</summary>
    public async Task LoadSeedSourcesAsync(CancellationToken cancellationToken)
    {
        var starter = new FeedPollingStarter(
            Factory,
            new RecurringJobManager(Jobs),
            new SeedsLocation(RepositoryPaths.Seeds, Directory.GetCurrentDirectory()),
            Microsoft.Extensions.Options.Options.Create(new FeedPollingOptions { Enabled = false }),
            TimeProvider.System,
            NullLogger<FeedPollingStarter>.Instance);
        await starter.StartAsync(cancellationToken);
    }

    /// <summary>The outlet data the ingestion pipeline gives articles from the store as it is now.</summary>
    public async Task<OutletDirectory> OutletsAsync(CancellationToken cancellationToken)
    {
        await using var db = await Factory.CreateDbContextAsync(cancellationToken);
        return await OutletDirectory.LoadAsync(db, cancellationToken);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
