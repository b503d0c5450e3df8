using System.Text.Json.Nodes;
using Monitoring.Search.Elasticsearch;
using Monitoring.Search.Lucene;
using Monitoring.Search.Reindexing;
using Monitoring.Search.Tests.Elasticsearch;
using HttpMethod = Elastic.Transport.HttpMethod;

namespace Monitoring.Search.Tests.Reindexing;

/// <summary>
/// Lucene to Elasticsearch: the exact bulk requests a copy sends, answered with bulk responses in the shape
/// of the Elasticsearch specification's examples (../shared/data/elasticsearch); and the same copy against
/// a real cluster when ELASTICSEARCH_URL names one.
/// </summary>
public sealed class ElasticsearchReindexTests : IAsyncDisposable
{
    private const string Bulk = "/articles/_bulk";

    private const string Refresh = "/articles/_refresh";

    private const string RefreshOk = """{ "_shards": { "total": 1, "successful": 1, "failed": 0 } }""";

    private const string Target = $"elasticsearch:{ScriptedCluster.NodeUrl}/articles";

    private readonly string _root = Directory.CreateTempSubdirectory("monitoring-reindex-es-").FullName;
    private readonly List<ElasticsearchSearchOptions> _live = [];

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private string Checkpoint => Path.Combine(_root, "checkpoint.json");

    [Fact]
    public async Task Copy_SendsOneBulkRequestPerBatch_IndexingEachArticleByItsId_InIdOrder()
    {
        var (from, batches) = await SevenArticlesInBatchesOfThreeAsync();
        using var cluster = new ScriptedCluster()
            .On(HttpMethod.POST, Bulk, 200, ElasticsearchRequestTests.BulkAllOk(Ids(batches[0])), [.. batches.Skip(1).Select(batch => (200, ElasticsearchRequestTests.BulkAllOk(Ids(batch))))])
            .On(HttpMethod.POST, Refresh, 200, RefreshOk);
        using var target = cluster.CreateIndex();

        var result = await CopyAsync(from, target);

        Assert.Equal(7, result.Final.Copied);
        Assert.Empty(result.Refused);
        Assert.Equal(
            ["HEAD /_alias/articles", "POST /articles/_bulk", "POST /articles/_refresh", "POST /articles/_bulk", "POST /articles/_refresh", "POST /articles/_bulk", "POST /articles/_refresh"],
            cluster.Calls.Select(call => $"{call.HttpMethod} {call.Uri!.AbsolutePath}"));
        AssertBulkRequests(batches, cluster.CallsTo(HttpMethod.POST, Bulk));
    }

    [Fact]
    public async Task Rerun_AfterAnInterruptedCopy_SendsOnlyTheRemainingArticles()
    {
        var (from, batches) = await SevenArticlesInBatchesOfThreeAsync();
        using (var first = new ScriptedCluster()
            .On(HttpMethod.POST, Bulk, 200, ElasticsearchRequestTests.BulkAllOk(Ids(batches[0])))
            .On(HttpMethod.POST, Refresh, 200, RefreshOk))
        {
            using var target = first.CreateIndex();
            var stop = new StopAfterBatches(1);

            var interrupted = await CopyAsync(from, target, stop, stop.Token);

            Assert.True(interrupted.Interrupted);
            AssertBulkRequests(batches.Take(1).ToList(), first.CallsTo(HttpMethod.POST, Bulk));
        }

        using var second = new ScriptedCluster()
            .On(HttpMethod.POST, Bulk, 200, ElasticsearchRequestTests.BulkAllOk(Ids(batches[1])), (200, ElasticsearchRequestTests.BulkAllOk(Ids(batches[2]))))
            .On(HttpMethod.POST, Refresh, 200, RefreshOk);
        using var resumedTarget = second.CreateIndex();

        var resumed = await CopyAsync(from, resumedTarget);

        Assert.Equal(3, resumed.ResumedAt);
        Assert.Equal(7, resumed.Final.Copied);
        AssertBulkRequests(batches.Skip(1).ToList(), second.CallsTo(HttpMethod.POST, Bulk));
    }

    [Fact]
    public async Task ArticlesRefusedForGood_AreReported_AndTheCopyGoesOn()
    {
        var (from, batches) = await SevenArticlesInBatchesOfThreeAsync();
        var first = Ids(batches[0]);
        using var cluster = new ScriptedCluster()
            .On(HttpMethod.POST, Bulk, 200, ElasticsearchResponseTests.BulkWithErrors(first[0], first[1], createdId: first[2]),
                (200, ElasticsearchRequestTests.BulkAllOk(Ids(batches[1]))), (200, ElasticsearchRequestTests.BulkAllOk(Ids(batches[2]))))
            .On(HttpMethod.POST, Refresh, 200, RefreshOk);
        using var target = cluster.CreateIndex();

        var result = await CopyAsync(from, target);

        Assert.Equal([first[0], first[1]], result.Refused.Select(failure => failure.ArticleId));
        Assert.All(result.Refused, failure => Assert.Equal("document_missing_exception", failure.ErrorType));
        Assert.Equal(7, result.Final.Copied);
        Assert.Equal(3, cluster.CallsTo(HttpMethod.POST, Bulk).Count);
    }

    [Fact]
    public async Task Copy_IntoARealCluster_HoldsEveryArticle_AndAnswersAsTheSourceDoes()
    {
        LiveCluster.SkipUnlessConfigured("reindex test");
        var articles = DemoCorpus.Articles.Take(300).ToList();
        var from = await SourceIndexes.WriteAsync(Path.Combine(_root, "from"), articles);
        var options = LiveCluster.FreshOptions();
        _live.Add(options);
        using var target = new ElasticsearchArticleIndex(options);

        var stop = new StopAfterBatches(1);
        await CopyAsync(from, target, stop, stop.Token, batchSize: 100);
        var result = await CopyAsync(from, target, batchSize: 100);

        Assert.Equal(100, result.ResumedAt);
        using var source = new LuceneArticleIndex(from);
        var expected = await source.CountAsync(Cancel);
        Assert.Equal(expected, result.Final.Copied);
        Assert.Equal(expected, await target.CountAsync(Cancel));
        var query = new ArticleQuery { Text = "Kosovo", Sort = SearchSort.Newest, Take = 100 };
        var inLucene = await source.SearchAsync(query, Cancel);
        var inElasticsearch = await target.SearchAsync(query, Cancel);
        Assert.Equal(inLucene.Total, inElasticsearch.Total);
        Assert.Equal(inLucene.Hits.Select(hit => hit.Article.Id), inElasticsearch.Hits.Select(hit => hit.Article.Id));
    }

    public async ValueTask DisposeAsync()
    {
        await LiveCluster.DeleteAsync(_live);
        Directory.Delete(_root, recursive: true);
    }

    private static List<string> Ids(EnrichedArticle[] batch) => [.. batch.Select(article => article.Id.Value)];

    /// <summary>Each bulk request: an index action keyed by the article id, then the document the engine writes for it.</summary>
    private static void AssertBulkRequests(IReadOnlyList<EnrichedArticle[]> batches, IReadOnlyList<Elastic.Transport.ApiCallDetails> calls)
    {
        Assert.Equal(batches.Count, calls.Count);
        foreach (var (batch, call) in batches.Zip(calls))
        {
            var lines = ScriptedCluster.LinesOf(call);
            Assert.Equal(batch.Length * 2, lines.Count);
            for (var i = 0; i < batch.Length; i++)
            {
                var action = JsonNode.Parse($$"""{ "index": { "_id": "{{batch[i].Id.Value}}" } }""");
                Assert.True(JsonNode.DeepEquals(action, lines[2 * i]), lines[2 * i]!.ToJsonString());
                Assert.True(JsonNode.DeepEquals(ElasticExamples.SourceOf(ArticleSearchDocument.From(batch[i])), lines[(2 * i) + 1]), batch[i].Id.Value);
            }
        }
    }

    /// <summary>A source of seven demo articles, and the batches of three a copy sends them in: in id order, as computed here.</summary>
    private async Task<(string From, List<EnrichedArticle[]> Batches)> SevenArticlesInBatchesOfThreeAsync()
    {
        var articles = DemoCorpus.Articles.Take(7).ToList();
        Assert.Equal(7, articles.DistinctBy(article => article.Id).Count());
        var from = await SourceIndexes.WriteAsync(Path.Combine(_root, "from"), articles);
        return (from, [.. articles.OrderBy(article => article.Id.Value, StringComparer.Ordinal).Chunk(3)]);
    }

    private async Task<ReindexResult> CopyAsync(
        string from, IArticleIndex target, IProgress<ReindexProgress>? progress = null, CancellationToken? stop = null, int batchSize = 3)
    {
        using var source = LuceneArticleSource.Open(from);
        var options = new ReindexOptions { Target = Target, CheckpointPath = Checkpoint, BatchSize = batchSize };
        return await new ArticleReindexer(source, target, options).RunAsync(progress, stop ?? Cancel);
    }
}
