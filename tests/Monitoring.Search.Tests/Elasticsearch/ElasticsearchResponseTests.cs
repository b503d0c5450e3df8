using System.Text.Json.Nodes;
using Elastic.Clients.Elasticsearch;
using Monitoring.Core.Enrichment;
using Monitoring.Core.Search;
using Monitoring.Search.Elasticsearch;
using HttpMethod = Elastic.Transport.HttpMethod;

namespace Monitoring.Search.Tests.Elasticsearch;

/// <summary>
/// How the engine reads Elasticsearch's answers and survives its failures. Responses are built from the
/// Elastic-written examples (see <see cref="ElasticExamples"/>). The examples' aggregations use plain
/// names; the client always asks for typed_keys, so the tests derive typed copies ("sterms#country",
/// "date_histogram#over_time", "avg#tension", "filter#tense") of the same shapes.
/// </summary>
public sealed class ElasticsearchResponseTests : IDisposable
{
    private const string Search = "/articles/_search";
    private const string Bulk = "/articles/_bulk";
    private const string Refresh = "/articles/_refresh";
    private const string RefreshOk = """{ "_shards": { "total": 1, "successful": 1, "failed": 0 } }""";

    private readonly ScriptedCluster _cluster = new();

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Search_ReadsHits_HighlightsAsPlainParts_AndTypedFacets()
    {
        var highlighted = DemoCorpus.Articles.First(a => DemoCorpus.Mentions(a, "Kosovo"));
        var plain = DemoCorpus.Articles.First(a => a != highlighted);
        var at = highlighted.Article.Body.IndexOf("Kosovo", StringComparison.Ordinal);
        var before = highlighted.Article.Body[Math.Max(0, at - 40)..at];
        var fragment = $"{before}\uE000Kosovo\uE001 <b>&";
        var aggregations = new JsonObject
        {
            // Each facet is a filter aggregation (other facets' filters) around the terms aggregation "values".
            ["filter#country"] = Facet(12, ElasticExamples.Terms(("XK", 7, null), ("RS", 3, null))),
            ["filter#topic"] = Facet(10, ElasticExamples.Terms()),
            ["filter#person"] = Facet(10, ElasticExamples.Terms(("Aleksandar Vučić", 2, null))),
            ["filter#source"] = Facet(10, ElasticExamples.Terms(("Wikipedia", 10, null))),
            ["filter#language"] = Facet(10, ElasticExamples.Terms(("en", 10, null))),
            ["filter#outlet_country"] = Facet(10, ElasticExamples.Terms(("RS", 6, null), ("XK", 4, null))),
            ["filter#outlet_kind"] = Facet(10, ElasticExamples.Terms(("public-broadcaster", 6, null))),
            ["filter#outlet_group"] = Facet(10, ElasticExamples.Terms(("2", 6, null), ("11", 4, null))),
        };
        _cluster.On(HttpMethod.POST, Search, 200, ElasticExamples.SearchResponse(
            [
                (ArticleSearchDocument.From(highlighted), 3.5, new JsonObject { ["body"] = new JsonArray(fragment) }),
                (ArticleSearchDocument.From(plain), 1.25, null),
            ],
            total: 10,
            aggregations));
        using var index = _cluster.CreateIndex();

        var result = await index.SearchAsync(new ArticleQuery { Text = "Kosovo" }, Cancel);

        Assert.Equal(10, result.Total);
        Assert.Equal([highlighted.Id, plain.Id], result.Hits.Select(hit => hit.Article.Id));
        Assert.Equal([3.5, 1.25], result.Hits.Select(hit => hit.Score));
        Assert.Equal(highlighted.Tags.Tension.Value, result.Hits[0].Article.Tags.Tension.Value);
        var snippet = Assert.Single(result.Hits[0].Snippets);
        Assert.Equal([new SnippetPart(before.TrimStart(), false), new SnippetPart("Kosovo", true), new SnippetPart(" <b>&", false)], snippet.Parts);
        var lead = Assert.Single(Assert.Single(result.Hits[1].Snippets).Parts);
        Assert.False(lead.IsMatch);
        Assert.StartsWith(lead.Text, plain.Article.Body, StringComparison.Ordinal);
        Assert.Equal([new FacetCount("XK", 7), new FacetCount("RS", 3)], result.Facets.Countries);
        Assert.Empty(result.Facets.Topics);
        Assert.Equal([new FacetCount("Wikipedia", 10)], result.Facets.Sources);
        Assert.Equal([new FacetCount("en", 10)], result.Facets.Languages);
        Assert.Equal([new FacetCount("Aleksandar Vučić", 2)], result.Facets.People);
        Assert.Equal([new FacetCount("RS", 6), new FacetCount("XK", 4)], result.Facets.OutletCountries);
        Assert.Equal([new FacetCount("public-broadcaster", 6)], result.Facets.OutletKinds);
        Assert.Equal([new FacetCount("2", 6), new FacetCount("11", 4)], result.Facets.OutletGroups);
        Assert.Null(result.NextCursor);
    }

    [Fact]
    public async Task Search_ReadsTheDistinctStoriesAndSources_FromTypedCardinalities()
    {
        // A cardinality aggregation answers { "value": n } (reference docs); typed as "cardinality#…"
        // inside the "filter#distinct" filter aggregation.
        var aggregations = new JsonObject
        {
            ["filter#distinct"] = new JsonObject
            {
                ["doc_count"] = 40,
                ["cardinality#stories"] = new JsonObject { ["value"] = 31 },
                ["cardinality#sources"] = new JsonObject { ["value"] = 6 },
            },
        };
        _cluster.On(HttpMethod.POST, Search, 200, ElasticExamples.SearchResponse([], total: 40, aggregations));
        using var index = _cluster.CreateIndex();

        var result = await index.SearchAsync(new ArticleQuery { Take = 0 }, Cancel);

        Assert.Equal(40, result.Total);
        Assert.Equal(31, result.DistinctStories);
        Assert.Equal(6, result.DistinctSources);
    }

    [Fact]
    public async Task Search_WithoutTheDistinctAggregation_CountsNoStories()
    {
        _cluster.On(HttpMethod.POST, Search, 200, ElasticExamples.SearchResponse([], total: 0));
        using var index = _cluster.CreateIndex();

        var result = await index.SearchAsync(new ArticleQuery { Take = 0 }, Cancel);

        Assert.Equal(0, result.DistinctStories);
        Assert.Equal(0, result.DistinctSources);
    }

    [Fact]
    public async Task SignificantTerms_ReadsTypedSignificantBuckets_InsideAndOutsideTheSampler_WithTheWordsAsWritten()
    {
        // A significant_terms (and significant_text) result is { doc_count, bg_count, buckets: [{ key, doc_count,
        // score, bg_count }] } (reference docs), typed "sigsterms#…"; the sampler's is "sampler#…" with its doc_count.
        static JsonObject Significant(long docCount, long bgCount, params (string Key, long DocCount, double Score, long BgCount)[] buckets) => new()
        {
            ["doc_count"] = docCount,
            ["bg_count"] = bgCount,
            ["buckets"] = new JsonArray([.. buckets.Select(bucket => (JsonNode)new JsonObject
            {
                ["key"] = bucket.Key,
                ["doc_count"] = bucket.DocCount,
                ["score"] = bucket.Score,
                ["bg_count"] = bucket.BgCount,
            })]),
        };
        var aggregations = new JsonObject
        {
            ["sigsterms#significant_people"] = Significant(12, 1180, ("Ratko Mladić", 6, 28.4, 9), ("Radovan Karadžić", 5, 17.1, 11)),
            ["sigsterms#significant_countries"] = Significant(12, 1180, ("BA", 11, 4.9, 180)),
            ["sampler#sample"] = new JsonObject
            {
                ["doc_count"] = 12,
                ["sigsterms#significant_words"] = Significant(12, 1180, ("genocid", 5, 35.2, 6), ("dayton", 3, 12.0, 4)),
            },
        };
        var sample = new[]
        {
            DemoCorpus.Headline("Genocide memorial at Srebrenica visited", "Test"),
            DemoCorpus.Headline("Court rules on the Srebrenica genocide", "Test"),
        };
        _cluster.On(HttpMethod.POST, Search, 200, ElasticExamples.SearchResponse(
            sample.Select(article => (ArticleSearchDocument.From(article), 1.0, (JsonObject?)null)), total: 12, aggregations));
        using var index = _cluster.CreateIndex();

        var found = await index.GetSignificantTermsAsync(new SignificantTermsQuery(new ArticleQuery { Text = "Srebrenica" }), Cancel);

        Assert.Equal((12, 12, 1180), (found.Matches, found.Sampled, found.Indexed));
        Assert.Equal(
            [("Ratko Mladić", 6L, 9L, 28.4), ("Radovan Karadžić", 5L, 11L, 17.1)],
            found.People.Select(person => (person.Value, person.MatchCount, person.IndexCount, person.Score)));
        Assert.Equal("BA", Assert.Single(found.Countries).Value);
        // A word the sample does not hold (as can happen when hits and sampler disagree) reads as its value.
        Assert.Equal([("genocid", "Genocide"), ("dayton", "dayton")], found.Words.Select(word => (word.Value, word.Label)));
    }

    [Fact]
    public async Task Coverage_ReadsTypedHistogram_FillsEmptyBuckets_AndCountsUndatedAndImplausible()
    {
        // The docs' date_histogram example: monthly buckets for January to March 2015 with a metric
        // sub-aggregation. Its "sales" metric becomes our average tension; February is taken out to
        // show the gap being filled, and each bucket gets a tense-count filter.
        var example = ElasticExamples.Load("es-docs/aggs_date_histogram_sum_subagg_avg_bucket_fragment_untyped.json");
        var monthly = example["aggregations"]!["sales_per_month"]!.DeepClone();
        var buckets = monthly["buckets"]!.AsArray();
        buckets.RemoveAt(1);
        foreach (var bucket in buckets.Select(b => b!.AsObject()))
        {
            // The request asks for format yyyy-MM-dd; the example used its own format.
            bucket["key_as_string"] = DateTimeOffset.FromUnixTimeMilliseconds(bucket["key"]!.GetValue<long>()).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            bucket["avg#tension"] = bucket["sales"]!.DeepClone();
            bucket.Remove("sales");
            bucket["filter#tense"] = new JsonObject { ["doc_count"] = 1 };
        }

        var marchOnly = monthly.DeepClone();
        marchOnly["buckets"]!.AsArray().RemoveAt(0);
        // Everything charted sits in the filter aggregation "charted"; "implausible_dates" counts the rest.
        var aggregations = new JsonObject
        {
            ["filter#charted"] = new JsonObject
            {
                ["doc_count"] = 5,
                ["date_histogram#over_time"] = monthly,
                ["filter#undated"] = new JsonObject { ["doc_count"] = 2 },
                ["sterms#countries"] = ElasticExamples.Terms(("XK", 2, new JsonObject { ["date_histogram#over_time"] = marchOnly })),
            },
            ["filter#implausible_dates"] = new JsonObject { ["doc_count"] = 3 },
        };
        _cluster.On(HttpMethod.POST, Search, 200, ElasticExamples.SearchResponse([], 8, aggregations));
        using var index = _cluster.CreateIndex();

        var trend = await index.GetCoverageAsync(new CoverageQuery(new ArticleQuery(), DateInterval.Month), Cancel);

        // Keys 1420070400000 and 1425168000000 are 2015-01-01 and 2015-03-01; counts and values as in the example.
        Assert.Equal(
            [
                new DateBucket(new DateOnly(2015, 1, 1), 3, 550.0) { TenseCount = 1 },
                new DateBucket(new DateOnly(2015, 2, 1), 0, null),
                new DateBucket(new DateOnly(2015, 3, 1), 2, 375.0) { TenseCount = 1 },
            ],
            trend.Total);
        var kosovo = Assert.Single(trend.Countries);
        Assert.Equal("XK", kosovo.CountryCode);
        Assert.Equal([0L, 0L, 2L], kosovo.Buckets.Select(bucket => bucket.Count));
        Assert.Equal(2, trend.UndatedCount);
        Assert.Equal(3, trend.ImplausibleDateCount);
    }

    [Fact]
    public async Task CoverageSplitByOutletGroups_ReadsEachGroupsHistogramAndTopics_InTheOrderAsked_AGroupWithoutMatchesAsZeros()
    {
        // The docs' date_histogram example (January and March 2015, typed keys and our sub-aggregations as in the test
        // above) under a terms bucket of group "7", with the docs' terms shape for its topics; group "3" had no match,
        // so Elasticsearch returns no bucket for it.
        var example = ElasticExamples.Load("es-docs/aggs_date_histogram_sum_subagg_avg_bucket_fragment_untyped.json");
        var monthly = example["aggregations"]!["sales_per_month"]!.DeepClone();
        monthly["buckets"]!.AsArray().RemoveAt(1);
        foreach (var bucket in monthly["buckets"]!.AsArray().Select(b => b!.AsObject()))
        {
            bucket["key_as_string"] = DateTimeOffset.FromUnixTimeMilliseconds(bucket["key"]!.GetValue<long>()).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            bucket["avg#tension"] = bucket["sales"]!.DeepClone();
            bucket.Remove("sales");
            bucket["filter#tense"] = new JsonObject { ["doc_count"] = 1 };
        }

        var aggregations = new JsonObject
        {
            ["filter#charted"] = new JsonObject
            {
                ["doc_count"] = 5,
                ["date_histogram#over_time"] = monthly.DeepClone(),
                ["filter#undated"] = new JsonObject { ["doc_count"] = 0 },
                ["sterms#outlet_groups"] = ElasticExamples.Terms(("7", 5, new JsonObject
                {
                    ["date_histogram#over_time"] = monthly.DeepClone(),
                    ["sterms#topics"] = ElasticExamples.Terms(("elections", 3, null), ("economy", 1, null)),
                })),
            },
            ["filter#implausible_dates"] = new JsonObject { ["doc_count"] = 0 },
        };
        _cluster.On(HttpMethod.POST, Search, 200, ElasticExamples.SearchResponse([], 5, aggregations));
        using var index = _cluster.CreateIndex();

        var trend = await index.GetCoverageAsync(
            new CoverageQuery(new ArticleQuery(), DateInterval.Month, MaxCountries: 0) { SplitByOutletGroups = ["3", "7"] }, Cancel);

        Assert.Equal(["3", "7"], trend.OutletGroups.Select(series => series.GroupId));
        Assert.Equal([0L, 0, 0], trend.OutletGroups[0].Buckets.Select(bucket => bucket.Count));
        Assert.Empty(trend.OutletGroups[0].Topics);
        Assert.Equal(
            [
                new DateBucket(new DateOnly(2015, 1, 1), 3, 550.0) { TenseCount = 1 },
                new DateBucket(new DateOnly(2015, 2, 1), 0, null),
                new DateBucket(new DateOnly(2015, 3, 1), 2, 375.0) { TenseCount = 1 },
            ],
            trend.OutletGroups[1].Buckets);
        Assert.Equal([new FacetCount("elections", 3), new FacetCount("economy", 1)], trend.OutletGroups[1].Topics);
    }

    [Fact]
    public async Task Coverage_OfImplausibleDatesOnly_HasNoBuckets_ButCountsThem()
    {
        // A histogram over no document: the docs' example with its buckets emptied (min_doc_count 0 and
        // no bounds give none).
        var example = ElasticExamples.Load("es-docs/aggs_date_histogram_sum_subagg_avg_bucket_fragment_untyped.json");
        var empty = example["aggregations"]!["sales_per_month"]!.DeepClone();
        empty["buckets"] = new JsonArray();
        var aggregations = new JsonObject
        {
            ["filter#charted"] = new JsonObject
            {
                ["doc_count"] = 0,
                ["date_histogram#over_time"] = empty,
                ["filter#undated"] = new JsonObject { ["doc_count"] = 0 },
                ["sterms#countries"] = ElasticExamples.Terms(),
            },
            ["filter#implausible_dates"] = new JsonObject { ["doc_count"] = 2 },
        };
        _cluster.On(HttpMethod.POST, Search, 200, ElasticExamples.SearchResponse([], 2, aggregations));
        using var index = _cluster.CreateIndex();

        var trend = await index.GetCoverageAsync(new CoverageQuery(new ArticleQuery { Text = "Kosovo" }, DateInterval.Day), Cancel);

        Assert.Empty(trend.Total);
        Assert.Empty(trend.Countries);
        Assert.Equal(0, trend.UndatedCount);
        Assert.Equal(2, trend.ImplausibleDateCount);
    }

    [Fact]
    public async Task Bulk_ItemErrors_AreRaisedWithTheirReasons_AfterTheRestIsIndexedAndRefreshed()
    {
        var articles = DemoCorpus.Articles.Take(3).ToList();
        _cluster
            .On(HttpMethod.POST, Bulk, 200, BulkWithErrors(articles[0].Id.Value, articles[1].Id.Value, createdId: articles[2].Id.Value))
            .On(HttpMethod.POST, Refresh, 200, RefreshOk);
        using var index = _cluster.CreateIndex();

        var error = await Assert.ThrowsAsync<ElasticsearchIndexingException>(() => index.IndexAsync(articles, Cancel));

        Assert.Equal([articles[0].Id.Value, articles[1].Id.Value], error.Failures.Select(failure => failure.ArticleId));
        Assert.All(error.Failures, failure => Assert.Equal((404, "document_missing_exception"), (failure.Status, failure.ErrorType)));
        Assert.Contains("document missing", error.Message, StringComparison.Ordinal);
        Assert.Single(_cluster.CallsTo(HttpMethod.POST, Bulk));
        Assert.Single(_cluster.CallsTo(HttpMethod.POST, Refresh));
    }

    [Fact]
    public async Task Bulk_RefusedWith429_IsSentAgain_AndSucceeds()
    {
        var articles = DemoCorpus.Articles.Take(2).ToList();
        _cluster
            .On(HttpMethod.POST, Bulk, 429, ElasticExamples.Error(429, "es_rejected_execution_exception", "rejected execution of coordinating operation"),
                (200, ElasticsearchRequestTests.BulkAllOk(articles.Select(a => a.Id.Value))))
            .On(HttpMethod.POST, Refresh, 200, RefreshOk);
        using var index = _cluster.CreateIndex();

        await index.IndexAsync(articles, Cancel);

        var bulks = _cluster.CallsTo(HttpMethod.POST, Bulk);
        Assert.Equal(2, bulks.Count);
        Assert.Equal(ScriptedCluster.LinesOf(bulks[0]).Count, ScriptedCluster.LinesOf(bulks[1]).Count);
    }

    [Fact]
    public async Task Bulk_ItemsRefusedWith429_AreSentAgainAlone()
    {
        var articles = DemoCorpus.Articles.Take(3).ToList();
        var firstAnswer = JsonNode.Parse(ElasticsearchRequestTests.BulkAllOk(articles.Select(a => a.Id.Value)))!;
        firstAnswer["errors"] = true;
        var refused = firstAnswer["items"]![1]!["index"]!;
        refused["status"] = 429;
        refused["error"] = new JsonObject { ["type"] = "es_rejected_execution_exception", ["reason"] = "rejected execution" };
        _cluster
            .On(HttpMethod.POST, Bulk, 200, firstAnswer.ToJsonString(), (200, ElasticsearchRequestTests.BulkAllOk([articles[1].Id.Value])))
            .On(HttpMethod.POST, Refresh, 200, RefreshOk);
        using var index = _cluster.CreateIndex();

        await index.IndexAsync(articles, Cancel);

        var retry = ScriptedCluster.LinesOf(_cluster.CallsTo(HttpMethod.POST, Bulk)[1]);
        Assert.Equal(2, retry.Count);
        Assert.Equal(articles[1].Id.Value, retry[0]["index"]!["_id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Bulk_StillRefusedAfterTheRetryBudget_FailsClearly()
    {
        var articles = DemoCorpus.Articles.Take(2).ToList();
        _cluster
            .On(HttpMethod.POST, Bulk, 429, ElasticExamples.Error(429, "es_rejected_execution_exception", "rejected execution of coordinating operation"))
            .On(HttpMethod.POST, Refresh, 200, RefreshOk);
        using var index = _cluster.CreateIndex();

        var error = await Assert.ThrowsAsync<ElasticsearchIndexingException>(() => index.IndexAsync(articles, Cancel));

        Assert.Equal(ScriptedCluster.Options.RetryCount + 1, _cluster.CallsTo(HttpMethod.POST, Bulk).Count);
        Assert.Equal(2, error.Failures.Count);
        Assert.Contains("es_rejected_execution_exception", error.Message, StringComparison.Ordinal);
        Assert.Contains("still refused after 2 retries", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BadSyntax_IsRefusedBeforeAnyRequest_WithTheLuceneEnginesMessage()
    {
        using var index = _cluster.CreateIndex();

        var error = await Assert.ThrowsAsync<InvalidQueryException>(() => index.SearchAsync(new ArticleQuery { Text = "Kosovo AND (Serbia" }, Cancel));

        Assert.Equal(12, error.Position);
        Assert.Contains("cannot be understood at character 12", error.Message, StringComparison.Ordinal);
        Assert.Empty(_cluster.Calls);
    }

    [Fact]
    public async Task BadQuery_400_BecomesInvalidQueryException_WithTheClustersReason()
    {
        const string Text = "k* AND s*";
        _cluster.On(HttpMethod.POST, Search, 400, TooManyClausesBody());
        using var index = _cluster.CreateIndex();

        var error = await Assert.ThrowsAsync<InvalidQueryException>(() => index.SearchAsync(new ArticleQuery { Text = Text }, Cancel));

        Assert.Equal(Text, error.QueryText);
        Assert.Contains("cannot be run by Elasticsearch: too many clauses", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MissingIndex_IsCreatedAgain_AndTheReadRepeated()
    {
        var article = DemoCorpus.Articles[0];
        _cluster
            .On(HttpMethod.HEAD, "/_alias/articles", 200, string.Empty, (404, string.Empty))
            .On(HttpMethod.PUT, "/_index_template/articles", 200, """{ "acknowledged": true }""")
            .On(HttpMethod.PUT, "/articles-v4", 200, """{ "acknowledged": true, "shards_acknowledged": true, "index": "articles-v4" }""")
            .On(HttpMethod.POST, Search, 404, ElasticExamples.Error(404, "index_not_found_exception", "no such index [articles]"),
                (200, ElasticExamples.SearchResponse([(ArticleSearchDocument.From(article), 1, null)], 1).ToJsonString()));
        using var index = _cluster.CreateIndex();

        var result = await index.SearchAsync(new ArticleQuery(), Cancel);

        Assert.Equal(article.Id, Assert.Single(result.Hits).Article.Id);
        Assert.Single(_cluster.CallsTo(HttpMethod.PUT, "/articles-v4"));
        Assert.Equal(2, _cluster.CallsTo(HttpMethod.POST, Search).Count);
    }

    [Fact]
    public async Task OtherRefusals_NameTheUrlStatusAndReason()
    {
        _cluster.On(HttpMethod.POST, "/articles/_count", 403, ElasticExamples.Error(403, "security_exception", "action [indices:data/read/search] is unauthorized"));
        using var index = _cluster.CreateIndex();

        var error = await Assert.ThrowsAsync<ElasticsearchRequestException>(() => index.CountAsync(Cancel));

        Assert.Equal(403, error.StatusCode);
        Assert.Contains($"{ScriptedCluster.NodeUrl}/articles/_count", error.Message, StringComparison.Ordinal);
        Assert.Contains("is unauthorized", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_ReturnsTheArticle_OrNullWhenNotFound()
    {
        var article = DemoCorpus.Articles[3];
        var found = ElasticExamples.Found(article);
        _cluster.On(HttpMethod.GET, $"/articles/_doc/{article.Id.Value}", 200, found);
        var unknown = DemoCorpus.Articles[4].Id;
        _cluster.On(HttpMethod.GET, $"/articles/_doc/{unknown.Value}", 404, $$"""{ "_index": "articles-v1", "_id": "{{unknown.Value}}", "found": false }""");
        using var index = _cluster.CreateIndex();

        var read = await index.GetAsync(article.Id, Cancel);

        Assert.Equal(article.Article with { Paragraphs = [] }, read!.Article with { Paragraphs = [] });
        Assert.Equal(article.Article.Paragraphs, read.Article.Paragraphs);
        Assert.Null(await index.GetAsync(unknown, Cancel));
    }

    [Fact]
    public async Task Get_ReturnsTheImpossibleDate_OfAFlaggedArticle()
    {
        var source = DemoCorpus.Articles[5];
        var impossible = new DateTimeOffset(1066, 10, 14, 0, 0, 0, TimeSpan.Zero);
        var article = source with { Article = source.Article with { Published = null, ImplausiblePublished = impossible } };
        _cluster.On(HttpMethod.GET, $"/articles/_doc/{article.Id.Value}", 200, ElasticExamples.Found(article));
        using var index = _cluster.CreateIndex();

        var read = await index.GetAsync(article.Id, Cancel);

        Assert.Equal(impossible, read!.Article.ImplausiblePublished);
        Assert.True(read.Article.HasImplausibleDate);
        Assert.Null(read.Article.Published);
    }

    [Fact]
    public async Task ANodeThatDoesNotAnswer_GivesAClearErrorNamingTheUrl()
    {
        // Port 1 on the loopback interface: nothing listens, the connection is refused at once.
        var options = new ElasticsearchSearchOptions { Urls = ["http://127.0.0.1:1"], RequestTimeout = TimeSpan.FromSeconds(5) };
        using var index = new ElasticsearchArticleIndex(options);

        var error = await Assert.ThrowsAsync<ElasticsearchRequestException>(() => index.CountAsync(Cancel));

        Assert.Null(error.StatusCode);
        Assert.Contains("did not answer", error.Message, StringComparison.Ordinal);
        Assert.Contains("http://127.0.0.1:1/", error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _cluster.Dispose();

    /// <summary>
    /// The docs' 400 error shape as a search answers it when a valid query is too big to run: a
    /// search_phase_execution_exception whose root cause says why.
    /// </summary>
    private static string TooManyClausesBody()
    {
        var body = JsonNode.Parse(ElasticExamples.Error(400, "search_phase_execution_exception", "all shards failed"))!;
        var rootCause = body["error"]!["root_cause"]![0]!;
        rootCause["type"] = "too_many_nested_clauses";
        rootCause["reason"] = "too many clauses";
        return body.ToJsonString();
    }

    private static JsonObject Facet(long docCount, JsonNode values) =>
        new() { ["doc_count"] = docCount, ["sterms#values"] = values };

    /// <summary>The spec's bulk response with item errors (document_missing, 404) for our ids, and one created item.</summary>
    internal static string BulkWithErrors(string firstMissing, string secondMissing, string createdId)
    {
        var body = ElasticExamples.Load("spec-apache2/bulk_response_item_errors_document_missing.json");
        var items = body["items"]!.AsArray();
        var ids = new[] { firstMissing, secondMissing, createdId };
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i]!.AsObject();
            var (operation, result) = item.Single();
            item.Remove(operation);
            result!["_id"] = ids[i];
            result["_index"] = "articles-v1";
            item["index"] = result;
        }

        return body.ToJsonString();
    }
}
