using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Monitoring.Core.Enrichment;
using Monitoring.Core.Search;
using Monitoring.Ingestion.Store;

namespace Monitoring.Ingestion.Outlets;

/// <summary>
/// Writes the articles of some sources again with their outlet's current country, kind and groups, after an editor
/// changed them (<see cref="OutletCatalog"/>). A Hangfire job, so it runs on the worker, the index's one writer.
/// Re-entrant: an article that already carries its outlet's data is left alone, so a rerun writes only what is left.
/// </summary>
public sealed partial class OutletRetagJob(
    IDbContextFactory<IngestionDbContext> store,
    IArticleSearch search,
    IArticleIndex index,
    ILogger<OutletRetagJob> logger)
{
    private const int BatchSize = 500;

    /// <returns>How many articles were written again.</returns>
    [AutomaticRetry(Attempts = 5)]
    public async Task<int> RetagAsync(string[] sourceNames, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sourceNames);
        OutletDirectory outlets;
        var db = await store.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            // Read when the job runs, not when it was enqueued: two quick edits leave the articles with the last one.
            outlets = await OutletDirectory.LoadAsync(db, cancellationToken).ConfigureAwait(false);
        }

        var written = 0;
        var batch = new List<EnrichedArticle>(BatchSize);
        // The export reads one snapshot, so writing while reading it neither skips nor repeats an article.
        await foreach (var enriched in search.ExportAsync(new ArticleQuery { Sources = sourceNames, Sort = SearchSort.Oldest }, cancellationToken).ConfigureAwait(false))
        {
            var article = outlets.Apply(enriched.Article);
            if (ReferenceEquals(article, enriched.Article))
            {
                continue;
            }

            batch.Add(enriched with { Article = article });
            if (batch.Count == BatchSize)
            {
                written += await WriteAsync(batch, cancellationToken).ConfigureAwait(false);
            }
        }

        written += await WriteAsync(batch, cancellationToken).ConfigureAwait(false);
        LogRetagged(logger, written, sourceNames.Length);
        return written;
    }

    private async Task<int> WriteAsync(List<EnrichedArticle> batch, CancellationToken cancellationToken)
    {
        if (batch.Count == 0)
        {
            return 0;
        }

        await index.IndexAsync(batch.ToList(), cancellationToken).ConfigureAwait(false);
        var count = batch.Count;
        batch.Clear();
        return count;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Outlet data re-tagged on {Count} articles of {SourceCount} sources")]
    private static partial void LogRetagged(ILogger logger, int count, int sourceCount);
}
