using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Monitoring.Core.Articles;
using Monitoring.Core.Enrichment;
using Monitoring.Core.Search;
using Monitoring.Ingestion.Seeds;
using Monitoring.Search.Lucene;
using Monitoring.Tests;

namespace Monitoring.Ingestion.Tests.Seeds;

public sealed class SeedIngestionJobTests : IDisposable
{
    private const int ShippedArticles = 1_181; // the example article + 1,180 demo corpus items

    private static readonly ArticleEnricher Enricher = new(EnrichmentModel.LoadFrom(RepositoryPaths.Seeds));
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);

    private readonly string _workFolder = Directory.CreateTempSubdirectory("monitoring-ingestion-").FullName;
    private readonly LuceneArticleIndex _index;

    public SeedIngestionJobTests() => _index = new LuceneArticleIndex(Path.Combine(_workFolder, "index"));

    [Fact]
    public async Task FirstRun_IndexesEveryShippedArticle()
    {
        var summary = await CreateJob(RepositoryPaths.Seeds).RunAsync(TestContext.Current.CancellationToken);

        Assert.Equal(new SeedIngestionSummary(ShippedArticles, ShippedArticles), summary);
        Assert.Equal(ShippedArticles, await _index.CountAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task SecondRun_IndexesNothingTwice()
    {
        await CreateJob(RepositoryPaths.Seeds).RunAsync(TestContext.Current.CancellationToken);

        var second = await CreateJob(RepositoryPaths.Seeds).RunAsync(TestContext.Current.CancellationToken);

        Assert.Equal(0, second.Added);
        Assert.Equal(ShippedArticles, second.Skipped);
        Assert.Equal(ShippedArticles, await _index.CountAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task AnArticleWithoutSidecar_IsIndexedUndated_AndChartedByItsIngestDate()
    {
        var seeds = Directory.CreateDirectory(Path.Combine(_workFolder, "seeds")).FullName;
        File.Copy(RepositoryPaths.ExampleArticle, Path.Combine(seeds, "no-sidecar.txt"));

        await CreateJob(seeds).RunAsync(TestContext.Current.CancellationToken);

        var hit = Assert.Single((await _index.SearchAsync(new ArticleQuery { Text = "Shoigu" }, TestContext.Current.CancellationToken)).Hits);
        Assert.True(hit.Article.Article.IsUndated);
        Assert.Equal(Now, hit.Article.Article.EffectiveDate);
        var coverage = await _index.GetCoverageAsync(new CoverageQuery(new ArticleQuery(), DateInterval.Day), TestContext.Current.CancellationToken);
        Assert.Equal(1, coverage.UndatedCount);
        Assert.Equal(DateOnly.FromDateTime(Now.UtcDateTime), Assert.Single(coverage.Total).Start);
    }

    [Fact]
    public async Task IngestedArticles_CarryTheirEnrichment()
    {
        await CreateJob(RepositoryPaths.Seeds).RunAsync(TestContext.Current.CancellationToken);

        var result = await _index.SearchAsync(new ArticleQuery { Text = "Shoigu", Countries = ["RS"] }, TestContext.Current.CancellationToken);

        var tags = Assert.Single(result.Hits).Article.Tags;
        Assert.Contains(tags.Countries, country => country.Code == "XK");
        Assert.Contains(tags.Topics, topic => topic.Id == "military-cooperation");
    }

    public void Dispose()
    {
        _index.Dispose();
        Directory.Delete(_workFolder, recursive: true);
    }

    private SeedIngestionJob CreateJob(string seedsFolder) => new(
        _index,
        Enricher,
        new SeedsLocation(seedsFolder, _workFolder),
        Options.Create(new IngestionOptions()),
        new FixedClock(Now),
        NullLogger<SeedIngestionJob>.Instance);

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
