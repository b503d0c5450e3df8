using Elastic.Clients.Elasticsearch;
using Elastic.Clients.Elasticsearch.Core.Search;
using Elastic.Clients.Elasticsearch.IndexManagement;
using Elastic.Clients.Elasticsearch.QueryDsl;
using Elastic.Transport;
using Elastic.Transport.Products.Elasticsearch;
using Monitoring.Core.Articles;
using Monitoring.Core.Enrichment;
using Monitoring.Core.Search;

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

    private readonly ElasticsearchClient _client;
    private readonly ElasticsearchSearchOptions _options;
    private readonly BulkIndexer _bulk;
    private readonly SemaphoreSlim _creating = new(1, 1);
    private volatile bool _indexReady;

    /// <summary>Connects with the nodes, credentials and certificate fingerprint of <paramref name="options"/>.</summary>
    public ElasticsearchArticleIndex(ElasticsearchSearchOptions options)
        : this(ElasticsearchConnection.Settings(options), options)
    {
    }

    /// <summary>For tests: any transport (an in-memory one) with the given options.</summary>
    internal ElasticsearchArticleIndex(ElasticsearchClientSettings settings, ElasticsearchSearchOptions options)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _client = new ElasticsearchClient(settings);
        _bulk = new BulkIndexer(_client, options);
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

        await EnsureIndexAsync(cancellationToken).ConfigureAwait(false);
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
            var response = await RunAsync(ct => _client.SearchAsync<ArticleSearchDocument>(request, ct), "looking up ids", null, cancellationToken).ConfigureAwait(false);
            existing.UnionWith(response.Hits.Select(hit => ArticleId.Parse(hit.Id!)));
        }

        return existing;
    }

    public async Task<SearchResult> SearchAsync(ArticleQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfNegative(query.Skip);
        ArgumentOutOfRangeException.ThrowIfNegative(query.Take);

        var request = SearchRequest(query);
        var response = await RunAsync(ct => _client.SearchAsync<ArticleSearchDocument>(request, ct), "a search", query.Text, cancellationToken).ConfigureAwait(false);

        var hits = response.Hits
            .Where(hit => hit.Source is not null)
            .Select(hit =>
            {
                var article = hit.Source!.ToEnrichedArticle();
                return new SearchHit(article, hit.Score ?? 0, HighlightSnippets.From(hit.Highlight, article.Article.Body, query.HasText));
            })
            .ToList();
        return new SearchResult(response.Total, hits, FacetAggregations.Read(response.Aggregations));
    }

    public async Task<CoverageTrend> GetCoverageAsync(CoverageQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);

        var request = CoverageRequest(query);
        var response = await RunAsync(ct => _client.SearchAsync<ArticleSearchDocument>(request, ct), "a coverage query", query.Filter.Text, cancellationToken).ConfigureAwait(false);
        return CoverageAggregations.Read(response.Aggregations, query.Interval);
    }

    public async Task<EnrichedArticle?> GetAsync(ArticleId id, CancellationToken cancellationToken = default)
    {
        if (id.Value is null)
        {
            return null;
        }

        await EnsureIndexAsync(cancellationToken).ConfigureAwait(false);
        var response = await _client.GetAsync<ArticleSearchDocument>(new GetRequest(Alias, id.Value), cancellationToken).ConfigureAwait(false);
        if (response.ApiCallDetails?.HttpStatusCode == 404 && response.ElasticsearchServerError is null)
        {
            return null;
        }

        ElasticsearchErrors.ThrowIfFailed(response, "getting an article");
        return response.Found && response.Source is not null ? response.Source.ToEnrichedArticle() : null;
    }

    public async Task<long> CountAsync(CancellationToken cancellationToken = default)
    {
        var response = await RunAsync(ct => _client.CountAsync(new CountRequest(Alias), ct), "counting articles", null, cancellationToken).ConfigureAwait(false);
        return response.Count;
    }

    public void Dispose() => _creating.Dispose();

    internal SearchRequest SearchRequest(ArticleQuery query) => new(Alias)
    {
        Query = SearchQueryBuilder.Build(query),
        Sort = SearchQueryBuilder.Sort(query),
        From = query.Skip,
        Size = query.Take,
        TrackTotalHits = new TrackHits(true),
        TrackScores = true,
        Highlight = query.HasText ? HighlightSnippets.Request() : null,
        Aggregations = FacetAggregations.Request(),
    };

    internal SearchRequest CoverageRequest(CoverageQuery query) => new(Alias)
    {
        Query = SearchQueryBuilder.Build(query.Filter),
        Size = 0,
        Aggregations = CoverageAggregations.Request(query),
    };

    /// <summary>
    /// Runs a read after making sure the index exists. Should the index have gone since (deleted by hand),
    /// it is created again and the read repeated once, so the product answers "nothing yet" instead of failing.
    /// </summary>
    private async Task<TResponse> RunAsync<TResponse>(
        Func<CancellationToken, Task<TResponse>> send, string operation, string? queryText, CancellationToken cancellationToken)
        where TResponse : ElasticsearchResponse
    {
        await EnsureIndexAsync(cancellationToken).ConfigureAwait(false);
        var response = await send(cancellationToken).ConfigureAwait(false);
        if (ElasticsearchErrors.IsIndexNotFound(response))
        {
            _indexReady = false;
            await EnsureIndexAsync(cancellationToken).ConfigureAwait(false);
            response = await send(cancellationToken).ConfigureAwait(false);
        }

        ElasticsearchErrors.ThrowIfFailed(response, operation, queryText);
        return response;
    }

    /// <summary>Creates the versioned index with its alias unless the alias exists; safe against a concurrent creator.</summary>
    private async Task EnsureIndexAsync(CancellationToken cancellationToken)
    {
        if (_indexReady)
        {
            return;
        }

        await _creating.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_indexReady)
            {
                return;
            }

            var exists = await _client.Indices.ExistsAliasAsync(new ExistsAliasRequest(Alias), cancellationToken).ConfigureAwait(false);
            if (exists.ApiCallDetails?.HttpStatusCode is not (200 or 404))
            {
                throw ElasticsearchErrors.ToException(exists, $"checking the alias '{Alias}'");
            }

            if (!exists.Exists)
            {
                var created = await _client.Indices.CreateAsync(ArticleIndexDefinition.CreateRequest(_options), cancellationToken).ConfigureAwait(false);
                var alreadyThere = created.ElasticsearchServerError?.Error?.Type == "resource_already_exists_exception";
                if (!created.IsValidResponse && !alreadyThere)
                {
                    throw ElasticsearchErrors.ToException(created, $"creating the index '{ArticleIndexDefinition.IndexName(Alias)}'");
                }

                if (alreadyThere)
                {
                    // Another process created it, or the index outlived its alias: point the alias at it.
                    var alias = await _client.Indices.PutAliasAsync(
                        new PutAliasRequest(ArticleIndexDefinition.IndexName(Alias), Alias), cancellationToken).ConfigureAwait(false);
                    ElasticsearchErrors.ThrowIfFailed(alias, $"adding the alias '{Alias}'");
                }
            }

            _indexReady = true;
        }
        finally
        {
            _creating.Release();
        }
    }
}
