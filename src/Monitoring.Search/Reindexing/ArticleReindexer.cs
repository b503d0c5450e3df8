using System.Diagnostics;
using Monitoring.Core.Articles;
using Monitoring.Core.Enrichment;
using Monitoring.Core.Search;
using Monitoring.Search.Elasticsearch;
using Monitoring.Search.Lucene;

namespace Monitoring.Search.Reindexing;

/// <summary>
/// Copies every article of a Lucene index into any <see cref="IArticleIndex"/> (another Lucene folder, an
/// Elasticsearch cluster) in batches, in id order, optionally enriching each again from its stored text.
/// Writing is keyed by article id, so a batch written twice replaces itself and a rerun never doubles.
/// After each batch the target acknowledged, a <see cref="ReindexCheckpoint"/> records the last id, so a
/// copy stopped by cancellation or a crash continues where it stopped.
/// </summary>
public sealed class ArticleReindexer
{
    private readonly LuceneArticleSource _source;
    private readonly IArticleIndex _target;
    private readonly ReindexOptions _options;

    public ArticleReindexer(LuceneArticleSource source, IArticleIndex target, ReindexOptions options)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.BatchSize, 1);
        _source = source;
        _target = target;
        _options = options;
    }

    /// <summary>
    /// Copies what is left. Cancellation is honoured between batches: the batch in flight is finished and
    /// checkpointed, then the result says <see cref="ReindexResult.Interrupted"/>.
    /// </summary>
    /// <exception cref="InvalidDataException">The source cannot be read.</exception>
    /// <exception cref="ElasticsearchRequestException">An Elasticsearch target cannot be reached or refuses a request.</exception>
    public async Task<ReindexResult> RunAsync(IProgress<ReindexProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var (checkpoint, startedOverBecause) = Start();
        var resumedAt = checkpoint.Copied;
        var refused = new List<IndexingFailure>();
        var watch = Stopwatch.StartNew();
        var copiedThisRun = 0;
        var interrupted = false;
        ArticleId? after = checkpoint.LastId.Length == 0 ? null : ArticleId.Parse(checkpoint.LastId);
        foreach (var batch in _source.ReadAfter(after).Chunk(_options.BatchSize))
        {
            if (cancellationToken.IsCancellationRequested)
            {
                interrupted = true;
                break;
            }

            refused.AddRange(await WriteAsync(Enrich(batch)).ConfigureAwait(false));
            checkpoint = checkpoint with { LastId = batch[^1].Id.Value, Copied = checkpoint.Copied + batch.Length, UpdatedAt = DateTimeOffset.UtcNow };
            checkpoint.Write(_options.CheckpointPath);
            copiedThisRun += batch.Length;
            progress?.Report(new ReindexProgress(checkpoint.Copied, checkpoint.SourceCount, copiedThisRun, watch.Elapsed));
        }

        if (!interrupted)
        {
            File.Delete(_options.CheckpointPath);
        }

        var final = new ReindexProgress(checkpoint.Copied, checkpoint.SourceCount, copiedThisRun, watch.Elapsed);
        return new ReindexResult(final, resumedAt, startedOverBecause, interrupted, refused);
    }

    /// <summary>The checkpoint to continue from: the one on disk when it is for this very copy, else a fresh one.</summary>
    private (ReindexCheckpoint Checkpoint, string? StartedOverBecause) Start()
    {
        var fresh = new ReindexCheckpoint(
            _source.IndexFolder, _source.Generation, _source.Count, _options.Target, _options.Enricher is not null, LastId: string.Empty, Copied: 0, DateTimeOffset.UtcNow);
        if (_options.Restart || ReindexCheckpoint.TryRead(_options.CheckpointPath) is not { } saved)
        {
            return (fresh, null);
        }

        return saved.Mismatch(fresh) is { } reason ? (fresh, reason) : (saved, null);
    }

    private EnrichedArticle[] Enrich(EnrichedArticle[] batch) =>
        _options.Enricher is { } enricher
            ? batch.AsParallel().AsOrdered().Select(stored => enricher.Enrich(stored.Article)).ToArray()
            : batch;

    /// <summary>
    /// Writes one batch whole: it is not cancelled once sent, so that what the target acknowledged is
    /// checkpointed before a stop. Articles Elasticsearch refuses for good (a mapping conflict) are
    /// returned and the copy goes on; retrying them would fail the same way.
    /// </summary>
    private async Task<IReadOnlyList<IndexingFailure>> WriteAsync(EnrichedArticle[] articles)
    {
        try
        {
            await _target.IndexAsync(articles, CancellationToken.None).ConfigureAwait(false);
            return [];
        }
        catch (ElasticsearchIndexingException refused)
        {
            return refused.Failures;
        }
    }
}
