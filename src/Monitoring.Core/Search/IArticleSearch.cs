using Monitoring.Core.Articles;
using Monitoring.Core.Enrichment;

namespace Monitoring.Core.Search;

/// <summary>Reads from a search engine. Every engine passes the same contract test suite.</summary>
public interface IArticleSearch
{
    /// <summary>Ranked hits with highlighted snippets, plus facet counts over all matching articles.</summary>
    /// <exception cref="ArgumentException">The text is not valid query syntax; the message is meant for the analyst.</exception>
    Task<SearchResult> SearchAsync(ArticleQuery query, CancellationToken cancellationToken = default);

    /// <summary>Matching articles counted per date bucket and per country.</summary>
    /// <exception cref="ArgumentException">The filter's text is not valid query syntax.</exception>
    Task<CoverageTrend> GetCoverageAsync(CoverageQuery query, CancellationToken cancellationToken = default);

    /// <summary>One article with its tags, or null when the id is unknown.</summary>
    Task<EnrichedArticle?> GetAsync(ArticleId id, CancellationToken cancellationToken = default);

    /// <summary>How many articles are indexed.</summary>
    Task<long> CountAsync(CancellationToken cancellationToken = default);
}
