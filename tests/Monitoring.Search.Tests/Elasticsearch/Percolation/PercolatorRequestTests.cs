using System.Text.Json.Nodes;
using Monitoring.Core.Alerts;
using Monitoring.Search.Elasticsearch;
using Monitoring.Search.Elasticsearch.Percolation;
using static Monitoring.Search.Tests.Elasticsearch.ElasticsearchRequestTests;
using static Monitoring.Search.Tests.Elasticsearch.Percolation.PercolatorExamples;
using HttpMethod = Elastic.Transport.HttpMethod;

namespace Monitoring.Search.Tests.Elasticsearch.Percolation;

/// <summary>
/// The exact requests of the alert percolator, compared as parsed JSON, written from Elasticsearch's
/// reference (percolator field type, percolate query, index/delete APIs, search_after).
/// </summary>
public sealed class PercolatorRequestTests : IDisposable
{
    private readonly ScriptedCluster _cluster = new();

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task FirstUse_CreatesThePercolatorIndex_WithTheArticlesMappingsAndAnalysis_AQueryFieldAndTheAlertId()
    {
        _cluster
            .On(HttpMethod.HEAD, "/_alias/alerts", 404, string.Empty)
            .On(HttpMethod.PUT, "/alerts-v2", 200, Created)
            .On(HttpMethod.PUT, "/alerts/_doc/alert-1", 201, Stored("alert-1"));
        using var percolator = _cluster.CreatePercolator(SingleNodeOptions());

        await percolator.RegisterAsync("alert-1", new ArticleQuery { Text = "Kosovo" }, Cancel);

        Assert.Equal(
            ["HEAD /_alias/alerts", "PUT /alerts-v2", "PUT /alerts/_doc/alert-1"],
            _cluster.Calls.Select(call => $"{call.HttpMethod} {call.Uri!.AbsolutePath}"));
        var expected = JsonNode.Parse(ArticleIndexBody)!.AsObject();
        var properties = expected["mappings"]!["properties"]!.AsObject();
        properties["query"] = JsonNode.Parse("""{ "type": "percolator" }""");
        properties["alert_id"] = JsonNode.Parse("""{ "type": "keyword" }""");
        expected["aliases"] = JsonNode.Parse("""{ "alerts": {} }""");
        AssertJson(expected.ToJsonString(), ScriptedCluster.BodyOf(Assert.Single(_cluster.CallsTo(HttpMethod.PUT, "/alerts-v2"))));
    }

    [Fact]
    public async Task Register_StoresTheQueryAsASearchSendsIt_TextAndEveryFilter_AndRefreshes()
    {
        _cluster.On(HttpMethod.PUT, "/alerts/_doc/alert-1", 201, Stored("alert-1"));
        using var percolator = _cluster.CreatePercolator();

        await percolator.RegisterAsync(
            "alert-1",
            new ArticleQuery
            {
                Text = "Kosovo",
                Countries = ["xk"],
                From = new DateOnly(2008, 2, 17),
                To = new DateOnly(2008, 2, 29),
                MinTension = 20,
                Sort = SearchSort.Newest,
                Skip = 10,
                Take = 5,
            },
            Cancel);

        var call = Assert.Single(_cluster.CallsTo(HttpMethod.PUT, "/alerts/_doc/alert-1"));
        Assert.Contains("refresh=true", call.Uri!.Query, StringComparison.Ordinal);

        // Kosovo → kosov in title (boost 2) or body; 17 Feb 2008 00:00 and 1 Mar 2008 00:00 in Belgrade
        // (UTC+1) as Unix milliseconds; the country filter in the query itself (an alert has no facets).
        // Sort and paging are not part of a stored query.
        AssertJson(
            """
            {
              "alert_id": "alert-1",
              "query": { "bool": {
                "must": { "bool": { "should": [
                  { "term": { "title": { "value": "kosov", "boost": 2 } } },
                  { "term": { "body": { "value": "kosov" } } } ], "minimum_should_match": 1 } },
                "filter": [
                  { "range": { "published": { "gte": 1203202800000, "lt": 1204326000000 } } },
                  { "range": { "tension": { "gte": 20 } } },
                  { "terms": { "country": ["XK"] } } ] } }
            }
            """,
            ScriptedCluster.BodyOf(call));
    }

    [Fact]
    public async Task Register_WithoutText_StoresMatchAllWithTheFilters()
    {
        _cluster.On(HttpMethod.PUT, "/alerts/_doc/about-serbia", 201, Stored("about-serbia"));
        using var percolator = _cluster.CreatePercolator();

        await percolator.RegisterAsync("about-serbia", new ArticleQuery { Countries = ["RS"], CountryMode = CountryMode.About }, Cancel);

        AssertJson(
            """
            { "alert_id": "about-serbia",
              "query": { "bool": { "must": { "match_all": {} }, "filter": { "terms": { "about_country": ["RS"] } } } } }
            """,
            ScriptedCluster.BodyOf(Assert.Single(_cluster.Calls, call => call.HttpMethod == HttpMethod.PUT)));
    }

    [Fact]
    public async Task Register_RefusesTextThatDoesNotParse_OrAnUnknownTimeZone_BeforeSendingAnything()
    {
        using var percolator = _cluster.CreatePercolator();

        var error = await Assert.ThrowsAsync<InvalidQueryException>(
            () => percolator.RegisterAsync("alert-1", new ArticleQuery { Text = "Kosovo AND (Serbia" }, Cancel));
        await Assert.ThrowsAsync<ArgumentException>(
            () => percolator.RegisterAsync("alert-1", new ArticleQuery { From = new DateOnly(2025, 1, 1), TimeZone = "Europe/Atlantis" }, Cancel));

        Assert.Equal(12, error.Position);
        Assert.Empty(_cluster.Calls);
    }

    [Fact]
    public async Task Remove_DeletesTheAlertsDocument_AndRefreshes_AnUnknownIdIsNoError()
    {
        _cluster
            .On(HttpMethod.DELETE, "/alerts/_doc/alert-1", 200, Deleted("alert-1", found: true))
            .On(HttpMethod.DELETE, "/alerts/_doc/never", 404, Deleted("never", found: false));
        using var percolator = _cluster.CreatePercolator();

        await percolator.RemoveAsync("alert-1", Cancel);
        await percolator.RemoveAsync("never", Cancel);

        var call = Assert.Single(_cluster.CallsTo(HttpMethod.DELETE, "/alerts/_doc/alert-1"));
        Assert.Contains("refresh=true", call.Uri!.Query, StringComparison.Ordinal);
        Assert.Single(_cluster.CallsTo(HttpMethod.DELETE, "/alerts/_doc/never"));
    }

    [Fact]
    public async Task Registered_PagesThroughEveryAlert_ByAlertId_WithoutSource()
    {
        var first = Enumerable.Range(0, ElasticsearchAlertPercolator.PageSize).Select(i => (AlertId(i), (int[]?)null));
        var last = new[] { (AlertId(ElasticsearchAlertPercolator.PageSize), (int[]?)null) };
        _cluster.On(HttpMethod.POST, AlertsSearch, 200, Page(first), (200, Page(last)));
        using var percolator = _cluster.CreatePercolator();

        var registered = await percolator.RegisteredAsync(Cancel);

        Assert.Equal(1_001, registered.Count);
        Assert.Contains("alert-1000", registered);
        var pages = _cluster.CallsTo(HttpMethod.POST, AlertsSearch).Select(ScriptedCluster.BodyOf).ToList();
        Assert.Equal(2, pages.Count);
        const string Listing = """
            { "query": { "match_all": {} }, "sort": { "alert_id": { "order": "asc" } },
              "size": 1000, "_source": false, "track_total_hits": false
            """;
        AssertJson(Listing + "}", pages[0]);
        AssertJson(Listing + """, "search_after": ["alert-0999"] }""", pages[1]);
    }

    [Fact]
    public async Task Percolate_SendsTheNewArticles_AsTheDocumentsOfOnePercolateQuery_InTheShapeTheArticlesIndexGets()
    {
        var articles = DemoCorpus.Articles.Take(3).ToList();
        _cluster
            .On(HttpMethod.POST, AlertsSearch, 200, Page([]))
            .On(HttpMethod.POST, "/articles/_bulk", 200, BulkAllOk(articles.Select(a => a.Id.Value)))
            .On(HttpMethod.POST, "/articles/_refresh", 200, """{ "_shards": { "total": 1, "successful": 1, "failed": 0 } }""");
        using var percolator = _cluster.CreatePercolator();
        using var index = _cluster.CreateIndex();

        // The first article twice: it is one document.
        await percolator.PercolateAsync([.. articles, articles[0]], Cancel);
        await index.IndexAsync(articles, Cancel);

        var body = ScriptedCluster.BodyOf(Assert.Single(_cluster.CallsTo(HttpMethod.POST, AlertsSearch)));
        var documents = body["query"]!["percolate"]!["documents"]!.AsArray();
        var indexed = ScriptedCluster.LinesOf(Assert.Single(_cluster.CallsTo(HttpMethod.POST, "/articles/_bulk"))).Where((_, line) => line % 2 == 1);
        Assert.Equal(articles.Select(a => a.Id.Value), documents.Select(document => document!["id"]!.GetValue<string>()));
        Assert.Equal(indexed.Select(document => document.ToJsonString()), documents.Select(document => document!.ToJsonString()));
        AssertJson(
            $$"""
            { "query": { "percolate": { "field": "query", "documents": {{documents.ToJsonString()}} } },
              "sort": { "alert_id": { "order": "asc" } }, "size": 1000, "_source": false, "track_total_hits": false }
            """,
            body);
    }

    [Fact]
    public async Task Percolate_PagesThroughAllMatchingAlerts_SendingTheSameDocumentsEachTime()
    {
        var articles = DemoCorpus.Articles.Take(3).ToList();
        var first = Enumerable.Range(0, ElasticsearchAlertPercolator.PageSize).Select(i => (AlertId(i), (int[]?)[i % 3]));
        var last = new[] { (AlertId(ElasticsearchAlertPercolator.PageSize), (int[]?)[0, 2]) };
        _cluster.On(HttpMethod.POST, AlertsSearch, 200, Page(first), (200, Page(last)));
        using var percolator = _cluster.CreatePercolator();

        var matches = await percolator.PercolateAsync(articles, Cancel);

        Assert.Equal(1_002, matches.Count);
        Assert.Equal(new PercolatorMatch("alert-0998", articles[998 % 3].Id), matches[998]);
        Assert.Equal([new PercolatorMatch("alert-1000", articles[0].Id), new PercolatorMatch("alert-1000", articles[2].Id)], matches.Skip(1_000));
        var pages = _cluster.CallsTo(HttpMethod.POST, AlertsSearch).Select(ScriptedCluster.BodyOf).ToList();
        Assert.Equal(2, pages.Count);
        AssertJson("""["alert-0999"]""", pages[1]["search_after"]);
        AssertJson(pages[0]["query"]!.ToJsonString(), pages[1]["query"]);
    }

    [Fact]
    public async Task Percolate_WithoutArticles_SendsNothing()
    {
        using var percolator = _cluster.CreatePercolator();

        Assert.Empty(await percolator.PercolateAsync([], Cancel));
        Assert.Empty(_cluster.Calls);
    }

    [Fact]
    public void ThePercolatorIndex_IsVersionedWithTheArticlesIndex()
    {
        // A new articles definition (fields, analysis) must give a new alerts index: its stored queries
        // are parsed against that definition.
        Assert.Equal(ArticleIndexDefinition.Version, AlertIndexDefinition.ArticleVersion);
    }

    public void Dispose() => _cluster.Dispose();
}
