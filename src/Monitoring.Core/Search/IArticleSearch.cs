using Monitoring.Core.Articles;
using Monitoring.Core.Enrichment;

namespace Monitoring.Core.Search;

/// <summary>
/// Reads from a search engine. Every engine passes the same contract test suite; docs/search.md spells
/// out the semantics an engine must implement.
/// </summary>
public interface IArticleSearch
{
    /// <summary>
    /// Ranked hits with highlighted snippets, the exact total, disjunctive facet counts over all matching
    /// articles (see <see cref="SearchFacets"/>) and a cursor to the next page.
    /// </summary>
    /// <exception cref="ArgumentException">
    /// The text is not valid query syntax (InvalidQueryException, whose message is meant for the analyst),
    /// the cursor does not belong to this kind of query, or the time zone is unknown.
    /// </exception>
    Task<SearchResult> SearchAsync(ArticleQuery query, CancellationToken cancellationToken = default);

    /// <summary>
    /// Every article matching the query, in its sort order, with no cap; <c>Skip</c>, <c>Take</c> and
    /// <c>Cursor</c> are ignored. The enumeration reads one consistent view of the index, taken when it
    /// starts: articles indexed meanwhile are not included and none is returned twice.
    /// </summary>
    /// <exception cref="ArgumentException">As for <see cref="SearchAsync"/>, when enumeration starts.</exception>
    IAsyncEnumerable<EnrichedArticle> ExportAsync(ArticleQuery query, CancellationToken cancellationToken = default);

    /// <summary>Matching articles counted per date bucket and per country.</summary>
    /// <exception cref="ArgumentException">The filter's text is not valid query syntax.</exception>
    Task<CoverageTrend> GetCoverageAsync(CoverageQuery query, CancellationToken cancellationToken = default);

    /// <summary>One article with its tags, or null when the id is unknown.</summary>
    Task<EnrichedArticle?> GetAsync(ArticleId id, CancellationToken cancellationToken = default);

    /// <summary>How many articles are indexed.</summary>
    Task<long> CountAsync(CancellationToken cancellationToken = default);
}
