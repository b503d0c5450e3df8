using Monitoring.Core.Articles;
using Monitoring.Core.Enrichment;
using Monitoring.Core.Search;

namespace Monitoring.Core.Alerts;

/// <summary>
/// Matches new articles against every saved alert in one pass: the alerts' queries are stored once and
/// each batch of new articles is run against all of them, instead of re-running each alert's search over
/// the whole index. A match means exactly what a search would say: an article matches an alert when
/// <see cref="IArticleSearch.SearchAsync"/> with the alert's query over an index holding that article
/// would return it.
/// </summary>
public interface IAlertPercolator
{
    /// <summary>
    /// Stores the query of one alert, replacing what was stored under that id. Paging, sort and cursor
    /// are ignored.
    /// </summary>
    /// <exception cref="ArgumentException">
    /// The query text is not valid syntax (an <c>InvalidQueryException</c> whose message is meant for the
    /// editor) or the time zone is unknown; nothing is stored then.
    /// </exception>
    Task RegisterAsync(string alertId, ArticleQuery query, CancellationToken cancellationToken = default);

    /// <summary>Forgets an alert's query; unknown ids are ignored.</summary>
    Task RemoveAsync(string alertId, CancellationToken cancellationToken = default);

    /// <summary>The ids of the alerts stored now.</summary>
    Task<IReadOnlySet<string>> RegisteredAsync(CancellationToken cancellationToken = default);

    /// <summary>Every (alert, article) pair where the article matches the alert's stored query.</summary>
    Task<IReadOnlyList<PercolatorMatch>> PercolateAsync(IReadOnlyCollection<EnrichedArticle> articles, CancellationToken cancellationToken = default);
}

/// <summary>One article matching one alert.</summary>
public readonly record struct PercolatorMatch(string AlertId, ArticleId ArticleId);
