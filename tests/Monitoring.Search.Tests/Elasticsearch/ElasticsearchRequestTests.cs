using System.Text.Json.Nodes;
using Monitoring.Core.Articles;
using Monitoring.Core.Search;
using Monitoring.Core.Search.Names;
using Monitoring.Search.Elasticsearch;
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
    public async Task Search_SendsTheParsedText_FacetFiltersAsPostFilter_DisjunctiveFacets_SortPagingAndHighlight()
    {
        _cluster.On(HttpMethod.POST, "/articles/_search", 200, EmptySearch());
        using var index = _cluster.CreateIndex();

        await index.SearchAsync(
            new ArticleQuery
            {
                Text = "Kosovo AND \"state of emergency\"",
                Countries = ["xk", "XK", "al"],
                Topics = ["elections"],
                Languages = ["EN"],
                From = new DateOnly(2008, 2, 17),
                To = new DateOnly(2008, 2, 29),
                MinTension = 20,
                Sort = SearchSort.Newest,
                Skip = 10,
                Take = 5,
            },
            Cancel);

        var call = Assert.Single(_cluster.CallsTo(HttpMethod.POST, "/articles/_search"));
        Assert.Contains("typed_keys=true", call.Uri!.Query, StringComparison.Ordinal);

        // Kosovo → kosov (Porter, then the -o ending); "state of emergency" → state, a gap for the stop word, emerg.
        const string Text = """
            { "bool": { "must": [
              { "bool": { "should": [
                { "term": { "title": { "value": "kosov", "boost": 2 } } },
                { "term": { "body": { "value": "kosov" } } } ], "minimum_should_match": 1 } },
              { "bool": { "should": [
                { "match_phrase": { "title": { "query": "state <gap> emerg", "analyzer": "analysed_terms", "boost": 2 } } },
                { "match_phrase": { "body": { "query": "state <gap> emerg", "analyzer": "analysed_terms" } } } ], "minimum_should_match": 1 } } ] } }
            """;

        // 17 Feb 2008 00:00 and 1 Mar 2008 00:00 in Belgrade (UTC+1) as Unix milliseconds.
        const string Country = """{ "terms": { "country": ["XK", "AL"] } }""";
        const string Topic = """{ "terms": { "topic": ["elections"] } }""";
        const string Language = """{ "terms": { "language": ["en"] } }""";
        const string Order = """[ { "_count": "desc" }, { "_key": "asc" } ]""";
        AssertJson(
            $$"""
            {
              "query": { "bool": {
                "must": {{Text}},
                "filter": [
                  { "range": { "published": { "gte": 1203202800000, "lt": 1204326000000 } } },
                  { "range": { "tension": { "gte": 20 } } } ] } },
              "post_filter": { "bool": { "filter": [ {{Country}}, {{Topic}}, {{Language}} ] } },
              "sort": [ { "published": { "order": "desc" } }, { "id": { "order": "asc" } } ],
              "from": 10, "size": 6, "track_total_hits": true, "track_scores": true,
              "highlight": {
                "highlight_query": {{Text}},
                "pre_tags": ["\uE000"], "post_tags": ["\uE001"],
                "fields": [
                  { "body": { "fragment_size": 160, "number_of_fragments": 3, "order": "score" } },
                  { "title": { "number_of_fragments": 0 } } ] },
              "aggregations": {
                "country": { "filter": { "bool": { "filter": [ {{Topic}}, {{Language}} ] } },
                  "aggregations": { "values": { "terms": { "field": "country", "size": 50, "order": {{Order}} } } } },
                "topic": { "filter": { "bool": { "filter": [ {{Country}}, {{Language}} ] } },
                  "aggregations": { "values": { "terms": { "field": "topic", "size": 50, "order": {{Order}} } } } },
                "person": { "filter": { "bool": { "filter": [ {{Country}}, {{Topic}}, {{Language}} ] } },
                  "aggregations": { "values": { "terms": { "field": "person", "size": 50, "order": {{Order}} } } } },
                "source": { "filter": { "bool": { "filter": [ {{Country}}, {{Topic}}, {{Language}} ] } },
                  "aggregations": { "values": { "terms": { "field": "source", "size": 50, "order": {{Order}} } } } },
                "language": { "filter": { "bool": { "filter": [ {{Country}}, {{Topic}} ] } },
                  "aggregations": { "values": { "terms": { "field": "language", "size": 50, "order": {{Order}} } } } },
                "outlet_country": { "filter": { "bool": { "filter": [ {{Country}}, {{Topic}}, {{Language}} ] } },
                  "aggregations": { "values": { "terms": { "field": "outlet_country", "size": 50, "order": {{Order}} } } } },
                "outlet_kind": { "filter": { "bool": { "filter": [ {{Country}}, {{Topic}}, {{Language}} ] } },
                  "aggregations": { "values": { "terms": { "field": "outlet_kind", "size": 50, "order": {{Order}} } } } },
                "outlet_group": { "filter": { "bool": { "filter": [ {{Country}}, {{Topic}}, {{Language}} ] } },
                  "aggregations": { "values": { "terms": { "field": "outlet_group", "size": 50, "order": {{Order}} } } } },
                "distinct": { "filter": { "bool": { "filter": [ {{Country}}, {{Topic}}, {{Language}} ] } },
                  "aggregations": {
                    "stories": { "cardinality": { "script": { "source": "{{StoryKey}}" }, "precision_threshold": 40000 } },
                    "sources": { "cardinality": { "field": "source", "precision_threshold": 40000 } } } } }
            }
            """,
            ScriptedCluster.BodyOf(call));
    }

    [Fact]
    public async Task Search_CountsDistinctStoriesAndSources_UnderEveryFilter_WithCardinality()
    {
        _cluster.On(HttpMethod.POST, "/articles/_search", 200, EmptySearch());
        using var index = _cluster.CreateIndex();

        await index.SearchAsync(new ArticleQuery { Sources = ["Wire"], Take = 0 }, Cancel);
        await index.SearchAsync(new ArticleQuery { Take = 0 }, Cancel);

        // The reference's cardinality aggregation: a field or a script, and precision_threshold (at most
        // 40000). The aggregations run without post_filter, so the distinct counts carry every facet filter.
        var calls = _cluster.CallsTo(HttpMethod.POST, "/articles/_search");
        AssertJson(
            $$"""
            { "filter": { "bool": { "filter": { "terms": { "source": ["Wire"] } } } },
              "aggregations": {
                "stories": { "cardinality": { "script": { "source": "{{StoryKey}}" }, "precision_threshold": 40000 } },
                "sources": { "cardinality": { "field": "source", "precision_threshold": 40000 } } } }
            """,
            ScriptedCluster.BodyOf(calls[0])["aggregations"]!["distinct"]);
        AssertJson("""{ "match_all": {} }""", ScriptedCluster.BodyOf(calls[1])["aggregations"]!["distinct"]!["filter"]);
    }

    [Fact]
    public async Task Search_TranslatesPrefixesExclusionsProximityAndTagFields_FromTheSharedParser()
    {
        _cluster.On(HttpMethod.POST, "/articles/_search", 200, EmptySearch());
        using var index = _cluster.CreateIndex();

        await index.SearchAsync(new ArticleQuery { Text = "kosov* -country:rs \"Serbia claim\"~2 OR about:xk", Take = 0, CountryMode = CountryMode.About }, Cancel);

        var body = ScriptedCluster.BodyOf(Assert.Single(_cluster.CallsTo(HttpMethod.POST, "/articles/_search")));

        // AND is the default operator, but OR binds its neighbours into optional clauses as in Lucene's
        // classic parser; kosov* is tried folded (kosov) — its stem is the same, so once per field, and
        // the multi-field parser gives prefixes no field boost. Serbia → serbi (its -a ending goes).
        AssertJson(
            """
            { "bool": { "must": { "bool": {
              "must": { "bool": { "should": [
                { "bool": { "should": { "prefix": { "title": { "value": "kosov" } } }, "minimum_should_match": 1 } },
                { "bool": { "should": { "prefix": { "body": { "value": "kosov" } } }, "minimum_should_match": 1 } } ], "minimum_should_match": 1 } },
              "should": [
                { "bool": { "should": [
                  { "match_phrase": { "title": { "query": "serbi claim", "analyzer": "analysed_terms", "slop": 2, "boost": 2 } } },
                  { "match_phrase": { "body": { "query": "serbi claim", "analyzer": "analysed_terms", "slop": 2 } } } ], "minimum_should_match": 1 } },
                { "term": { "about_country": { "value": "XK" } } } ],
              "must_not": { "term": { "country": { "value": "RS" } } } } } } }
            """,
            body["query"]);
        Assert.Equal(0, body["size"]!.GetValue<int>());
        Assert.Null(body["highlight"]);
    }

    [Fact]
    public async Task Search_ForAName_SendsItsOtherNamesAsOptionalTerms_UnlessTurnedOff()
    {
        _cluster.On(HttpMethod.POST, "/articles/_search", 200, EmptySearch());
        NameGroup[] names = [new(NameGroupKind.Place, "RS", ["Belgrade", "Beograd", "Београд", "Beogradi"])];
        using var index = _cluster.CreateIndex(names: names);

        var expanded = await index.SearchAsync(new ArticleQuery { Text = "Beograd", Take = 0 }, Cancel);
        await index.SearchAsync(new ArticleQuery { Text = "Beograd", Take = 0, ExpandNames = false }, Cancel);

        // Београд and Beogradi analyse to beograd (script folded, the -i ending removed): only Belgrade → belgrad is new.
        const string Beograd = """
            { "bool": { "should": [
              { "term": { "title": { "value": "beograd", "boost": 2 } } },
              { "term": { "body": { "value": "beograd" } } } ], "minimum_should_match": 1 } }
            """;
        const string Belgrade = """
            { "bool": { "should": [
              { "term": { "title": { "value": "belgrad", "boost": 2 } } },
              { "term": { "body": { "value": "belgrad" } } } ], "minimum_should_match": 1 } }
            """;
        var calls = _cluster.CallsTo(HttpMethod.POST, "/articles/_search");
        Assert.Equal(2, calls.Count);
        AssertJson(
            $$"""{ "bool": { "must": { "bool": { "should": [ {{Beograd}}, {{Belgrade}} ], "minimum_should_match": 1 } } } }""",
            ScriptedCluster.BodyOf(calls[0])["query"]);
        AssertJson($$"""{ "bool": { "must": {{Beograd}} } }""", ScriptedCluster.BodyOf(calls[1])["query"]);
        var expansion = Assert.Single(expanded.NameExpansions);
        Assert.Equal("Beograd", expansion.Typed);
        Assert.Equal(["Belgrade"], expansion.AlsoSearching);
    }

    [Fact]
    public async Task Search_WithoutText_MatchesAll_NewestFirst_ByIdAmongEquals_WithoutHighlight()
    {
        _cluster.On(HttpMethod.POST, "/articles/_search", 200, EmptySearch());
        using var index = _cluster.CreateIndex();

        await index.SearchAsync(new ArticleQuery { Take = 0 }, Cancel);

        var body = ScriptedCluster.BodyOf(Assert.Single(_cluster.CallsTo(HttpMethod.POST, "/articles/_search")));
        AssertJson("""{ "bool": { "must": { "match_all": {} } } }""", body["query"]);
        AssertJson("""[ { "published": { "order": "desc" } }, { "id": { "order": "asc" } } ]""", body["sort"]);
        Assert.Null(body["post_filter"]);
        AssertJson("""{ "match_all": {} }""", body["aggregations"]!["country"]!["filter"]);
        Assert.Equal(0, body["size"]!.GetValue<int>());
        Assert.Null(body["highlight"]);
    }

    [Fact]
    public async Task Search_WithACursor_SendsSearchAfter_InsteadOfFrom()
    {
        // The sort values of a hit as Elasticsearch returns them (the docs' search_after example shape).
        var hit = ElasticExamples.Load("es-docs/search_after_sort_values_fragment.json");
        var lastHit = ElasticExamples.SearchResponse(
            DemoCorpus.Articles.Take(3).Select((article, i) => (ArticleSearchDocument.From(article), 1.0, (JsonObject?)null)), 40);
        var hits = lastHit["hits"]!["hits"]!.AsArray();
        for (var i = 0; i < hits.Count; i++)
        {
            hits[i]!["sort"] = new JsonArray(5.5 - i, 1203202800000 - i, hits[i]!["_id"]!.GetValue<string>());
        }

        _cluster.On(HttpMethod.POST, "/articles/_search", 200, lastHit.ToJsonString());
        using var index = _cluster.CreateIndex();

        var first = await index.SearchAsync(new ArticleQuery { Text = "Kosovo", Take = 2 }, Cancel);
        await index.SearchAsync(new ArticleQuery { Text = "Kosovo", Take = 2, Skip = 7, Cursor = first.NextCursor }, Cancel);

        Assert.NotNull(hit["hits"]);
        var second = ScriptedCluster.BodyOf(_cluster.CallsTo(HttpMethod.POST, "/articles/_search")[1]);
        AssertJson($$"""[ 4.5, 1203202799999, "{{hits[1]!["_id"]}}" ]""", second["search_after"]);
        Assert.Null(second["from"]);
        Assert.Equal(3, second["size"]!.GetValue<int>());
        AssertJson("""[ { "_score": { "order": "desc" } }, { "published": { "order": "desc" } }, { "id": { "order": "asc" } } ]""", second["sort"]);
    }

    [Fact]
    public async Task SignificantTerms_SendsTheSearchWithItsFilters_SignificantTermsOverEveryMatch_AndSignificantTextInASampler()
    {
        _cluster.On(HttpMethod.POST, "/articles/_search", 200, EmptySearch());
        using var index = _cluster.CreateIndex();

        await index.GetSignificantTermsAsync(
            new SignificantTermsQuery(new ArticleQuery { Text = "Kosovo", Countries = ["ba"], People = ["Ratko Mladić"], Sort = SearchSort.Newest, Skip = 20 }, Take: 5),
            Cancel);

        // significant_terms and significant_text with the JLH heuristic ("jlh": {}) and min_doc_count (reference:
        // search-aggregations-bucket-significantterms/significanttext-aggregation); the sampler's shard_size is the
        // sample. The values filtered on and the searched word (kosov) are excluded by exact value; words need a letter
        // (include and exclude together: reference, "Filtering values" of the terms aggregation); copied text counts once.
        AssertJson(
            """
            {
              "query": { "bool": {
                "must": { "bool": { "should": [
                  { "term": { "title": { "value": "kosov", "boost": 2 } } },
                  { "term": { "body": { "value": "kosov" } } } ], "minimum_should_match": 1 } },
                "filter": [ { "terms": { "country": ["BA"] } }, { "terms": { "person": ["Ratko Mladić"] } } ] } },
              "size": 100,
              "_source": { "includes": "body" },
              "track_total_hits": true,
              "aggregations": {
                "significant_people": { "significant_terms": { "field": "person", "size": 5, "min_doc_count": 3, "jlh": {}, "exclude": ["Ratko Mladić"] } },
                "significant_countries": { "significant_terms": { "field": "country", "size": 5, "min_doc_count": 3, "jlh": {}, "exclude": ["BA"] } },
                "sample": {
                  "sampler": { "shard_size": 100 },
                  "aggregations": {
                    "significant_words": { "significant_text": { "field": "body", "size": 5, "min_doc_count": 3, "jlh": {}, "include": ".*[a-z].*", "exclude": ["kosov"], "filter_duplicate_text": true } } } } }
            }
            """,
            ScriptedCluster.BodyOf(Assert.Single(_cluster.CallsTo(HttpMethod.POST, "/articles/_search"))));
    }

    [Fact]
    public async Task Coverage_SendsAZonedCalendarHistogram_WithBounds_TensionTenseCount_TopCountries_AndUndatedCount_LeavingOutImplausibleDates()
    {
        _cluster.On(HttpMethod.POST, "/articles/_search", 200, EmptySearch());
        using var index = _cluster.CreateIndex();

        var filter = new ArticleQuery { From = new DateOnly(2025, 10, 25), To = new DateOnly(2025, 10, 28), DateBasis = DateBasis.Ingested, CountryMode = CountryMode.About };
        await index.GetCoverageAsync(new CoverageQuery(filter, DateInterval.Day, MaxCountries: 3), Cancel);

        var body = ScriptedCluster.BodyOf(Assert.Single(_cluster.CallsTo(HttpMethod.POST, "/articles/_search")));

        // 25 Oct 2025 00:00 CEST (UTC+2) and 28 Oct 2025 00:00 CET (UTC+1); the range ends at 29 Oct 00:00 CET.
        const string Histogram = """
            { "date_histogram": { "field": "ingested", "calendar_interval": "day", "time_zone": "Europe/Belgrade",
                "format": "yyyy-MM-dd", "min_doc_count": 0, "extended_bounds": { "min": 1761343200000, "max": 1761606000000 } },
              "aggregations": {
                "tension": { "avg": { "field": "tension" } },
                "tense": { "filter": { "term": { "tense": { "value": true } } } } } }
            """;
        AssertJson(
            $$"""
            {
              "query": { "bool": { "must": { "match_all": {} },
                "filter": { "range": { "ingested": { "gte": 1761343200000, "lt": 1761692400000 } } } } },
              "size": 0,
              "aggregations": {
                "charted": {
                  "filter": { "bool": { "must_not": { "term": { "implausible_date": { "value": true } } } } },
                  "aggregations": {
                    "over_time": {{Histogram}},
                    "undated": { "filter": { "term": { "undated": { "value": true } } } },
                    "countries": {
                      "terms": { "field": "about_country", "size": 3, "order": [ { "_count": "desc" }, { "_key": "asc" } ] },
                      "aggregations": { "over_time": {{Histogram}} } } } },
                "implausible_dates": { "filter": { "term": { "implausible_date": { "value": true } } } } }
            }
            """,
            body);
    }

    [Fact]
    public async Task Coverage_WithoutCountrySeries_SendsNoTermsAggregation()
    {
        // Elasticsearch refuses a terms aggregation of size 0.
        _cluster.On(HttpMethod.POST, "/articles/_search", 200, EmptySearch());
        using var index = _cluster.CreateIndex();

        await index.GetCoverageAsync(new CoverageQuery(new ArticleQuery(), DateInterval.Month, MaxCountries: 0), Cancel);

        var charted = ScriptedCluster.BodyOf(Assert.Single(_cluster.CallsTo(HttpMethod.POST, "/articles/_search")))["aggregations"]!["charted"]!["aggregations"]!;
        Assert.Equal(["over_time", "undated"], charted.AsObject().Select(pair => pair.Key).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task CoverageSplitByOutletGroups_SendsATermsAggregationIncludingExactlyThoseGroups_WithTheHistogramAndTopicsUnderIt()
    {
        _cluster.On(HttpMethod.POST, "/articles/_search", 200, EmptySearch());
        using var index = _cluster.CreateIndex();

        await index.GetCoverageAsync(
            new CoverageQuery(new ArticleQuery { Text = "Kosovo", OutletCountries = ["rs"] }, DateInterval.Year, MaxCountries: 0) { SplitByOutletGroups = ["7", " 3", "7"] },
            Cancel);

        var body = ScriptedCluster.BodyOf(Assert.Single(_cluster.CallsTo(HttpMethod.POST, "/articles/_search")));
        // One request for the whole comparison: terms with include as a list of exact values (reference, "Filtering
        // values" of the terms aggregation), size the number of groups so every shard returns each of them.
        AssertJson(
            """
            {
              "terms": { "field": "outlet_group", "size": 2, "include": ["7", "3"], "order": [ { "_count": "desc" }, { "_key": "asc" } ] },
              "aggregations": {
                "over_time": {
                  "date_histogram": { "field": "published", "calendar_interval": "year", "time_zone": "Europe/Belgrade", "format": "yyyy-MM-dd", "min_doc_count": 0 },
                  "aggregations": {
                    "tension": { "avg": { "field": "tension" } },
                    "tense": { "filter": { "term": { "tense": { "value": true } } } } } },
                "topics": { "terms": { "field": "topic", "size": 50, "order": [ { "_count": "desc" }, { "_key": "asc" } ] } } }
            }
            """,
            body["aggregations"]!["charted"]!["aggregations"]!["outlet_groups"]);
        AssertJson("""{ "terms": { "outlet_country": ["RS"] } }""", body["query"]!["bool"]!["filter"]);
    }

    [Fact]
    public async Task PersonPhrase_IsAPhraseOnThePersonNames_WhichTheMappingKeepsApart()
    {
        // Aleksandar and Vulin keep their letters: Porter leaves them and no Serbian case ending is theirs.
        _cluster.On(HttpMethod.POST, "/articles/_search", 200, EmptySearch());
        using var index = _cluster.CreateIndex();

        await index.SearchAsync(new ArticleQuery { Text = "person:\"Aleksandar Vulin\"", Take = 0 }, Cancel);

        var body = ScriptedCluster.BodyOf(Assert.Single(_cluster.CallsTo(HttpMethod.POST, "/articles/_search")));
        AssertJson(
            """{ "bool": { "must": { "match_phrase": { "person_text": { "query": "aleksandar vulin", "analyzer": "analysed_terms" } } } } }""",
            body["query"]);
    }

    [Fact]
    public async Task Export_OpensAPointInTime_PagesWithSearchAfter_AndClosesIt()
    {
        var open = ElasticExamples.Load("spec-apache2/open_pit_response.json");
        var pit = open["id"]!.GetValue<string>();
        var page = ElasticExamples.SearchResponse(
            DemoCorpus.Articles.Take(500).Select(article => (ArticleSearchDocument.From(article), 1.0, (JsonObject?)null)), 501);
        var hits = page["hits"]!["hits"]!.AsArray();
        for (var i = 0; i < hits.Count; i++)
        {
            // Sort values: the date, the id, and the shard-doc tiebreaker a point in time adds.
            hits[i]!["sort"] = new JsonArray(1_000_000 + i, hits[i]!["_id"]!.GetValue<string>(), i);
        }

        page["pit_id"] = pit;
        var lastPage = ElasticExamples.SearchResponse(
            DemoCorpus.Articles.Skip(500).Take(1).Select(article => (ArticleSearchDocument.From(article), 1.0, (JsonObject?)null)), 501);
        lastPage["pit_id"] = pit;
        _cluster
            .On(HttpMethod.POST, "/articles/_pit", 200, open)
            .On(HttpMethod.POST, "/_search", 200, page, (200, lastPage))
            .On(HttpMethod.DELETE, "/_pit", 200, ElasticExamples.Load("spec-apache2/close_pit_response.json"));
        using var index = _cluster.CreateIndex();

        var exported = new List<ArticleId>();
        await foreach (var article in index.ExportAsync(new ArticleQuery { Countries = ["XK"], Sort = SearchSort.Oldest, Take = 3 }, Cancel))
        {
            exported.Add(article.Id);
        }

        Assert.Equal(DemoCorpus.Articles.Take(501).Select(article => article.Id), exported);
        var pitCall = Assert.Single(_cluster.CallsTo(HttpMethod.POST, "/articles/_pit"));
        Assert.Contains("keep_alive=1m", pitCall.Uri!.Query, StringComparison.Ordinal);
        var searches = _cluster.CallsTo(HttpMethod.POST, "/_search").Select(ScriptedCluster.BodyOf).ToList();
        Assert.Equal(2, searches.Count);
        AssertJson(
            $$"""
            {
              "pit": { "id": "{{pit}}", "keep_alive": "1m" },
              "query": { "bool": { "must": { "match_all": {} }, "filter": { "terms": { "country": ["XK"] } } } },
              "sort": [ { "published": { "order": "asc" } }, { "id": { "order": "asc" } } ],
              "size": 500, "track_total_hits": false
            }
            """,
            searches[0]);
        AssertJson($$"""[ 1000499, "{{hits[499]!["_id"]}}", 499 ]""", searches[1]["search_after"]);
        AssertJson($$"""{ "id": "{{pit}}" }""", ScriptedCluster.BodyOf(Assert.Single(_cluster.CallsTo(HttpMethod.DELETE, "/_pit"))));
    }

    [Fact]
    public async Task MoreLikeThis_SendsMoreLikeThisOfTheStoredArticle_WithTheFilter_ExcludingIt()
    {
        // The client writes a single "like" as an object; the reference accepts one or an array.
        // minimum_should_match 1: one shared term is enough, as in Lucene's MoreLikeThis (Elasticsearch's
        // own default is 30% of the selected terms).
        var article = DemoCorpus.Articles[0];
        _cluster
            .On(HttpMethod.GET, $"/articles/_doc/{article.Id.Value}", 200, ElasticExamples.Found(article))
            .On(HttpMethod.POST, "/articles/_search", 200, EmptySearch());
        using var index = _cluster.CreateIndex();

        await index.MoreLikeThisAsync(article.Id, new ArticleQuery { Sources = ["Test"] }, 5, Cancel);

        var body = ScriptedCluster.BodyOf(Assert.Single(_cluster.CallsTo(HttpMethod.POST, "/articles/_search")));
        const string Similar = """
            { "more_like_this": { "fields": ["title", "body"], "like": { "_index": "articles", "_id": "ID" },
              "min_term_freq": 1, "min_doc_freq": 2, "max_query_terms": 25, "minimum_should_match": 1 } }
            """;
        AssertJson(
            $$"""
            {
              "query": { "bool": {
                "must": {{Similar.Replace("ID", article.Id.Value, StringComparison.Ordinal)}},
                "filter": { "bool": { "must": { "match_all": {} }, "filter": { "terms": { "source": ["Test"] } } } },
                "must_not": { "ids": { "values": ["{{article.Id.Value}}"] } } } },
              "size": 5,
              "highlight": {
                "highlight_query": {{Similar.Replace("ID", article.Id.Value, StringComparison.Ordinal)}},
                "pre_tags": ["\uE000"], "post_tags": ["\uE001"],
                "fields": [
                  { "body": { "fragment_size": 160, "number_of_fragments": 3, "order": "score" } },
                  { "title": { "number_of_fragments": 0 } } ] }
            }
            """,
            body);
    }

    [Fact]
    public async Task Suggest_SendsFoldedPrefixFilters_OverTagWords_AndCountsCountriesByCode()
    {
        _cluster.On(HttpMethod.POST, "/articles/_search", 200, EmptySearch());
        using var index = _cluster.CreateIndex();

        await index.SuggestAsync("Вуч", cancellationToken: Cancel);

        const string Words = """
            { "filter": { "prefix": { "FIELD.words": { "value": "vuc" } } },
              "aggregations": { "values": { "terms": { "field": "FIELD", "size": 1000 } } } }
            """;
        AssertJson(
            $$"""
            {
              "query": { "match_all": {} }, "size": 0,
              "aggregations": {
                "people": {{Words.Replace("FIELD", "person", StringComparison.Ordinal)}},
                "topics": {{Words.Replace("FIELD", "topic", StringComparison.Ordinal)}},
                "country_labels": {{Words.Replace("FIELD", "country_label", StringComparison.Ordinal)}},
                "country_codes": { "terms": { "field": "country", "size": 500 } } }
            }
            """,
            ScriptedCluster.BodyOf(Assert.Single(_cluster.CallsTo(HttpMethod.POST, "/articles/_search"))));
    }

    [Fact]
    public async Task Index_InstallsTheIndexTemplate_ThenCreatesTheVersionedIndexWithAlias_WhenTheAliasIsMissing_ThenBulksAndRefreshes()
    {
        ScriptANewIndex()
            .On(HttpMethod.POST, "/articles/_bulk", 200, BulkAllOk(DemoCorpus.Articles.Take(2).Select(a => a.Id.Value)))
            .On(HttpMethod.POST, "/articles/_refresh", 200, """{ "_shards": { "total": 1, "successful": 1, "failed": 0 } }""");
        using var index = _cluster.CreateIndex(SingleNodeOptions());

        await index.IndexAsync([.. DemoCorpus.Articles.Take(2)], Cancel);

        Assert.Equal(
            ["HEAD /_alias/articles", "PUT /_index_template/articles", "PUT /articles-v4", "POST /articles/_bulk", "POST /articles/_refresh"],
            _cluster.Calls.Select(call => $"{call.HttpMethod} {call.Uri!.AbsolutePath}"));
        var expected = JsonNode.Parse(ArticleIndexBody)!.AsObject();
        expected["aliases"] = JsonNode.Parse("""{ "articles": {} }""");
        AssertJson(expected.ToJsonString(), ScriptedCluster.BodyOf(Assert.Single(_cluster.CallsTo(HttpMethod.PUT, "/articles-v4"))));
    }

    [Fact]
    public async Task IndexTemplate_CoversEveryVersionOfTheAlias_WithTheMappingsAndAnalysis_AndNoAlias()
    {
        // A composable template (PUT _index_template/<name>): index_patterns, priority, version and
        // template.settings/mappings (the spec's example request has the same fields). No alias in it: a new
        // version joins the alias only when swapped in. The spec types index_patterns as Indices, one name
        // or a list; the client writes a single pattern as a string.
        ScriptANewIndex()
            .On(HttpMethod.POST, "/articles/_count", 200, """{ "count": 0, "_shards": { "total": 1, "successful": 1, "skipped": 0, "failed": 0 } }""");
        using var index = _cluster.CreateIndex(SingleNodeOptions());

        await index.CountAsync(Cancel);

        var template = ScriptedCluster.BodyOf(Assert.Single(_cluster.CallsTo(HttpMethod.PUT, "/_index_template/articles")));
        AssertJson(
            $$"""{ "index_patterns": "articles-v*", "priority": 200, "version": 4, "template": {{ArticleIndexBody}} }""",
            template);
    }

    [Fact]
    public async Task ARefusedTemplate_StopsBeforeTheIndexIsCreated()
    {
        _cluster
            .On(HttpMethod.HEAD, "/_alias/articles", 404, string.Empty)
            .On(HttpMethod.PUT, "/_index_template/articles", 403, ElasticExamples.Error(403, "security_exception", "action [indices:admin/index_template/put] is unauthorized"));
        using var index = _cluster.CreateIndex();

        var error = await Assert.ThrowsAsync<ElasticsearchRequestException>(() => index.CountAsync(Cancel));

        Assert.Equal(403, error.StatusCode);
        Assert.Contains("installing the index template 'articles'", error.Message, StringComparison.Ordinal);
        Assert.Empty(_cluster.CallsTo(HttpMethod.PUT, "/articles-v4"));
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
        Assert.Equal(article.Tags.Countries.Where(c => c.IsAbout).Select(c => c.Code).Order(), document["about_country"]!.AsArray().Select(c => c!.GetValue<string>()).Order());
        Assert.Contains("Kosovo\u001fXK", document["country_label"]!.AsArray().Select(c => c!.GetValue<string>()));
        Assert.Equal(article.Article.EffectiveDate.ToUnixTimeMilliseconds(), document["published"]!.GetValue<long>());
        Assert.Equal(article.Article.IngestedAt.ToUnixTimeMilliseconds(), document["ingested"]!.GetValue<long>());
        Assert.Equal(article.Article.Source.ToLowerInvariant(), document["source_key"]!.GetValue<string>());
        Assert.Equal("en", document["language"]!.GetValue<string>());
        Assert.Equal(article.Tags.Tension.Value, document["tension"]!.GetValue<double>());
        Assert.False(document["undated"]!.GetValue<bool>());
        Assert.False(document["implausible_date"]!.GetValue<bool>());
        Assert.Equal(article.Id.Value, document["article"]!["Article"]!["Id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Index_FlagsAnArticleWithAnImpossibleDate_AsImplausibleAndUndated_DatedByItsIngestTime()
    {
        var ingested = new DateTimeOffset(2025, 6, 2, 9, 0, 0, TimeSpan.Zero);
        var source = DemoCorpus.Articles[0];
        var article = source with { Article = source.Article with { Published = null, ImplausiblePublished = new DateTimeOffset(2099, 1, 1, 0, 0, 0, TimeSpan.Zero), IngestedAt = ingested } };
        _cluster
            .On(HttpMethod.POST, "/articles/_bulk", 200, BulkAllOk([article.Id.Value]))
            .On(HttpMethod.POST, "/articles/_refresh", 200, """{ "_shards": { "total": 1, "successful": 1, "failed": 0 } }""");
        using var index = _cluster.CreateIndex();

        await index.IndexAsync([article], Cancel);

        var document = ScriptedCluster.LinesOf(Assert.Single(_cluster.CallsTo(HttpMethod.POST, "/articles/_bulk")))[1];
        Assert.True(document["implausible_date"]!.GetValue<bool>());
        Assert.True(document["undated"]!.GetValue<bool>());

        // 2 June 2025 09:00 UTC in Unix milliseconds; the impossible date itself is kept only in the article.
        Assert.Equal(1748854800000, document["published"]!.GetValue<long>());
        Assert.Equal("2099-01-01T00:00:00+00:00", document["article"]!["Article"]!["ImplausiblePublished"]!.GetValue<string>());
    }

    [Fact]
    public async Task Index_SendsTheOutletsCountryKindAndGroups_AsKeywords_AndNoneForAnUnknownOutlet()
    {
        var source = DemoCorpus.Articles[0];
        var outlet = source with { Article = source.Article with { Outlet = new ArticleOutlet { Country = "xk", Kind = OutletKind.InternationalService, Groups = ["3", "12"] } } };
        var unknown = DemoCorpus.Articles[1];
        _cluster
            .On(HttpMethod.POST, "/articles/_bulk", 200, BulkAllOk([outlet.Id.Value, unknown.Id.Value]))
            .On(HttpMethod.POST, "/articles/_refresh", 200, """{ "_shards": { "total": 1, "successful": 1, "failed": 0 } }""");
        using var index = _cluster.CreateIndex();

        await index.IndexAsync([outlet, unknown], Cancel);

        var lines = ScriptedCluster.LinesOf(Assert.Single(_cluster.CallsTo(HttpMethod.POST, "/articles/_bulk")));
        AssertJson("""["XK"]""", lines[1]["outlet_country"]);
        AssertJson("""["international-service"]""", lines[1]["outlet_kind"]);
        AssertJson("""["3", "12"]""", lines[1]["outlet_group"]);
        Assert.Equal("InternationalService", lines[1]["article"]!["Article"]!["Outlet"]!["Kind"]!.GetValue<string>());
        AssertJson("[]", lines[3]["outlet_country"]);
        AssertJson("[]", lines[3]["outlet_kind"]);
        AssertJson("[]", lines[3]["outlet_group"]);
    }

    [Fact]
    public async Task Search_WithOutletFilters_SendsThemAsPostFilter_AndEachOutletFacetWithoutItsOwn()
    {
        _cluster.On(HttpMethod.POST, "/articles/_search", 200, EmptySearch());
        using var index = _cluster.CreateIndex();

        await index.SearchAsync(new ArticleQuery { OutletCountries = ["rs", "XK"], OutletKinds = ["Public-Broadcaster"], OutletGroups = ["3"], Take = 0 }, Cancel);

        const string Country = """{ "terms": { "outlet_country": ["RS", "XK"] } }""";
        const string Kind = """{ "terms": { "outlet_kind": ["public-broadcaster"] } }""";
        const string Group = """{ "terms": { "outlet_group": ["3"] } }""";
        const string Order = """[ { "_count": "desc" }, { "_key": "asc" } ]""";
        var body = ScriptedCluster.BodyOf(Assert.Single(_cluster.CallsTo(HttpMethod.POST, "/articles/_search")));
        AssertJson($$"""{ "bool": { "filter": [ {{Country}}, {{Kind}}, {{Group}} ] } }""", body["post_filter"]);
        AssertJson(
            $$"""{ "filter": { "bool": { "filter": [ {{Kind}}, {{Group}} ] } }, "aggregations": { "values": { "terms": { "field": "outlet_country", "size": 50, "order": {{Order}} } } } }""",
            body["aggregations"]!["outlet_country"]);
        AssertJson(
            $$"""{ "filter": { "bool": { "filter": [ {{Country}}, {{Group}} ] } }, "aggregations": { "values": { "terms": { "field": "outlet_kind", "size": 50, "order": {{Order}} } } } }""",
            body["aggregations"]!["outlet_kind"]);
        AssertJson(
            $$"""{ "filter": { "bool": { "filter": [ {{Country}}, {{Kind}} ] } }, "aggregations": { "values": { "terms": { "field": "outlet_group", "size": 50, "order": {{Order}} } } } }""",
            body["aggregations"]!["outlet_group"]);
        AssertJson($$"""{ "bool": { "filter": [ {{Country}}, {{Kind}}, {{Group}} ] } }""", body["aggregations"]!["distinct"]!["filter"]);
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

    /// <summary>The story of a document in Painless: its story id, else its own id.</summary>
    private const string StoryKey = "doc['story'].size() > 0 ? doc['story'].value : doc['id'].value";

    internal static void AssertJson(string expected, JsonNode? actual)
    {
        var expectedNode = JsonNode.Parse(expected);
        Assert.True(
            JsonNode.DeepEquals(expectedNode, actual),
            $"Expected:\n{expectedNode?.ToJsonString()}\nActual:\n{actual?.ToJsonString()}");
    }

    /// <summary>
    /// The settings and mappings of the articles index (v4) as the reference spells them. A list of one
    /// filter goes out as a plain string, which index settings read as a one-item list.
    /// </summary>
    internal const string ArticleIndexBody = """
            {
              "settings": {
                "number_of_shards": 1, "number_of_replicas": 0,
                "analysis": {
                  "filter": {
                    "article_english_possessive": { "type": "stemmer", "language": "possessive_english" },
                    "article_english_stop": { "type": "stop", "stopwords": ["_english_"] },
                    "article_serbian_case_endings": { "type": "pattern_replace",
                      "pattern": "^([^0-9]{5,}?)(ima|ama|om|em|og|oj|ih|a|e|i|o|u)$", "replacement": "$1" },
                    "article_position_gap": { "type": "stop", "stopwords": ["<gap>"] } },
                  "tokenizer": {
                    "tag_word_breaks": { "type": "pattern", "pattern": "[ \\-.,'()/\\u001f]+" } },
                  "analyzer": {
                    "article_text": { "type": "custom", "tokenizer": "standard",
                      "filter": ["article_english_possessive", "lowercase", "serbian_normalization", "asciifolding",
                                 "article_english_stop", "porter_stem", "article_serbian_case_endings"] },
                    "analysed_terms": { "type": "custom", "tokenizer": "whitespace", "filter": "article_position_gap" },
                    "tag_words": { "type": "custom", "tokenizer": "tag_word_breaks", "filter": ["lowercase", "serbian_normalization", "asciifolding"] } } } },
              "mappings": {
                "dynamic": "strict",
                "properties": {
                  "id": { "type": "keyword" },
                  "title": { "type": "text", "analyzer": "article_text", "index_options": "offsets" },
                  "body": { "type": "text", "analyzer": "article_text", "index_options": "offsets" },
                  "person_text": { "type": "text", "analyzer": "article_text", "index_options": "offsets", "position_increment_gap": 100 },
                  "country": { "type": "keyword" }, "about_country": { "type": "keyword" },
                  "topic": { "type": "keyword", "fields": { "words": { "type": "text", "analyzer": "tag_words" } } },
                  "person": { "type": "keyword", "fields": { "words": { "type": "text", "analyzer": "tag_words" } } },
                  "country_label": { "type": "keyword", "fields": { "words": { "type": "text", "analyzer": "tag_words" } } },
                  "source": { "type": "keyword" }, "source_key": { "type": "keyword" },
                  "language": { "type": "keyword" }, "story": { "type": "keyword" },
                  "outlet_country": { "type": "keyword" }, "outlet_kind": { "type": "keyword" }, "outlet_group": { "type": "keyword" },
                  "published": { "type": "date", "format": "epoch_millis" },
                  "ingested": { "type": "date", "format": "epoch_millis" },
                  "undated": { "type": "boolean" }, "implausible_date": { "type": "boolean" }, "tense": { "type": "boolean" },
                  "tension": { "type": "double" },
                  "article": { "type": "object", "enabled": false } } }
            }
        """;

    /// <summary>The alias is missing; the template and the index are created when asked.</summary>
    private ScriptedCluster ScriptANewIndex() => _cluster
        .On(HttpMethod.HEAD, "/_alias/articles", 404, string.Empty)
        .On(HttpMethod.PUT, "/_index_template/articles", 200, """{ "acknowledged": true }""")
        .On(HttpMethod.PUT, "/articles-v4", 200, """{ "acknowledged": true, "shards_acknowledged": true, "index": "articles-v4" }""");

    internal static ElasticsearchSearchOptions SingleNodeOptions()
    {
        var options = ScriptedCluster.Options;
        options.Replicas = 0;
        return options;
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
