using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Monitoring.Search.Lucene;
using Monitoring.Search.Reindexing;
using Monitoring.Tests;

namespace Monitoring.Search.Tests.Reindexing;

/// <summary>Lucene to Lucene copies of the demo corpus (seeds/corpus), whole, enriched again, interrupted and resumed.</summary>
public sealed partial class ArticleReindexerTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("monitoring-reindex-").FullName;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private string Checkpoint => Path.Combine(_root, "checkpoint.json");

    [Fact]
    public async Task Copy_HoldsEveryArticleAsStored_AndAnswersQueriesAsTheSourceDoes()
    {
        var expected = SourceIndexes.DemoArticlesById;
        var from = await SourceIndexes.WriteAsync(Path.Combine(_root, "from"), DemoCorpus.Articles);

        var result = await CopyAsync(from, Path.Combine(_root, "to"));

        Assert.Equal(expected.Count, result.Final.Copied);
        Assert.Equal(expected.Count, result.Final.Total);
        Assert.False(result.Interrupted);
        Assert.False(File.Exists(Checkpoint));
        using var source = new LuceneArticleIndex(from);
        using var target = new LuceneArticleIndex(Path.Combine(_root, "to"));
        Assert.Equal(expected.Count, await target.CountAsync(Cancel));
        foreach (var article in expected)
        {
            Assert.Equal(ArticleJson.Serialize(article), ArticleJson.Serialize((await target.GetAsync(article.Id, Cancel))!));
        }

        ArticleQuery[] queries =
        [
            new() { Text = "Kosovo", Take = 50 },
            new() { Text = "Serbia AND election", Take = 50 },
            new() { Text = "sanction*", Countries = ["RS"], Take = 50 },
            new() { Countries = ["XK"], Sort = SearchSort.Tension, Take = 50 },
        ];
        foreach (var query in queries)
        {
            var before = await source.SearchAsync(query, Cancel);
            var after = await target.SearchAsync(query, Cancel);
            Assert.True(before.Total > 0, $"'{query.Text}' finds nothing in the demo corpus.");
            Assert.Equal(before.Total, after.Total);
            Assert.Equal(before.Hits.Select(hit => hit.Article.Id), after.Hits.Select(hit => hit.Article.Id));
            Assert.Equal(before.Facets.Countries, after.Facets.Countries);
        }
    }

    [Fact]
    public async Task ReEnrich_TagsTheArticles_WithTheTaxonomyGiven()
    {
        // A copy of the shipped seeds whose taxonomy has one more topic, given by the word "referendum".
        var seeds = CopySeedsWithTopic("referendum-vote", "Referendum vote", "referendum");
        var from = await SourceIndexes.WriteAsync(Path.Combine(_root, "from"), DemoCorpus.Articles);
        var enricher = new ArticleEnricher(EnrichmentModel.LoadFrom(seeds));

        await CopyAsync(from, Path.Combine(_root, "to"), enricher);

        // Expected from the corpus text itself: the articles whose title or body has the word (light stems
        // make "referendums" match too). None had the topic before: the stored tags know only "elections".
        var expected = SourceIndexes.DemoArticlesById
            .Where(article => ReferendumWord().IsMatch(article.Article.Title + "\n" + article.Article.Body))
            .Select(article => article.Id.Value)
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.NotEmpty(expected);
        Assert.DoesNotContain(DemoCorpus.Articles, article => DemoCorpus.HasTopic(article, "referendum-vote"));
        using var target = new LuceneArticleIndex(Path.Combine(_root, "to"));
        var tagged = await target.SearchAsync(new ArticleQuery { Topics = ["referendum-vote"], Take = 1_000 }, Cancel);
        Assert.Equal(expected, tagged.Hits.Select(hit => hit.Article.Id.Value).Order(StringComparer.Ordinal));
        var article = (await target.GetAsync(ArticleId.Parse(expected[0]), Cancel))!;
        Assert.Equal(["referendum"], Assert.Single(article.Tags.Topics, topic => topic.Id == "referendum-vote").Evidence.Select(word => word.ToLowerInvariant()).Distinct());
    }

    [Fact]
    public async Task InterruptedCopy_ContinuesAfterItsLastBatch_AndWritesEveryArticleExactlyOnce()
    {
        var from = await SourceIndexes.WriteAsync(Path.Combine(_root, "from"), DemoCorpus.Articles);
        var sorted = SourceIndexes.DemoArticlesById;
        using var target = new RecordingIndex(new LuceneArticleIndex(Path.Combine(_root, "to")));
        var stop = new StopAfterBatches(1);

        var first = await CopyAsync(from, target, batchSize: 300, progress: stop, stop: stop.Token);

        Assert.True(first.Interrupted);
        Assert.Equal(300, first.Final.Copied);
        Assert.Equal(sorted.Take(300).Select(article => article.Id), target.Written);
        Assert.Equal(sorted[299].Id.Value, ReindexCheckpoint.TryRead(Checkpoint)!.LastId);

        var second = await CopyAsync(from, target, batchSize: 300);

        Assert.False(second.Interrupted);
        Assert.Null(second.StartedOverBecause);
        Assert.Equal(300, second.ResumedAt);
        Assert.Equal(sorted.Count, second.Final.Copied);
        Assert.Equal(sorted.Count - 300, second.Final.CopiedThisRun);
        Assert.Equal(sorted.Select(article => article.Id), target.Written);
        Assert.Equal(sorted.Count, await target.Inner.CountAsync(Cancel));
        Assert.False(File.Exists(Checkpoint));
    }

    [Fact]
    public async Task CopyStoppedByAFailingTarget_ContinuesAfterTheLastAcknowledgedBatch()
    {
        var from = await SourceIndexes.WriteAsync(Path.Combine(_root, "from"), DemoCorpus.Articles);
        var sorted = SourceIndexes.DemoArticlesById;
        using var target = new RecordingIndex(new LuceneArticleIndex(Path.Combine(_root, "to"))) { FailOnBatch = 3 };

        await Assert.ThrowsAsync<IOException>(() => CopyAsync(from, target, batchSize: 200));

        Assert.Equal(400, ReindexCheckpoint.TryRead(Checkpoint)!.Copied);
        target.FailOnBatch = null;
        var resumed = await CopyAsync(from, target, batchSize: 200);

        Assert.Equal(400, resumed.ResumedAt);
        Assert.Equal(sorted.Select(article => article.Id), target.Written);
    }

    [Fact]
    public async Task ChangedSource_StartsTheCopyOver_SayingWhy()
    {
        var (from, target) = await CopyFirstBatchOf300Async();
        using var disposeTarget = target;
        await SourceIndexes.WriteAsync(from, [DemoCorpus.Headline("Belgrade and Pristina resume talks", "Test")]);

        var rerun = await CopyAsync(from, target, batchSize: 100);

        Assert.Contains("the source index changed since", rerun.StartedOverBecause, StringComparison.Ordinal);
        Assert.Equal(0, rerun.ResumedAt);
        Assert.Equal(rerun.Final.Total, rerun.Final.CopiedThisRun);
        Assert.Equal(100 + rerun.Final.Total, target.Written.Count);
    }

    [Fact]
    public async Task Restart_IgnoresTheCheckpoint()
    {
        var (from, target) = await CopyFirstBatchOf300Async();
        using var disposeTarget = target;

        var rerun = await CopyAsync(from, target, batchSize: 100, restart: true);

        Assert.Equal(0, rerun.ResumedAt);
        Assert.Equal(rerun.Final.Total, rerun.Final.CopiedThisRun);
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [GeneratedRegex(@"\breferendums?\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ReferendumWord();

    /// <summary>A source of 300 demo articles and a target that received the first batch of 100 before the copy was stopped.</summary>
    private async Task<(string From, RecordingIndex Target)> CopyFirstBatchOf300Async()
    {
        var from = await SourceIndexes.WriteAsync(Path.Combine(_root, "from"), DemoCorpus.Articles.Take(300).ToList());
        var target = new RecordingIndex(new LuceneArticleIndex(Path.Combine(_root, "to")));
        var stop = new StopAfterBatches(1);
        await CopyAsync(from, target, batchSize: 100, progress: stop, stop: stop.Token);
        return (from, target);
    }

    private async Task<ReindexResult> CopyAsync(string from, string to, ArticleEnricher? enricher = null)
    {
        using var target = new LuceneArticleIndex(to);
        return await CopyAsync(from, target, enricher: enricher);
    }

    private async Task<ReindexResult> CopyAsync(
        string from,
        IArticleIndex target,
        int batchSize = 500,
        ArticleEnricher? enricher = null,
        bool restart = false,
        IProgress<ReindexProgress>? progress = null,
        CancellationToken? stop = null)
    {
        using var source = LuceneArticleSource.Open(from);
        var options = new ReindexOptions
        {
            Target = "lucene:test",
            CheckpointPath = Checkpoint,
            BatchSize = batchSize,
            Enricher = enricher,
            Restart = restart,
        };
        return await new ArticleReindexer(source, target, options).RunAsync(progress, stop ?? Cancel);
    }

    /// <summary>The shipped seeds copied into the test folder, with one topic added to topics.json.</summary>
    private string CopySeedsWithTopic(string id, string label, string term)
    {
        var seeds = Path.Combine(_root, "seeds");
        var enrichment = Path.Combine(seeds, "enrichment");
        Directory.CreateDirectory(enrichment);
        foreach (var file in Directory.GetFiles(Path.Combine(RepositoryPaths.Seeds, "enrichment")))
        {
            File.Copy(file, Path.Combine(enrichment, Path.GetFileName(file)));
        }

        var topicsFile = Path.Combine(enrichment, "topics.json");
        var topics = JsonNode.Parse(File.ReadAllText(topicsFile))!;
        topics["topics"]!.AsArray().Add(new JsonObject { ["id"] = id, ["label"] = label, ["threshold"] = 1, ["terms"] = new JsonObject { [term] = 1 } });
        File.WriteAllText(topicsFile, topics.ToJsonString());
        return seeds;
    }

    /// <summary>A real target that records the id of every article written to it, and can fail a batch as a crashing target would.</summary>
    private sealed class RecordingIndex(LuceneArticleIndex inner) : IArticleIndex, IDisposable
    {
        private int _batches;

        public LuceneArticleIndex Inner => inner;

        public List<ArticleId> Written { get; } = [];

        public int? FailOnBatch { get; set; }

        public Task IndexAsync(IReadOnlyCollection<EnrichedArticle> articles, CancellationToken cancellationToken = default)
        {
            if (++_batches == FailOnBatch)
            {
                throw new IOException("The target went away.");
            }

            Written.AddRange(articles.Select(article => article.Id));
            return inner.IndexAsync(articles, cancellationToken);
        }

        public Task<IReadOnlySet<ArticleId>> FindExistingAsync(IReadOnlyCollection<ArticleId> ids, CancellationToken cancellationToken = default) =>
            inner.FindExistingAsync(ids, cancellationToken);

        public void Dispose() => inner.Dispose();
    }
}
