using Hangfire.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Monitoring.Ingestion.Outlets;
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
        var feeds = sources.Where(source => source.Url is not null).ToList();
        Assert.Equal(feeds.Count, feeds.Select(source => source.Url).Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.Contains(sources, source => source.Name!.Contains("RFE/RL", StringComparison.Ordinal));
        Assert.Contains(sources, source => source.Name!.StartsWith("Balkan Insight", StringComparison.Ordinal));
        Assert.Contains(sources, source => source.Name == "RTS");
        Assert.Contains(sources, source => source.Name == "Kosovo Online");
    }

    [Fact]
    public void TheShippedList_GivesEverySourceAKindAndLanguages_AndPlacesEachInAGroup()
    {
        var sources = SeedSources.Read(SeedFile);
        var groups = SeedSources.ReadGroups(SeedFile);

        Assert.All(sources, source => Assert.True(source.Kind is not null && source.Languages.Count > 0, source.Name));
        Assert.All(sources, source => Assert.Contains(groups, group => group.Sources.Contains(source.Name!, StringComparer.OrdinalIgnoreCase)));
        Assert.Contains(groups, group => group.Name == "Serbia — national" && group.Sources.Contains("RTS"));
        Assert.Contains(groups, group => group.Name == "Kosovo — Albanian-language");
        Assert.Contains(groups, group => group.Name == "Bosnia — Republika Srpska");
        Assert.Contains(groups, group => group.Name == "International services in the region" && group.Sources.Contains("RFE/RL"));
        // The outlets of the shipped example article and demo corpus, so the demo data has outlet data too.
        Assert.Contains(sources, source => source.Name == "RFE/RL" && source.Url is null);
        Assert.Contains(sources, source => source.Name == "Wikipedia Current events" && source.Url is null);
    }

    [Fact]
    public void AGroupNamingASourceTheFileLacks_IsRefused_SayingWhich()
    {
        var path = Path.Combine(Path.GetTempPath(), $"sources-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, """{"sources": [{"name": "RTS", "url": "https://www.rts.rs/rss/ci.xml"}], "groups": [{"name": "Serbia", "sources": ["RTS", "Politika"]}]}""");
        try
        {
            var error = Assert.Throws<InvalidDataException>(() => SeedSources.ReadGroups(path));
            Assert.Contains("groups[0] (Serbia): \"Politika\" is not a source of this file", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
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
        var groups = await harness.Services.GetRequiredService<OutletCatalog>().ListGroupsAsync(TestContext.Current.CancellationToken);
        Assert.Equal(SeedSources.ReadGroups(SeedFile).Select(group => group.Name).Order(StringComparer.Ordinal), groups.Select(group => group.Name).Order(StringComparer.Ordinal));
        var rts = stored.Single(source => source.Name == "RTS");
        Assert.Equal((Monitoring.Core.Articles.OutletKind?)Monitoring.Core.Articles.OutletKind.PublicBroadcaster, rts.Kind);
        Assert.Contains(groups, group => group.Name == "Serbia — national" && group.SourceIds.Contains(rts.Id));
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
            await db.Database.ExecuteSqlRawAsync("DROP TABLE OutletGroupMembers; DROP TABLE OutletGroups; DROP TABLE FeedItemRecords; DROP TABLE FeedSources; DROP TABLE __EFMigrationsHistory;", TestContext.Current.CancellationToken);
        }

        await new IngestionStoreMigrator(harness.Services.GetRequiredService<IDbContextFactory<IngestionDbContext>>(), Options.Create(new IngestionOptions()), []).StartAsync(TestContext.Current.CancellationToken);
        var starter = harness.Services.GetServices<IHostedService>().OfType<FeedPollingStarter>().Single();
        await starter.StartAsync(TestContext.Current.CancellationToken);

        Assert.NotEmpty(await harness.Catalog.ListAsync(TestContext.Current.CancellationToken));
    }
}
