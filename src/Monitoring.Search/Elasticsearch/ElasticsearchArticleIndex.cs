using System.Runtime.CompilerServices;
using Elastic.Clients.Elasticsearch;
using Elastic.Clients.Elasticsearch.Aggregations;
using Elastic.Clients.Elasticsearch.Core.Search;
using Elastic.Clients.Elasticsearch.IndexManagement;
using Elastic.Clients.Elasticsearch.QueryDsl;
using Monitoring.Core.Articles;
using Monitoring.Core.Enrichment;
using Monitoring.Core.Search;
using Monitoring.Core.Search.Names;
using Monitoring.Search.Lucene;
using Analyzer = Lucene.Net.Analysis.Analyzer;

namespace Monitoring.Search.Elasticsearch;

/// <summary>
/// The Elasticsearch engine: reads and writes through an alias (<see cref="ElasticsearchSearchOptions.Alias"/>)
/// over a versioned index that is created, with its mappings, on first use. Thread-safe; meant to live as a
/// singleton. Behaves like the Lucene engine for every query (same syntax, filters, sorts, facets,
/// snippets and coverage); <see cref="IndexAsync"/> refreshes, so written articles are searchable when it
/// completes.
/// </summary>
/// <remarks>
/// Text that does not parse throws <see cref="InvalidQueryException"/>; a cluster that cannot be reached or
/// refuses a request throws <see cref="ElasticsearchRequestException"/> naming the URL and the reason;
/// articles refused for good throw <see cref="ElasticsearchIndexingException"/> after the rest is indexed.
/// </remarks>
public sealed class ElasticsearchArticleIndex : IArticleIndex, IArticleSearch, IDisposable
{
    private const int IdsPerLookup = 1_000;

    /// <summary>Hits per page of an export.</summary>
    private const int ExportPageSize = 500;

    /// <summary>How long the export's point in time lives between two pages.</summary>
    private const string ExportKeepAlive = "1m";

    private readonly ElasticsearchClient _client;
    private readonly ElasticsearchSearchOptions _options;
    private readonly BulkIndexer _bulk;
    private readonly VersionedIndex _index;
    private readonly Analyzer _analyzer = ArticleAnalyzers.Create();
    private readonly ArticleQueryTranslator _parser;

    /// <summary>Connects with the nodes, credentials and certificate fingerprint of <paramref name="options"/>.</summary>
    /// <param name="names">The names a typed place, country or person is also searched by (<c>NameGroupsFile</c>); null for none.</param>
    public ElasticsearchArticleIndex(ElasticsearchSearchOptions options, IReadOnlyList<NameGroup>? names = null)
        : this(ElasticsearchConnection.Settings(options), options, names)
    {
    }

    /// <summary>For tests: any transport (an in-memory one) with the given options.</summary>
    internal ElasticsearchArticleIndex(ElasticsearchClientSettings settings, ElasticsearchSearchOptions options, IReadOnlyList<NameGroup>? names = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _client = new ElasticsearchClient(settings);
        _bulk = new BulkIndexer(_client, options);
        _parser = new ArticleQueryTranslator(_analyzer, names is null ? null : new NameExpander(names, _analyzer));
        _index = new VersionedIndex(
            _client, options.Alias, ArticleIndexDefinition.IndexName(options.Alias), () => ArticleIndexDefinition.CreateRequest(options), PutTemplateAsync);
    }

    /// <summary>The alias every request goes through.</summary>
    public string Alias => _options.Alias;

    public async Task IndexAsync(IReadOnlyCollection<EnrichedArticle> articles, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(articles);
        if (articles.Count == 0)
        {
            return;
        }

        await _index.EnsureAsync(cancellationToken).ConfigureAwait(false);
        var failures = await _bulk.WriteAsync([.. articles.Select(ArticleSearchDocument.From)], cancellationToken).ConfigureAwait(false);

        var refresh = await _client.Indices.RefreshAsync(new RefreshRequest(Alias), cancellationToken).ConfigureAwait(false);
        ElasticsearchErrors.ThrowIfFailed(refresh, "refreshing the index");

        if (failures.Count > 0)
        {
            throw new ElasticsearchIndexingException(failures);
        }
    }

    public async Task<IReadOnlySet<ArticleId>> FindExistingAsync(IReadOnlyCollection<ArticleId> ids, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var existing = new HashSet<ArticleId>();
        var wanted = ids.Where(id => id.Value is not null).Select(id => id.Value).Distinct(StringComparer.Ordinal).ToList();
        foreach (var chunk in wanted.Chunk(IdsPerLookup))
        {
            var request = new SearchRequest(Alias)
            {
                Query = new IdsQuery { Values = new Ids(chunk.Select(id => new Id(id))) },
                Size = chunk.Length,
                Source = new SourceConfig(false),
            };
            var response = await _index.RunAsync(ct => _client.SearchAsync<ArticleSearchDocument>(request, ct), "looking up ids", null, cancellationToken).ConfigureAwait(false);
            existing.UnionWith(response.Hits.Select(hit => ArticleId.Parse(hit.Id!)));
        }

        return existing;
    }

    public async Task<SearchResult> SearchAsync(ArticleQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfNegative(query.Skip);
        ArgumentOutOfRangeException.ThrowIfNegative(query.Take);

        var (text, expansions) = ParsedQueryTranslator.ParseAndTranslate(_parser, query);
        var request = SearchRequest(query, text);
        var response = await _index.RunAsync(ct => _client.SearchAsync<ArticleSearchDocument>(request, ct), "a search", query.Text, cancellationToken).ConfigureAwait(false);

        // One hit more than the page was asked for, to know whether a next page exists.
        var collected = response.Hits.Where(hit => hit.Source is not null).ToList();
        var page = collected.Take(query.Take).ToList();
        var hits = page
            .Select(hit =>
            {
                var article = hit.Source!.ToEnrichedArticle();
                return new SearchHit(article, hit.Score ?? 0, HighlightSnippets.From(hit.Highlight, article.Article.Body, text is not null));
            })
            .ToList();
        var next = page.Count > 0 && collected.Count > page.Count && page[^1].Sort is { } sortValues
            ? ElasticCursor.Encode(SearchQueryBuilder.Signature(query, text is not null), sortValues)
            : null;
        var (stories, sources) = DistinctCounts.Read(response.Aggregations);
        return new SearchResult(response.Total, hits, FacetAggregations.Read(response.Aggregations))
        {
            NextCursor = next,
            DistinctStories = stories,
            DistinctSources = sources,
            NameExpansions = expansions,
        };
    }

    public async IAsyncEnumerable<EnrichedArticle> ExportAsync(
        ArticleQuery query, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var text = ParseText(query);
        var filtered = SearchQueryBuilder.Build(query, text, includeFacetFilters: true);
        var sort = SearchQueryBuilder.Sort(query, text is not null);

        await _index.EnsureAsync(cancellationToken).ConfigureAwait(false);
        var opened = await _client.OpenPointInTimeAsync(new OpenPointInTimeRequest(Alias) { KeepAlive = ExportKeepAlive }, cancellationToken).ConfigureAwait(false);
        ElasticsearchErrors.ThrowIfFailed(opened, "opening a point in time for an export");
        var pit = opened.Id;
        try
        {
            ICollection<FieldValue>? after = null;
            while (true)
            {
                var request = ExportRequest(pit, filtered, sort, after);
                var response = await _client.SearchAsync<ArticleSearchDocument>(request, cancellationToken).ConfigureAwait(false);
                ElasticsearchErrors.ThrowIfFailed(response, "an export", query.Text);
                pit = response.PitId ?? pit;
                foreach (var hit in response.Hits)
                {
                    if (hit.Source is not null)
                    {
                        yield return hit.Source.ToEnrichedArticle();
                    }
                }

                if (response.Hits.Count < ExportPageSize || response.Hits.Last().Sort is not { } last)
                {
                    yield break;
                }

                after = [.. last];
            }
        }
        finally
        {
            // The point in time would expire by itself; closing frees its resources now.
            await _client.ClosePointInTimeAsync(new ClosePointInTimeRequest { Id = pit }, CancellationToken.None).ConfigureAwait(false);
        }
    }

    public async Task<CoverageTrend> GetCoverageAsync(CoverageQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);

        var request = CoverageRequest(query, ParseText(query.Filter));
        var response = await _index.RunAsync(ct => _client.SearchAsync<ArticleSearchDocument>(request, ct), "a coverage query", query.Filter.Text, cancellationToken).ConfigureAwait(false);
        return CoverageAggregations.Read(response.Aggregations, query);
    }

    public async Task<SignificantTerms> GetSignificantTermsAsync(SignificantTermsQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfNegative(query.Take);

        var request = SignificantTermsRequest(query);
        var response = await _index.RunAsync(ct => _client.SearchAsync<ArticleSearchDocument>(request, ct), "significant terms", query.Filter.Text, cancellationToken).ConfigureAwait(false);
        return SignificantTermsAggregations.Read(response, _analyzer, query.Take);
    }

    public async Task<EnrichedArticle?> GetAsync(ArticleId id, CancellationToken cancellationToken = default)
    {
        if (id.Value is null)
        {
            return null;
        }

        await _index.EnsureAsync(cancellationToken).ConfigureAwait(false);
        var response = await _client.GetAsync<ArticleSearchDocument>(new GetRequest(Alias, id.Value), cancellationToken).ConfigureAwait(false);
        if (response.ApiCallDetails?.HttpStatusCode == 404 && response.ElasticsearchServerError is null)
        {
            return null;
        }

        ElasticsearchErrors.ThrowIfFailed(response, "getting an article");
        return response.Found && response.Source is not null ? response.Source.ToEnrichedArticle() : null;
    }

    public async Task<IReadOnlyList<SearchHit>> MoreLikeThisAsync(
        ArticleId id, ArticleQuery? filter = null, int take = 10, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(take);
        filter ??= new ArticleQuery();
        var text = ParseText(filter);
        if (id.Value is null || take == 0 || await GetAsync(id, cancellationToken).ConfigureAwait(false) is null)
        {
            return [];
        }

        var request = MoreLikeThisRequest(id, filter, text, take);
        var response = await _index.RunAsync(ct => _client.SearchAsync<ArticleSearchDocument>(request, ct), "a more-like-this search", filter.Text, cancellationToken).ConfigureAwait(false);
        return [.. response.Hits.Where(hit => hit.Source is not null).Select(hit =>
        {
            var article = hit.Source!.ToEnrichedArticle();
            return new SearchHit(article, hit.Score ?? 0, HighlightSnippets.From(hit.Highlight, article.Article.Body, hasText: true));
        })];
    }

    public async Task<IReadOnlyList<Suggestion>> SuggestAsync(string prefix, int take = 10, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        var folded = TagSuggestions.Fold(prefix);
        if (folded.Length == 0 || take <= 0)
        {
            return [];
        }

        var request = TagSuggestions.Request(Alias, folded);
        var response = await _index.RunAsync(ct => _client.SearchAsync<ArticleSearchDocument>(request, ct), "suggestions", null, cancellationToken).ConfigureAwait(false);
        return TagSuggestions.Read(response.Aggregations, folded, take);
    }

    public async Task<long> CountAsync(CancellationToken cancellationToken = default)
    {
        var response = await _index.RunAsync(ct => _client.CountAsync(new CountRequest(Alias), ct), "counting articles", null, cancellationToken).ConfigureAwait(false);
        return response.Count;
    }

    public void Dispose()
    {
        _index.Dispose();
        _analyzer.Dispose();
    }

    /// <summary>
    /// The analyst text parsed exactly as the Lucene engine parses it (same parser, analysis and error
    /// messages), then translated; null when there is no text.
    /// </summary>
    /// <exception cref="InvalidQueryException">The text is not valid query syntax.</exception>
    internal Query? ParseText(ArticleQuery query) => ParsedQueryTranslator.ParseAndTranslate(_parser, query).Query;

    /// <summary>
    /// Text and the non-facet filters as the query, facet filters as post_filter (they narrow hits and
    /// total but not the facets), the page (from/size, or search_after from a cursor) one hit longer than
    /// asked, highlights of the text, the disjunctive facet aggregations and the distinct counts.
    /// </summary>
    internal SearchRequest SearchRequest(ArticleQuery query, Query? text)
    {
        var signature = SearchQueryBuilder.Signature(query, text is not null);
        var after = query.Cursor is null ? null : ElasticCursor.Decode(signature, query.Cursor);
        var facetFilters = SearchQueryBuilder.FacetFilters(query, except: null);
        return new SearchRequest(Alias)
        {
            Query = SearchQueryBuilder.Build(query, text, includeFacetFilters: false),
            PostFilter = facetFilters.Count == 0 ? null : (Query)new BoolQuery { Filter = facetFilters },
            Sort = SearchQueryBuilder.Sort(query, text is not null),
            SearchAfter = after,
            From = after is null && query.Skip > 0 ? query.Skip : null,
            Size = query.Take == 0 ? 0 : query.Take + 1,
            TrackTotalHits = new TrackHits(true),
            TrackScores = true,
            Highlight = text is null || query.Take == 0 ? null : HighlightSnippets.Request(text),
            Aggregations = new Dictionary<string, Aggregation>(FacetAggregations.Request(query), StringComparer.Ordinal)
            {
                [DistinctCounts.Name] = DistinctCounts.Request(query),
            },
        };
    }

    /// <summary>The request of <see cref="GetSignificantTermsAsync"/> (<see cref="SignificantTermsAggregations"/>).</summary>
    /// <exception cref="InvalidQueryException">The text is not valid query syntax.</exception>
    internal SearchRequest SignificantTermsRequest(SignificantTermsQuery query)
    {
        var (parsed, _) = _parser.Parse(query.Filter.Text, query.Filter.ExpandNames);
        var text = parsed is null ? null : ParsedQueryTranslator.Translate(parsed);
        return SignificantTermsAggregations.Request(Alias, query, text, QueryWords.Of(parsed));
    }

    internal SearchRequest CoverageRequest(CoverageQuery query, Query? text) => new(Alias)
    {
        Query = SearchQueryBuilder.Build(query.Filter, text, includeFacetFilters: true),
        Size = 0,
        Aggregations = CoverageAggregations.Request(query),
    };

    internal static SearchRequest ExportRequest(string pit, Query query, ICollection<SortOptions> sort, ICollection<FieldValue>? after) => new()
    {
        Pit = new PointInTimeReference { Id = pit, KeepAlive = ExportKeepAlive },
        Query = query,
        Sort = sort,
        SearchAfter = after,
        Size = ExportPageSize,
        TrackTotalHits = new TrackHits(false),
    };

    /// <summary>
    /// Elasticsearch's more_like_this from the stored article (its distinctive title and body terms, with
    /// the Lucene engine's thresholds), restricted by the filter's text and filters; never the article itself.
    /// One shared term is enough, as in Lucene's <c>MoreLikeThis</c> (a plain disjunction); left alone,
    /// Elasticsearch would ask for 30% of the selected terms and miss articles the Lucene engine finds.
    /// </summary>
    internal SearchRequest MoreLikeThisRequest(ArticleId id, ArticleQuery filter, Query? text, int take)
    {
        Query similar = new MoreLikeThisQuery
        {
            Fields = new[] { ArticleIndexDefinition.Title, ArticleIndexDefinition.Body },
            Like = [new LikeDocument { Index = Alias, Id = id.Value }],
            MinTermFreq = 1,
            MinDocFreq = 2,
            MaxQueryTerms = 25,
            MinimumShouldMatch = 1,
        };
        return new SearchRequest(Alias)
        {
            Query = new BoolQuery
            {
                Must = [similar],
                Filter = [SearchQueryBuilder.Build(filter, text, includeFacetFilters: true)],
                MustNot = [new IdsQuery { Values = new Ids([new Id(id.Value)]) }],
            },
            Size = take,
            Highlight = HighlightSnippets.Request(similar),
        };
    }

    /// <summary>
    /// The index template goes in before the engine creates its index, so that any index of the
    /// definition's pattern (one made by hand for a reindex) gets the same mappings and analysis.
    /// </summary>
    private async Task PutTemplateAsync(CancellationToken cancellationToken)
    {
        var template = await _client.Indices.PutIndexTemplateAsync(ArticleIndexDefinition.TemplateRequest(_options), cancellationToken).ConfigureAwait(false);
        ElasticsearchErrors.ThrowIfFailed(template, $"installing the index template '{Alias}'");
    }
}
