using Monitoring.Core.Alerts;
using Monitoring.Search.Elasticsearch;
using Monitoring.Search.Elasticsearch.Percolation;
using static Monitoring.Search.Tests.Elasticsearch.Percolation.PercolatorExamples;
using HttpMethod = Elastic.Transport.HttpMethod;

namespace Monitoring.Search.Tests.Elasticsearch.Percolation;

/// <summary>
/// How the percolator reads Elasticsearch's answers: the percolate responses of Elastic's docs, whole
/// (source, highlight, score) with only the ids changed, and the errors the product must survive.
/// </summary>
public sealed class PercolatorResponseTests : IDisposable
{
    private readonly ScriptedCluster _cluster = new();

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task DocumentSlots_OfTheDocsMultiDocumentExample_AreMappedBackToTheArticles()
    {
        // One stored query matching documents 0, 1 and 3 of four (the docs' "bonsai tree" example).
        var articles = DemoCorpus.Articles.Take(4).ToList();
        var response = ElasticExamples.Load("es-docs/percolate_search_response_multi_doc_highlight.json");
        response["hits"]!["hits"]![0]!["_id"] = "bonsai";
        _cluster.On(HttpMethod.POST, AlertsSearch, 200, response);
        using var percolator = _cluster.CreatePercolator();

        var matches = await percolator.PercolateAsync(articles, Cancel);

        Assert.Equal([articles[0].Id, articles[1].Id, articles[3].Id], matches.Select(match => match.ArticleId));
        Assert.All(matches, match => Assert.Equal("bonsai", match.AlertId));
    }

    [Fact]
    public async Task EachMatchingQuery_OfTheDocsExample_GivesItsOwnMatch()
    {
        // Two stored queries (ids 3 and 4 in the docs) each matching the single document, slot 0.
        var article = DemoCorpus.Articles[7];
        var response = ElasticExamples.Load("es-docs/percolate_search_response_with_highlight.json");
        _cluster.On(HttpMethod.POST, AlertsSearch, 200, response);
        using var percolator = _cluster.CreatePercolator();

        var matches = await percolator.PercolateAsync([article], Cancel);

        Assert.Equal([new PercolatorMatch("3", article.Id), new PercolatorMatch("4", article.Id)], matches);
    }

    [Fact]
    public async Task TheDocsSingleDocumentExample_GivesOneMatch()
    {
        var article = DemoCorpus.Articles[2];
        var response = ElasticExamples.Load("es-docs/percolate_search_response_single_doc.json");
        response["hits"]!["hits"]![0]!["_id"] = "alert-7";
        _cluster.On(HttpMethod.POST, AlertsSearch, 200, response);
        using var percolator = _cluster.CreatePercolator();

        Assert.Equal([new PercolatorMatch("alert-7", article.Id)], await percolator.PercolateAsync([article], Cancel));
    }

    [Fact]
    public async Task AHitWithoutDocumentSlots_IsAnError_NotAMissedMatch()
    {
        var response = Page([("alert-1", null)]);
        _cluster.On(HttpMethod.POST, AlertsSearch, 200, response);
        using var percolator = _cluster.CreatePercolator();

        var error = await Assert.ThrowsAsync<ElasticsearchRequestException>(() => percolator.PercolateAsync([DemoCorpus.Articles[0]], Cancel));

        Assert.Contains("_percolator_document_slot", error.Message, StringComparison.Ordinal);
        Assert.Contains("alert-1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AQueryTheClusterRefusesToStore_400_BecomesInvalidQueryException_WithTheClustersReason()
    {
        const string Text = "k* AND s*";
        _cluster.On(
            HttpMethod.PUT,
            "/alerts/_doc/alert-1",
            400,
            ElasticExamples.Error(400, "document_parsing_exception", "failed to parse field [query] of type [percolator] in document with id 'alert-1'"));
        using var percolator = _cluster.CreatePercolator();

        var error = await Assert.ThrowsAsync<InvalidQueryException>(() => percolator.RegisterAsync("alert-1", new ArticleQuery { Text = Text }, Cancel));

        Assert.Equal(Text, error.QueryText);
        Assert.Contains("failed to parse field [query] of type [percolator]", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task APercolationTheClusterRefuses_400_NamesTheUrlStatusAndReason()
    {
        _cluster.On(HttpMethod.POST, AlertsSearch, 400, ElasticExamples.Error(400, "strict_dynamic_mapping_exception", "mapping set to strict, dynamic introduction of [extra] within [_doc] is not allowed"));
        using var percolator = _cluster.CreatePercolator();

        var error = await Assert.ThrowsAsync<ElasticsearchRequestException>(() => percolator.PercolateAsync([DemoCorpus.Articles[0]], Cancel));

        Assert.Equal(400, error.StatusCode);
        Assert.Equal("strict_dynamic_mapping_exception", error.ErrorType);
        Assert.Contains($"{ScriptedCluster.NodeUrl}{AlertsSearch}", error.Message, StringComparison.Ordinal);
        Assert.Contains("percolating new articles", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AMissingIndex_IsCreatedAgain_AndThePercolationRepeated()
    {
        var article = DemoCorpus.Articles[0];
        _cluster
            .On(HttpMethod.HEAD, "/_alias/alerts", 200, string.Empty, (404, string.Empty))
            .On(HttpMethod.PUT, "/alerts-v2", 200, Created)
            .On(HttpMethod.POST, AlertsSearch, 404, ElasticExamples.Error(404, "index_not_found_exception", "no such index [alerts]"), (200, Page([]).ToJsonString()));
        using var percolator = _cluster.CreatePercolator();

        var matches = await percolator.PercolateAsync([article], Cancel);

        Assert.Empty(matches);
        Assert.Single(_cluster.CallsTo(HttpMethod.PUT, "/alerts-v2"));
        Assert.Equal(2, _cluster.CallsTo(HttpMethod.POST, AlertsSearch).Count);
    }

    [Fact]
    public async Task ANodeThatDoesNotAnswer_GivesAClearErrorNamingTheUrl()
    {
        // Port 1 on the loopback interface: nothing listens, the connection is refused at once.
        var options = new ElasticsearchSearchOptions { Urls = ["http://127.0.0.1:1"], RequestTimeout = TimeSpan.FromSeconds(5) };
        using var percolator = new ElasticsearchAlertPercolator(options);

        var error = await Assert.ThrowsAsync<ElasticsearchRequestException>(() => percolator.RegisteredAsync(Cancel));

        Assert.Null(error.StatusCode);
        Assert.Contains("did not answer", error.Message, StringComparison.Ordinal);
        Assert.Contains("http://127.0.0.1:1/", error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _cluster.Dispose();
}
