using Hangfire;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Monitoring.Core.Articles;
using Monitoring.Core.Enrichment;
using Monitoring.Core.Search;

namespace Monitoring.Ingestion.Seeds;

/// <summary>
/// Takes every article shipped in the seeds folder into the index. Re-entrant: articles whose id is
/// already indexed are skipped, so a second run (or a retry after a crash) indexes nothing twice.
/// </summary>
public sealed partial class SeedIngestionJob(
    IArticleIndex index,
    ArticleEnricher enricher,
    SeedsLocation seeds,
    IOptions<IngestionOptions> options,
    TimeProvider clock,
    ILogger<SeedIngestionJob> logger)
{
    /// <summary>Runs the ingestion; the returned summary is also logged.</summary>
    [DisableConcurrentExecution(timeoutInSeconds: 600)]
    [AutomaticRetry(Attempts = 3)]
    public async Task<SeedIngestionSummary> RunAsync(CancellationToken cancellationToken)
    {
        var ingestedAt = clock.GetUtcNow();
        var read = 0;
        var added = 0;
        foreach (var batch in SeedFolder.ReadArticles(seeds.FullPath, ingestedAt).Chunk(options.Value.BatchSize))
        {
            cancellationToken.ThrowIfCancellationRequested();
            read += batch.Length;
            var known = await index.FindExistingAsync(batch.Select(article => article.Id).ToArray(), cancellationToken)
                .ConfigureAwait(false);
            var fresh = batch
                .Where(article => !known.Contains(article.Id))
                .DistinctBy(article => article.Id)
                .Select(enricher.Enrich)
                .ToArray();
            if (fresh.Length > 0)
            {
                await index.IndexAsync(fresh, cancellationToken).ConfigureAwait(false);
                added += fresh.Length;
            }
        }

        var summary = new SeedIngestionSummary(read, added);
        LogIngested(logger, seeds.FullPath, summary.Read, summary.Added, summary.Skipped);
        return summary;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Seeds from {Folder}: {Read} read, {Added} indexed, {Skipped} already known")]
    private static partial void LogIngested(ILogger logger, string folder, int read, int added, int skipped);
}

/// <param name="Read">Articles found in the seeds folder.</param>
/// <param name="Added">Articles indexed by this run (not indexed before).</param>
public sealed record SeedIngestionSummary(int Read, int Added)
{
    public int Skipped => Read - Added;
}
