using Monitoring.Core.Articles;
using Monitoring.Core.Enrichment;

namespace Monitoring.Core.Search;

/// <summary>
/// Writes articles into a search engine. Writing is keyed by <see cref="ArticleId"/>: indexing an
/// article again replaces it, so re-running an ingestion job never doubles anything.
/// </summary>
public interface IArticleIndex
{
    /// <summary>Adds or replaces the articles; they are searchable when the task completes.</summary>
    Task IndexAsync(IReadOnlyCollection<EnrichedArticle> articles, CancellationToken cancellationToken = default);

    /// <summary>Which of the given ids are already indexed (lets jobs report and skip known articles).</summary>
    Task<IReadOnlySet<ArticleId>> FindExistingAsync(IReadOnlyCollection<ArticleId> ids, CancellationToken cancellationToken = default);
}
