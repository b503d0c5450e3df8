using System.Text.Json;
using Elastic.Clients.Elasticsearch;
using Elastic.Clients.Elasticsearch.Core.Search;
using Elastic.Clients.Elasticsearch.QueryDsl;
using Monitoring.Core.Alerts;
using Monitoring.Core.Articles;
using Monitoring.Core.Enrichment;
using Monitoring.Core.Search;
using Monitoring.Core.Search.Names;
using Monitoring.Search.Lucene;
using Analyzer = Lucene.Net.Analysis.Analyzer;

namespace Monitoring.Search.Elasticsearch.Percolation;

/// <summary>
/// The Elasticsearch percolator: each alert's query is stored, translated exactly as
/// <see cref="ElasticsearchArticleIndex"/> translates a search (same parser, filters and time zone), in a
/// percolator index behind <see cref="ElasticsearchSearchOptions.AlertsAlias"/>; a batch of new articles
/// is sent as the documents of one percolate query and the cluster answers which stored queries match
/// which of them. Thread-safe; meant to live as a singleton. Queries persist in the cluster, and a new
/// index version starts empty: the host registers the saved alerts at start, as for the embedded engine.
/// </summary>
/// <remarks>
/// Text that does not parse throws <see cref="InvalidQueryException"/> before anything is sent; a cluster
/// that cannot be reached or refuses a request throws <see cref="ElasticsearchRequestException"/>, except
/// a 400 to a stored query, which is an <see cref="InvalidQueryException"/> with the cluster's reason.
/// </remarks>
public sealed class ElasticsearchAlertPercolator : IAlertPercolator, IDisposable
{
    /// <summary>Alerts per page when listing or percolating; pages follow each other by alert id.</summary>
    internal const int PageSize = 1_000;

    /// <summary>The field of each hit naming the positions of the documents its query matched.</summary>
    internal const string DocumentSlotField = "_percolator_document_slot";

    private readonly ElasticsearchClient _client;
    private readonly VersionedIndex _index;
    private readonly Analyzer _analyzer = ArticleAnalyzers.Create();
    private readonly ArticleQueryTranslator _parser;

    /// <summary>Connects with the nodes, credentials and certificate fingerprint of <paramref name="options"/>.</summary>
    /// <param name="names">The names a typed place, country or person is also searched by (<c>NameGroupsFile</c>); null for none.</param>
    public ElasticsearchAlertPercolator(ElasticsearchSearchOptions options, IReadOnlyList<NameGroup>? names = null)
        : this(ElasticsearchConnection.Settings(options), options, names)
    {
    }

    /// <summary>For tests: any transport (an in-memory one) with the given options.</summary>
    internal ElasticsearchAlertPercolator(ElasticsearchClientSettings settings, ElasticsearchSearchOptions options, IReadOnlyList<NameGroup>? names = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(options);
        _client = new ElasticsearchClient(settings);
        _parser = new ArticleQueryTranslator(_analyzer, names is null ? null : new NameExpander(names, _analyzer));
        _index = new VersionedIndex(
            _client, options.AlertsAlias, AlertIndexDefinition.IndexName(options.AlertsAlias), () => AlertIndexDefinition.CreateRequest(options));
    }

    /// <summary>The alias every request goes through.</summary>
    public string Alias => _index.Alias;

    public async Task RegisterAsync(string alertId, ArticleQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(alertId);
        ArgumentNullException.ThrowIfNull(query);

        // Translated before anything is sent, so a bad query throws and leaves the stored one in place.
        var stored = new StoredAlertQuery(alertId, Translate(query));
        var request = new IndexRequest<StoredAlertQuery>(stored, Alias, alertId) { Refresh = Refresh.True };
        await _index.RunAsync(ct => _client.IndexAsync(request, ct), "storing an alert's query", query.Text, cancellationToken).ConfigureAwait(false);
    }

    public async Task RemoveAsync(string alertId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(alertId);
        if (alertId.Length == 0)
        {
            return;
        }

        var request = new DeleteRequest(Alias, alertId) { Refresh = Refresh.True };
        var response = await _index.SendAsync(ct => _client.DeleteAsync(request, ct), cancellationToken).ConfigureAwait(false);

        // 404 without an error is "no such document": an unknown id is ignored.
        if (response.ApiCallDetails?.HttpStatusCode == 404 && response.ElasticsearchServerError is null)
        {
            return;
        }

        ElasticsearchErrors.ThrowIfFailed(response, "removing an alert's query");
    }

    public async Task<IReadOnlySet<string>> RegisteredAsync(CancellationToken cancellationToken = default)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var hit in PagesAsync(new MatchAllQuery(), "listing alerts", cancellationToken).ConfigureAwait(false))
        {
            ids.Add(hit.Id!);
        }

        return ids;
    }

    public async Task<IReadOnlyList<PercolatorMatch>> PercolateAsync(IReadOnlyCollection<EnrichedArticle> articles, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(articles);

        // One document per article, so an article given twice in a batch matches once; the slot of a
        // document is its position in this list.
        var distinct = articles.DistinctBy(article => article.Id).ToList();
        if (distinct.Count == 0)
        {
            return [];
        }

        var matches = new List<PercolatorMatch>();
        var query = PercolateQuery(distinct);
        await foreach (var hit in PagesAsync(query, "percolating new articles", cancellationToken).ConfigureAwait(false))
        {
            matches.AddRange(Slots(hit).Select(slot => new PercolatorMatch(hit.Id!, distinct[slot].Id)));
        }

        return matches;
    }

    public void Dispose()
    {
        _index.Dispose();
        _analyzer.Dispose();
    }

    /// <summary>The alert's text and every filter as one query, exactly as a search or an export sends them.</summary>
    /// <exception cref="InvalidQueryException">The text is not valid query syntax.</exception>
    /// <exception cref="ArgumentException">The time zone is unknown.</exception>
    internal Query Translate(ArticleQuery query) =>
        SearchQueryBuilder.Build(query, ParsedQueryTranslator.ParseAndTranslate(_parser, query).Query, includeFacetFilters: true);

    /// <summary>The articles as the documents of one percolate query, in the shape the articles index gets them.</summary>
    internal static PercolateQuery PercolateQuery(IEnumerable<EnrichedArticle> articles) => new(AlertIndexDefinition.Query)
    {
        Documents = [.. articles.Select(ArticleSearchDocument.From)],
    };

    /// <summary>
    /// One page of stored alerts matching <paramref name="query"/>, ordered by alert id, after the sort
    /// values of the previous page's last hit; no source and no total, only ids (and document slots).
    /// </summary>
    internal SearchRequest PageRequest(Query query, ICollection<FieldValue>? after) => new(Alias)
    {
        Query = query,
        Sort = [new SortOptions { Field = new FieldSort(AlertIndexDefinition.AlertId) { Order = SortOrder.Asc } }],
        SearchAfter = after,
        Size = PageSize,
        Source = new SourceConfig(false),
        TrackTotalHits = new TrackHits(false),
    };

    /// <summary>The document positions a hit's query matched.</summary>
    internal static IEnumerable<int> Slots(Hit<JsonElement> hit)
    {
        if (hit.Fields is null || !hit.Fields.TryGetValue(DocumentSlotField, out var slots) || slots is not JsonElement { ValueKind: JsonValueKind.Array } array)
        {
            // Every hit of a percolate query carries its slots; without them a match would be lost.
            throw new ElasticsearchRequestException($"Elasticsearch answered a percolation without {DocumentSlotField} for the alert '{hit.Id}'.");
        }

        return array.EnumerateArray().Select(slot => slot.GetInt32()).ToList();
    }

    /// <summary>Every stored alert matching the query, page after page: no silent cap.</summary>
    private async IAsyncEnumerable<Hit<JsonElement>> PagesAsync(
        Query query, string operation, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ICollection<FieldValue>? after = null;
        while (true)
        {
            var request = PageRequest(query, after);
            var response = await _index.RunAsync(ct => _client.SearchAsync<JsonElement>(request, ct), operation, null, cancellationToken).ConfigureAwait(false);
            foreach (var hit in response.Hits)
            {
                yield return hit;
            }

            if (response.Hits.Count < PageSize || response.Hits.Last().Sort is not { } last)
            {
                yield break;
            }

            after = [.. last];
        }
    }
}
