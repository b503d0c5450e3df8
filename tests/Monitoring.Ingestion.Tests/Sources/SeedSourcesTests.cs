using Hangfire.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Monitoring.Ingestion.Sources;
using Monitoring.Ingestion.Store;
using Monitoring.Tests;

namespace Monitoring.Ingestion.Tests.Sources;

public sealed class SeedSourcesTests
{
    private static string SeedFile => Path.Combine(RepositoryPaths.Seeds, SeedSources.FileName);

    [Fact]
    public void TheShippedList_IsValid_AndEveryFeedIsDisabled()
    {
        var sources = SeedSources.Read(SeedFile);

        Assert.True(sources.Count >= 15, $"{sources.Count} sources");
        Assert.All(sources, source => Assert.False(source.Enabled, source.Name));
        Assert.Equal(sources.Count, sources.Select(source => source.Url).Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.Contains(sources, source => source.Name!.Contains("RFE/RL", StringComparison.Ordinal));
        Assert.Contains(sources, source => source.Name!.StartsWith("Balkan Insight", StringComparison.Ordinal));
        Assert.Contains(sources, source => source.Name == "RTS");
        Assert.Contains(sources, source => source.Name == "Kosovo Online");
    }

    [Fact]
    public async Task OnFirstStart_TheListFillsAnEmptyStore_AndAgainChangesNothing_AndTheDispatcherIsScheduled()
    {
        await using var harness = new PollingHarness();
        var starter = harness.Services.GetServices<IHostedService>().OfType<FeedPollingStarter>().Single();

        await starter.StartAsync(TestContext.Current.CancellationToken);
        await starter.StartAsync(TestContext.Current.CancellationToken);

        var stored = await harness.Catalog.ListAsync(TestContext.Current.CancellationToken);
        Assert.Equal(SeedSources.Read(SeedFile).Select(source => source.Url).Order(StringComparer.Ordinal), stored.Select(source => source.Url).Order(StringComparer.Ordinal));
        Assert.All(stored, source => Assert.False(source.Enabled));
        Assert.Empty(await harness.DispatchAsync());
        using var connection = harness.JobStorage.GetConnection();
        Assert.Contains(connection.GetRecurringJobs(), job => job.Id == FeedPollDispatcher.RecurringJobId && job.Cron == "* * * * *");
    }

    [Fact]
    public async Task AStoreCreatedBeforeSources_GetsTheNewTables_AtStart()
    {
        await using var harness = new PollingHarness();
        using (var db = harness.OpenStore())
        {
            // As the versions before sources and before migrations left it.
            await db.Database.ExecuteSqlRawAsync("DROP TABLE FeedItemRecords; DROP TABLE FeedSources; DROP TABLE __EFMigrationsHistory;", TestContext.Current.CancellationToken);
        }

        await new IngestionStoreMigrator(harness.Services.GetRequiredService<IDbContextFactory<IngestionDbContext>>(), Options.Create(new IngestionOptions()), []).StartAsync(TestContext.Current.CancellationToken);
        var starter = harness.Services.GetServices<IHostedService>().OfType<FeedPollingStarter>().Single();
        await starter.StartAsync(TestContext.Current.CancellationToken);

        Assert.NotEmpty(await harness.Catalog.ListAsync(TestContext.Current.CancellationToken));
    }
}
