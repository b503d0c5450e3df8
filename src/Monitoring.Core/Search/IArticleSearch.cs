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

    /// <summary>
    /// The words, people and countries unusually frequent in the matches of the query compared with the whole
    /// index (significant terms; docs/search.md). The values the query filters on, and the words of its text,
    /// are left out: they stand out by construction.
    /// </summary>
    /// <exception cref="ArgumentException">The filter's text is not valid query syntax.</exception>
    Task<SignificantTerms> GetSignificantTermsAsync(SignificantTermsQuery query, CancellationToken cancellationToken = default);

    /// <summary>One article with its tags, or null when the id is unknown.</summary>
    Task<EnrichedArticle?> GetAsync(ArticleId id, CancellationToken cancellationToken = default);

    /// <summary>
    /// Up to <paramref name="take"/> other articles most like the given one by the words of its title and
    /// body, best first, restricted by <paramref name="filter"/>'s filters and text (its paging and sort
    /// are ignored). Empty when the id is unknown. The article itself is never among them.
    /// </summary>
    Task<IReadOnlyList<SearchHit>> MoreLikeThisAsync(ArticleId id, ArticleQuery? filter = null, int take = 10, CancellationToken cancellationToken = default);

    /// <summary>
    /// Tags whose name has a word starting with <paramref name="prefix"/> (ignoring case, diacritics and
    /// script: "vuc", "Vuč" and "Вуч" all find Aleksandar Vučić; a country also matches by its code),
    /// the most frequent first (ties by value, ordinal), at most <paramref name="take"/> in all. A blank prefix suggests nothing.
    /// </summary>
    Task<IReadOnlyList<Suggestion>> SuggestAsync(string prefix, int take = 10, CancellationToken cancellationToken = default);

    /// <summary>How many articles are indexed.</summary>
    Task<long> CountAsync(CancellationToken cancellationToken = default);
}
