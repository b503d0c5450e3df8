using System.Text.Json.Nodes;
using Monitoring.Core.Search;
using HttpMethod = Elastic.Transport.HttpMethod;

namespace Monitoring.Search.Tests.Elasticsearch;

/// <summary>
/// The exact requests each operation sends, compared as parsed JSON. Expected bodies are written from
/// Elasticsearch's reference (query DSL, aggregations, highlighting, bulk), not from the program's output.
/// The client writes a lone bool clause or sort as an object and highlight fields as an ordered array;
/// the reference documents both forms.
/// </summary>
public sealed class ElasticsearchRequestTests : IDisposable
{
    private readonly ScriptedCluster _cluster = new();

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Search_SendsQueryStringWithFilters_SortPagingHighlightAndFacets()
    {
        _cluster.On(HttpMethod.POST, "/articles/_search", 200, EmptySearch());
        using var index = _cluster.CreateIndex();

        await index.SearchAsync(
            new ArticleQuery
            {
                Text = "Kosovo AND Serbia",
                Countries = ["xk", "XK", "al"],
                Topics = ["elections"],
                Languages = ["EN"],
                From = new DateOnly(2008, 2, 17),
                To = new DateOnly(2008, 2, 29),
                Sort = SearchSort.Newest,
                Skip = 10,
                Take = 5,
            },
            Cancel);

        var call = Assert.Single(_cluster.CallsTo(HttpMethod.POST, "/articles/_search"));
        Assert.Contains("typed_keys=true", call.Uri!.Query, StringComparison.Ordinal);
        AssertJson(
            """
            {
              "query": { "bool": {
                "must": { "query_string": {
                  "query": "Kosovo AND Serbia", "fields": ["title^2", "body"], "default_operator": "and",
                  "allow_leading_wildcard": false, "tie_breaker": 1 } },
                "filter": [
                  { "terms": { "country": ["XK", "AL"] } },
                  { "terms": { "topic": ["elections"] } },
                  { "terms": { "language": ["en"] } },
                  { "range": { "date": { "gte": "2008-02-17", "lte": "2008-02-29", "format": "yyyy-MM-dd" } } } ] } },
              "sort": [ { "date": { "order": "desc" } }, { "_score": { "order": "desc" } } ],
              "from": 10, "size": 5, "track_total_hits": true, "track_scores": true,
              "highlight": {
                "pre_tags": ["\uE000"], "post_tags": ["\uE001"],
                "fields": [
                  { "body": { "fragment_size": 160, "number_of_fragments": 3, "order": "score" } },
                  { "title": { "number_of_fragments": 0 } } ] },
              "aggregations": {
                "country": { "terms": { "field": "country", "size": 50, "order": [ { "_count": "desc" }, { "_key": "asc" } ] } },
                "topic": { "terms": { "field": "topic", "size": 50, "order": [ { "_count": "desc" }, { "_key": "asc" } ] } },
                "source": { "terms": { "field": "source", "size": 50, "order": [ { "_count": "desc" }, { "_key": "asc" } ] } },
                "language": { "terms": { "field": "language", "size": 50, "order": [ { "_count": "desc" }, { "_key": "asc" } ] } } }
            }
            """,
            ScriptedCluster.BodyOf(call));
    }

    [Fact]
    public async Task Search_WithoutText_MatchesAll_NewestFirst_WithoutHighlight()
    {
        _cluster.On(HttpMethod.POST, "/articles/_search", 200, EmptySearch());
        using var index = _cluster.CreateIndex();

        await index.SearchAsync(new ArticleQuery { Take = 0 }, Cancel);

        var body = ScriptedCluster.BodyOf(Assert.Single(_cluster.CallsTo(HttpMethod.POST, "/articles/_search")));
        AssertJson("""{ "bool": { "must": { "match_all": {} }, "filter": [] } }""", body["query"]);
        AssertJson("""{ "date": { "order": "desc" } }""", body["sort"]);
        Assert.Equal(0, body["size"]!.GetValue<int>());
        Assert.Null(body["highlight"]);
    }

    [Fact]
    public async Task Coverage_SendsHistogramWithTensionAndTenseCount_TopCountries_AndUndatedCount()
    {
        _cluster.On(HttpMethod.POST, "/articles/_search", 200, EmptySearch());
        using var index = _cluster.CreateIndex();

        await index.GetCoverageAsync(new CoverageQuery(new ArticleQuery { Text = "Kosovo" }, DateInterval.Week, MaxCountries: 3), Cancel);

        var body = ScriptedCluster.BodyOf(Assert.Single(_cluster.CallsTo(HttpMethod.POST, "/articles/_search")));
        const string Histogram = """
            { "date_histogram": { "field": "date", "calendar_interval": "week", "format": "yyyy-MM-dd", "min_doc_count": 0 },
              "aggregations": {
                "tension": { "avg": { "field": "tension" } },
                "tense": { "filter": { "term": { "tense": { "value": true } } } } } }
            """;
        AssertJson(
            $$"""
            {
              "query": { "bool": { "must": { "query_string": {
                "query": "Kosovo", "fields": ["title^2", "body"], "default_operator": "and",
                "allow_leading_wildcard": false, "tie_breaker": 1 } }, "filter": [] } },
              "size": 0,
              "aggregations": {
                "over_time": {{Histogram}},
                "undated": { "filter": { "term": { "undated": { "value": true } } } },
                "countries": {
                  "terms": { "field": "country", "size": 3, "order": [ { "_count": "desc" }, { "_key": "asc" } ] },
                  "aggregations": { "over_time": {{Histogram}} } } }
            }
            """,
            body);
    }

    [Fact]
    public async Task Index_CreatesTheVersionedIndexWithAlias_WhenTheAliasIsMissing_ThenBulksAndRefreshes()
    {
        _cluster
            .On(HttpMethod.HEAD, "/_alias/articles", 404, string.Empty)
            .On(HttpMethod.PUT, "/articles-v1", 200, """{ "acknowledged": true, "shards_acknowledged": true, "index": "articles-v1" }""")
            .On(HttpMethod.POST, "/articles/_bulk", 200, BulkAllOk(DemoCorpus.Articles.Take(2).Select(a => a.Id.Value)))
            .On(HttpMethod.POST, "/articles/_refresh", 200, """{ "_shards": { "total": 1, "successful": 1, "failed": 0 } }""");
        var options = ScriptedCluster.Options;
        options.Replicas = 0;
        using var index = _cluster.CreateIndex(options);

        await index.IndexAsync([.. DemoCorpus.Articles.Take(2)], Cancel);

        Assert.Equal(
            ["HEAD /_alias/articles", "PUT /articles-v1", "POST /articles/_bulk", "POST /articles/_refresh"],
            _cluster.Calls.Select(call => $"{call.HttpMethod} {call.Uri!.AbsolutePath}"));
        AssertJson(
            """
            {
              "aliases": { "articles": {} },
              "settings": {
                "number_of_shards": 1, "number_of_replicas": 0,
                "analysis": {
                  "filter": {
                    "article_english_possessive": { "type": "stemmer", "language": "possessive_english" },
                    "article_english_stop": { "type": "stop", "stopwords": ["_english_"] },
                    "article_english_stemmer": { "type": "stemmer", "language": "english" } },
                  "analyzer": {
                    "article_text": { "type": "custom", "tokenizer": "standard",
                      "filter": ["article_english_possessive", "lowercase", "serbian_normalization", "asciifolding", "article_english_stop", "article_english_stemmer"] } } } },
              "mappings": {
                "dynamic": "strict",
                "properties": {
                  "id": { "type": "keyword" },
                  "title": { "type": "text", "analyzer": "article_text", "index_options": "offsets" },
                  "body": { "type": "text", "analyzer": "article_text", "index_options": "offsets" },
                  "country": { "type": "keyword" }, "topic": { "type": "keyword" }, "person": { "type": "keyword" },
                  "source": { "type": "keyword" }, "language": { "type": "keyword" }, "story": { "type": "keyword" },
                  "date": { "type": "date", "format": "yyyy-MM-dd" },
                  "published_at": { "type": "date" }, "ingested_at": { "type": "date" },
                  "undated": { "type": "boolean" }, "tense": { "type": "boolean" },
                  "tension": { "type": "double" },
                  "article": { "type": "object", "enabled": false } } }
            }
            """,
            ScriptedCluster.BodyOf(_cluster.CallsTo(HttpMethod.PUT, "/articles-v1")[0]));
    }

    [Fact]
    public async Task Index_SendsOneIndexActionPerArticle_KeyedByItsId_WithTheSearchFields()
    {
        var article = DemoCorpus.Articles.First(a => DemoCorpus.HasCountry(a, "XK") && DemoCorpus.HasCountry(a, "RS"));
        _cluster
            .On(HttpMethod.POST, "/articles/_bulk", 200, BulkAllOk([article.Id.Value]))
            .On(HttpMethod.POST, "/articles/_refresh", 200, """{ "_shards": { "total": 1, "successful": 1, "failed": 0 } }""");
        using var index = _cluster.CreateIndex();

        await index.IndexAsync([article], Cancel);

        var lines = ScriptedCluster.LinesOf(Assert.Single(_cluster.CallsTo(HttpMethod.POST, "/articles/_bulk")));
        Assert.Equal(2, lines.Count);
        AssertJson($$"""{ "index": { "_id": "{{article.Id.Value}}" } }""", lines[0]);
        var document = lines[1];
        Assert.Equal(article.Id.Value, document["id"]!.GetValue<string>());
        Assert.Equal(article.Article.Title, document["title"]!.GetValue<string>());
        Assert.Equal(article.Article.Body, document["body"]!.GetValue<string>());
        Assert.Equal(article.Tags.Countries.Select(c => c.Code).Order(), document["country"]!.AsArray().Select(c => c!.GetValue<string>()).Order());
        Assert.Equal(DemoCorpus.DateOf(article).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), document["date"]!.GetValue<string>());
        Assert.Equal("en", document["language"]!.GetValue<string>());
        Assert.Equal(article.Tags.Tension.Value, document["tension"]!.GetValue<double>());
        Assert.False(document["undated"]!.GetValue<bool>());
        Assert.Equal(article.Id.Value, document["article"]!["Article"]!["Id"]!.GetValue<string>());
    }

    [Fact]
    public async Task FindExisting_AsksForTheIdsWithoutSource()
    {
        var ids = DemoCorpus.Articles.Take(3).Select(a => a.Id).ToList();
        _cluster.On(HttpMethod.POST, "/articles/_search", 200, EmptySearch());
        using var index = _cluster.CreateIndex();

        await index.FindExistingAsync(ids, Cancel);

        AssertJson(
            $$"""{ "query": { "ids": { "values": [{{string.Join(", ", ids.Select(id => $"\"{id.Value}\""))}}] } }, "size": 3, "_source": false }""",
            ScriptedCluster.BodyOf(Assert.Single(_cluster.CallsTo(HttpMethod.POST, "/articles/_search"))));
    }

    public void Dispose() => _cluster.Dispose();

    internal static void AssertJson(string expected, JsonNode? actual)
    {
        var expectedNode = JsonNode.Parse(expected);
        Assert.True(
            JsonNode.DeepEquals(expectedNode, actual),
            $"Expected:\n{expectedNode?.ToJsonString()}\nActual:\n{actual?.ToJsonString()}");
    }

    internal static string EmptySearch() => ElasticExamples.SearchResponse([], 0).ToJsonString();

    /// <summary>The spec's all-ok bulk response, its first item repeated for our ids.</summary>
    internal static string BulkAllOk(IEnumerable<string> ids)
    {
        var response = ElasticExamples.Load("spec-apache2/bulk_response_all_ok.json");
        var template = response["items"]![0]!;
        var items = new JsonArray();
        foreach (var id in ids)
        {
            var item = template.DeepClone();
            item["index"]!["_index"] = "articles-v1";
            item["index"]!["_id"] = id;
            items.Add(item);
        }

        response["items"] = items;
        return response.ToJsonString();
    }
}
