using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Monitoring.Core.Articles;
using Monitoring.Core.Enrichment;
using Monitoring.Core.Search;
using Monitoring.Ingestion.Outlets;
using Monitoring.Ingestion.Store;
using Monitoring.Ingestion.Stories;

namespace Monitoring.Ingestion.Inbox;

/// <summary>
/// Normalises, deduplicates, enriches and indexes pending inbox items in batches. Re-entrant: an item
/// leaves the Pending state in the same transaction that records its article, and articles the index
/// already holds (a run that died after indexing) are not written again. So a run killed at any point
/// and started again loses nothing and indexes nothing twice.
/// </summary>
public sealed partial class InboxProcessingJob(
    IDbContextFactory<IngestionDbContext> store,
    IArticleIndex index,
    ArticleEnricher enricher,
    IOptions<IngestionOptions> options,
    TimeProvider clock,
    IEnumerable<IArticlesIndexedHandler> indexedHandlers,
    IndexWriteStatus indexWrites,
    ILogger<InboxProcessingJob> logger)
{
    // What processing sets on an item; written for the whole batch in one statement per chunk of rows.
    private static readonly string[] SettledColumns =
        [nameof(InboxItem.State), nameof(InboxItem.ArticleId), nameof(InboxItem.Reason), nameof(InboxItem.ProcessedAt)];

    // The batch being written keeps a thread busy with the index write (the critical path) and another with the store's
    // rows; preparing the next batch on every core as well left the index write waiting for a core. One core fewer for
    // the preparation ran benchmark 2 in 8.4–9.8 s against 9.7–10.5 s in alternated runs on two cores (docs/performance.md).
    private static readonly int PreparationThreads = Math.Max(1, Environment.ProcessorCount - 1);

    /// <summary>
    /// Processes the pending items with ids in [<paramref name="firstId"/>, <paramref name="lastId"/>];
    /// (0, <see cref="long.MaxValue"/>) is every pending item. One method for all runs, so Hangfire's
    /// lock keeps them from overlapping. Both cores work: while one batch is written to the index and committed,
    /// the next is read, normalised, checked against the register, placed in stories and enriched; it sees the
    /// batch being written through what that batch added (known articles, story members), so the overlap decides
    /// nothing differently from one batch after the other. Runs asked for while one runs are folded into one
    /// follow-up run (<see cref="FoldedInboxRunsAttribute"/>).
    /// </summary>
    [FoldedInboxRuns(timeoutInSeconds: 600)]
    [AutomaticRetry(Attempts = 10)]
    public async Task<InboxRunSummary> ProcessAsync(long firstId, long lastId, CancellationToken cancellationToken)
    {
        var summary = new InboxRunSummary();
        var cursor = firstId;
        PreparedBatch? writing = null;
        Task<int>? written = null;
        try
        {
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var prepared = await PrepareNextAsync(cursor, lastId, writing, summary, cancellationToken).ConfigureAwait(false);
                if (prepared is null)
                {
                    break;
                }

                cursor = prepared.Items[^1].Id + 1;
                try
                {
                    // In id order: a batch is written only once the one before it is committed.
                    summary.AlreadyIndexed += written is null ? 0 : await written.ConfigureAwait(false);
                }
                catch
                {
                    written = null;
                    await prepared.Db.DisposeAsync().ConfigureAwait(false);
                    throw;
                }

                writing = prepared;

                // On a thread of its own: the index write and SQLite's "asynchronous" calls complete synchronously, so
                // without it the write ran to its end here and the next batch was prepared only afterwards (benchmark 2,
                // docs/performance.md). A dedicated thread, not the pool's: the write blocks it for the whole batch, and
                // the preparation's parallel loops need the pool's threads. Not cancelled before it starts: the write
                // owns the batch's context and disposes it.
                written = Task.Factory.StartNew(
                    () => WriteAsync(prepared, cancellationToken),
                    CancellationToken.None,
                    TaskCreationOptions.LongRunning,
                    TaskScheduler.Default).Unwrap();
            }

            summary.AlreadyIndexed += written is null ? 0 : await written.ConfigureAwait(false);
            written = null;
        }
        finally
        {
            if (written is not null)
            {
                // A failure while the next batch was prepared: the write in flight finishes (or fails) before the run ends.
                await written.ContinueWith(_ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default).ConfigureAwait(false);
            }
        }

        if (firstId <= 0 && lastId == long.MaxValue)
        {
            // Nothing is left pending, so nothing waits on a write that failed earlier.
            indexWrites.Succeeded();
        }

        if (summary.Read > 0)
        {
            LogProcessed(logger, summary.Read, summary.Indexed, summary.Duplicates, summary.Quarantined);
        }

        if (summary.Indexed > 0)
        {
            foreach (var handler in indexedHandlers)
            {
                await handler.ArticlesIndexedAsync(summary.Indexed, cancellationToken).ConfigureAwait(false);
            }
        }

        return summary;
    }

    /// <summary>
    /// The next batch of pending items after <paramref name="cursor"/>, normalised, deduplicated, clustered and
    /// enriched, with its changes staged on its own context; null when none is left.
    /// </summary>
    private async Task<PreparedBatch?> PrepareNextAsync(long cursor, long lastId, PreparedBatch? writing, InboxRunSummary summary, CancellationToken cancellationToken)
    {
        var db = await store.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var batch = await db.InboxItems.AsNoTracking()
                .Where(item => item.State == InboxItemState.Pending && item.Id >= cursor && item.Id <= lastId)
                .OrderBy(item => item.Id)
                .Take(options.Value.BatchSize)
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            if (batch.Count == 0)
            {
                await db.DisposeAsync().ConfigureAwait(false);
                return null;
            }

            if (summary.Read == 0 && writing is null)
            {
                // When a run began on work (after its lock was taken): what a restart's "resumed" is measured by.
                LogStarted(logger, batch[0].Id);
            }

            return await PrepareAsync(db, batch, writing, summary, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await db.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private async Task<PreparedBatch> PrepareAsync(IngestionDbContext db, List<InboxItem> batch, PreparedBatch? writing, InboxRunSummary summary, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var maxBytes = options.Value.MaxItemBytes;
        // Parsing and normalising are independent per item: spread over the preparation's cores too.
        var normalisedItems = batch.AsParallel().AsOrdered().WithDegreeOfParallelism(PreparationThreads).WithCancellation(cancellationToken)
            .Select(item => (Item: item, Normalised: ArticleNormaliser.TryNormalise(item.Payload, maxBytes, now, out var reason), Reason: reason))
            .ToList();
        var candidates = new List<(InboxItem Item, NormalisedArticle Normalised)>();
        foreach (var (item, normalised, reason) in normalisedItems)
        {
            summary.Read++;
            if (normalised is null)
            {
                Quarantine(item, reason!, now, summary);
                continue;
            }

            candidates.Add((item, normalised));
        }

        var ids = candidates.Select(candidate => candidate.Normalised.Article.Id.Value).Distinct().ToList();
        var keys = candidates.Select(candidate => candidate.Normalised.ContentKey).Distinct().ToList();
        // Two lookups, each on its own index, with the batch's values as one array parameter.
        var known = await db.KnownArticles.AsNoTracking()
            .Where(article => EF.Parameter(ids).Contains(article.Id))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        known.AddRange(await db.KnownArticles.AsNoTracking()
            .Where(article => EF.Parameter(keys).Contains(article.ContentKey))
            .ToListAsync(cancellationToken).ConfigureAwait(false));
        // The batch being written is not committed yet: what it registered counts as known.
        known.AddRange(writing?.Registered ?? []);
        var byId = known.DistinctBy(article => article.Id).ToDictionary(article => article.Id, StringComparer.Ordinal);
        var byContent = known.DistinctBy(article => article.ContentKey).ToDictionary(article => article.ContentKey, StringComparer.Ordinal);

        var unseen = new List<(InboxItem Item, NormalisedArticle Normalised)>();
        foreach (var (item, normalised) in candidates)
        {
            var article = normalised.Article;
            if (byId.TryGetValue(article.Id.Value, out var same) || byContent.TryGetValue(normalised.ContentKey, out same))
            {
                item.State = InboxItemState.Duplicate;
                item.ArticleId = same.Id;
                item.ProcessedAt = now;
                summary.Duplicates++;
                continue;
            }

            var record = new KnownArticle
            {
                Id = article.Id.Value,
                ContentKey = normalised.ContentKey,
                CanonicalUrl = normalised.CanonicalUrl?.AbsoluteUri,
                Source = article.Source,
                InboxItemId = item.Id,
                IndexedAt = now,
            };
            byId[record.Id] = record;
            byContent[record.ContentKey] = record;
            unseen.Add((item, normalised));
        }

        var placement = await StoryClustering.AssignAsync(db, unseen.Select(candidate => candidate.Normalised.Article).ToList(), cancellationToken, writing?.Stories, PreparationThreads).ConfigureAwait(false);
        var stories = placement.Stories;
        // The one place an article gets its outlet's country, kind and groups, whatever channel it came through.
        var outlets = await OutletDirectory.LoadAsync(db, cancellationToken).ConfigureAwait(false);
        // Spread over the preparation's cores: most of a batch's cost (benchmark 2, docs/performance.md).
        var enrichments = enricher.EnrichEach([.. unseen.Select((candidate, i) => outlets.Apply(candidate.Normalised.Article) with { StoryId = stories[i] })], PreparationThreads, cancellationToken);
        var fresh = new List<EnrichedArticle>();
        var registered = new List<KnownArticle>();
        for (var i = 0; i < unseen.Count; i++)
        {
            var (item, normalised) = unseen[i];
            var article = normalised.Article;
            if (enrichments[i] is not (EnrichedArticle enriched, null))
            {
                // One article that breaks a tagger must not hold back the batch.
                var ex = enrichments[i].Failure!;
                Quarantine(item, $"enrichment failed: {ex.GetType().Name}: {ex.Message}", now, summary);
                continue;
            }

            registered.Add(byId[article.Id.Value]);
            item.State = InboxItemState.Indexed;
            item.ArticleId = article.Id.Value;
            item.Reason = normalised.Warning;
            item.ProcessedAt = now;
            fresh.Add(enriched);
            summary.Indexed++;
            summary.Clustered += stories[i] is null ? 0 : 1;
        }

        // An article quarantined by its enrichment leaves no trace in the register or the stories.
        var kept = registered.Select(article => article.Id).ToHashSet(StringComparer.Ordinal);
        var placed = new UncommittedStories(
            [.. placement.Placed.Members.Where(member => kept.Contains(member.ArticleId))],
            [.. placement.Placed.Bands.Where(band => kept.Contains(band.ArticleId))]);
        return new PreparedBatch(db, batch, fresh, registered, placed);
    }

    /// <summary>
    /// Writes a prepared batch to the index and commits its items; returns how many the index held already. The store's
    /// rows are written beside the index write, on another core, in a transaction that commits only once the index holds
    /// the batch: a failed or interrupted index write leaves every item Pending, as when the two ran one after the other.
    /// </summary>
    private async Task<int> WriteAsync(PreparedBatch batch, CancellationToken cancellationToken)
    {
        await using (batch.Db.ConfigureAwait(false))
        {
            var alreadyIndexedCount = 0;
            var indexing = Task.CompletedTask;
            if (batch.Fresh.Count > 0)
            {
                // A previous run may have died between writing the index and committing below.
                var alreadyIndexed = await index.FindExistingAsync(batch.Fresh.Select(article => article.Id).ToList(), cancellationToken).ConfigureAwait(false);
                var toIndex = batch.Fresh.Where(article => !alreadyIndexed.Contains(article.Id)).ToList();
                alreadyIndexedCount = batch.Fresh.Count - toIndex.Count;
                if (toIndex.Count > 0)
                {
                    // The index write completes synchronously inside IndexAsync: on a thread of its own (the pool's are the
                    // next batch's preparation), beside the store's rows.
                    indexing = Task.Factory.StartNew(
                        () => IndexAsync(toIndex, cancellationToken),
                        CancellationToken.None,
                        TaskCreationOptions.LongRunning,
                        TaskScheduler.Default).Unwrap();
                }
            }

            // One transaction: the items' new states, their register rows and their story rows commit together, written
            // in bulk and untracked (32 band rows per article: EF's change tracking cost more than the rest of the batch).
            var transaction = await batch.Db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                try
                {
                    await BulkRows.InsertAsync(batch.Db, batch.Registered, cancellationToken).ConfigureAwait(false);
                    await StoryClustering.WriteAsync(batch.Db, batch.Stories, cancellationToken).ConfigureAwait(false);
                    await BulkRows.UpdateAsync(batch.Db, batch.Items, SettledColumns, cancellationToken).ConfigureAwait(false);
                }
                finally
                {
                    // Whatever the store did, the index write ends before the batch's context goes; its failure wins.
                    await indexing.ConfigureAwait(false);
                }

                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            }

            return alreadyIndexedCount;
        }
    }

    private async Task IndexAsync(IReadOnlyList<EnrichedArticle> articles, CancellationToken cancellationToken)
    {
        try
        {
            await index.IndexAsync(articles, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The batch stays Pending (its transaction never commits). /ready reports the failure until a write succeeds;
            // Hangfire's retries and the minutely sweep try again.
            indexWrites.Failed(exception);
            throw;
        }

        indexWrites.Succeeded();
    }

    private void Quarantine(InboxItem item, string reason, DateTimeOffset now, InboxRunSummary summary)
    {
        item.State = InboxItemState.Quarantined;
        item.Reason = reason;
        item.ProcessedAt = now;
        summary.Quarantined++;
        LogQuarantined(logger, item.Id, item.Channel, reason);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Inbox run started on pending items from id {FirstItemId}")]
    private static partial void LogStarted(ILogger logger, long firstItemId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Inbox: {Read} processed, {Indexed} indexed, {Duplicates} duplicates, {Quarantined} quarantined")]
    private static partial void LogProcessed(ILogger logger, int read, int indexed, int duplicates, int quarantined);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Inbox item {ItemId} from {Channel} quarantined: {Reason}")]
    private static partial void LogQuarantined(ILogger logger, long itemId, string channel, string reason);
}

/// <summary>A batch ready to be written: its context, its items as settled, and what the next batch must see of it.</summary>
internal sealed record PreparedBatch(
    IngestionDbContext Db,
    IReadOnlyList<InboxItem> Items,
    IReadOnlyList<EnrichedArticle> Fresh,
    List<KnownArticle> Registered,
    UncommittedStories Stories);

/// <summary>What one run of <see cref="InboxProcessingJob"/> did.</summary>
public sealed class InboxRunSummary
{
    public int Read { get; set; }

    public int Indexed { get; set; }

    public int Duplicates { get; set; }

    public int Quarantined { get; set; }

    /// <summary>Of <see cref="Indexed"/>, articles that joined the story of an earlier near-duplicate.</summary>
    public int Clustered { get; set; }

    /// <summary>Of <see cref="Indexed"/>, articles found in the index already (a previous run died before committing).</summary>
    public int AlreadyIndexed { get; set; }
}
