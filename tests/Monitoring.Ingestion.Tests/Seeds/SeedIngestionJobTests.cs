using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Monitoring.Core.Search;
using Monitoring.Ingestion.Inbox;
using Monitoring.Ingestion.Seeds;
using Monitoring.Ingestion.Tests.Inbox;
using Monitoring.Tests;

namespace Monitoring.Ingestion.Tests.Seeds;

/// <summary>The seeds are a channel like any other: recorded in the inbox, then taken through the whole pipeline.</summary>
public sealed class SeedIngestionJobTests : IDisposable
{
    private const int ShippedArticles = 1_181; // the example article + 1,180 demo corpus items

    private readonly InboxHarness _harness = new();
    private readonly string _workFolder = Directory.CreateTempSubdirectory("monitoring-seeds-").FullName;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TheShippedSeeds_GoThroughThePipeline_AndASecondRunRecordsNothing()
    {
        var summary = await CreateJob(RepositoryPaths.Seeds).RunAsync(Cancel);
        var run = await _harness.ProcessAllAsync(Cancel);

        Assert.Equal(new SeedIngestionSummary(ShippedArticles, ShippedArticles), summary);
        var items = await _harness.ItemsAsync();
        Assert.Equal(ShippedArticles, items.Count);
        Assert.All(items, item => Assert.StartsWith("seed:", item.Channel, StringComparison.Ordinal));
        Assert.DoesNotContain(items, item => item.State is InboxItemState.Pending or InboxItemState.Quarantined);
        Assert.Equal(ShippedArticles, run.Indexed + run.Duplicates);
        Assert.Equal(run.Indexed, await _harness.Lucene.CountAsync(Cancel));
        using (var db = _harness.OpenStore())
        {
            // The known-article register and the story signatures now hold the demo corpus, as they hold pushed articles.
            Assert.Equal(run.Indexed, await db.KnownArticles.CountAsync(Cancel));
            // (most of the corpus is one-line items, too short to compare; the example article and the longer items are placed)
            var members = await db.StoryMembers.Select(member => member.ArticleId).ToListAsync(Cancel);
            Assert.NotEmpty(members);
            Assert.All(members, id => Assert.True(db.KnownArticles.Any(known => known.Id == id)));
        }

        var second = await CreateJob(RepositoryPaths.Seeds).RunAsync(Cancel);
        await _harness.ProcessAllAsync(Cancel);

        Assert.Equal(0, second.Recorded);
        Assert.Equal(ShippedArticles, second.Known);
        Assert.Equal(ShippedArticles, (await _harness.ItemsAsync()).Count);
        Assert.Equal(run.Indexed, await _harness.Lucene.CountAsync(Cancel));
    }

    [Fact]
    public async Task ASeedResentWithACorrectedWord_JoinsTheStoryOfTheFirst()
    {
        var seeds = Directory.CreateDirectory(Path.Combine(_workFolder, "seeds")).FullName;
        CopyExample(seeds, "a");
        var text = File.ReadAllText(RepositoryPaths.ExampleArticle);
        File.WriteAllText(Path.Combine(seeds, "b.txt"), text.Replace("upward trend", "upwards trend", StringComparison.Ordinal));

        await CreateJob(seeds).RunAsync(Cancel);
        var run = await _harness.ProcessAllAsync(Cancel);

        Assert.Equal(2, run.Indexed);
        Assert.Equal(1, run.Clustered);
    }

    [Fact]
    public async Task AnEditedSeedFile_IsRecordedAgain_AndItsNewArticleIndexed()
    {
        var seeds = Directory.CreateDirectory(Path.Combine(_workFolder, "seeds")).FullName;
        var text = Path.Combine(seeds, "article.txt");
        File.Copy(RepositoryPaths.ExampleArticle, text);
        await CreateJob(seeds).RunAsync(Cancel);
        await _harness.ProcessAllAsync(Cancel);

        File.WriteAllText(text, "Belgrade hosts the regional energy summit\n\nMinisters of the region met in Belgrade on energy.\n");
        var second = await CreateJob(seeds).RunAsync(Cancel);
        await _harness.ProcessAllAsync(Cancel);

        Assert.Equal(1, second.Recorded);
        Assert.Equal(2, await _harness.Lucene.CountAsync(Cancel));
    }

    [Fact]
    public async Task AnArticleWithoutSidecar_IsIndexedUndated_AndChartedByItsIngestDate()
    {
        var seeds = Directory.CreateDirectory(Path.Combine(_workFolder, "seeds")).FullName;
        File.Copy(RepositoryPaths.ExampleArticle, Path.Combine(seeds, "no-sidecar.txt"));

        await CreateJob(seeds).RunAsync(Cancel);
        await _harness.ProcessAllAsync(Cancel);

        var hit = Assert.Single((await _harness.Lucene.SearchAsync(new ArticleQuery { Text = "Shoigu" }, Cancel)).Hits);
        Assert.True(hit.Article.Article.IsUndated);
        Assert.Equal(InboxHarness.Now, hit.Article.Article.EffectiveDate);
        var coverage = await _harness.Lucene.GetCoverageAsync(new CoverageQuery(new ArticleQuery(), DateInterval.Day), Cancel);
        Assert.Equal(1, coverage.UndatedCount);
        Assert.Equal(DateOnly.FromDateTime(InboxHarness.Now.UtcDateTime), Assert.Single(coverage.Total).Start);
    }

    [Fact]
    public async Task IngestedArticles_CarryTheirEnrichment()
    {
        var seeds = Directory.CreateDirectory(Path.Combine(_workFolder, "seeds")).FullName;
        CopyExample(seeds, "example");
        await CreateJob(seeds).RunAsync(Cancel);
        await _harness.ProcessAllAsync(Cancel);

        var result = await _harness.Lucene.SearchAsync(new ArticleQuery { Text = "Shoigu", Countries = ["RS"] }, Cancel);

        var tags = Assert.Single(result.Hits).Article.Tags;
        Assert.Contains(tags.Countries, country => country.Code == "XK");
        Assert.Contains(tags.Topics, topic => topic.Id == "military-cooperation");
    }

    public void Dispose()
    {
        _harness.Dispose();
        Directory.Delete(_workFolder, recursive: true);
    }

    private static void CopyExample(string folder, string name)
    {
        File.Copy(RepositoryPaths.ExampleArticle, Path.Combine(folder, name + ".txt"));
        File.Copy(Path.ChangeExtension(RepositoryPaths.ExampleArticle, ".meta.json"), Path.Combine(folder, name + ".meta.json"));
    }

    private SeedIngestionJob CreateJob(string seedsFolder) => new(
        _harness.CreatePipeline(),
        _harness.CreateRecorder(),
        new SeedsLocation(seedsFolder, _workFolder),
        NullLogger<SeedIngestionJob>.Instance);
}
