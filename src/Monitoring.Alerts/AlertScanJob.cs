using Hangfire;
using Microsoft.EntityFrameworkCore;
using Monitoring.Alerts.Data;
using Monitoring.Core.Alerts;
using Monitoring.Core.Articles;
using Monitoring.Core.Enrichment;
using Monitoring.Core.Search;
using Monitoring.Ingestion.Inbox;

namespace Monitoring.Alerts;

/// <summary>
/// Matches the articles that became searchable since the last run against every alert in one
/// percolation pass, records the matches and, for instant alerts, one pending delivery per channel.
/// Reads ingestion's log of indexed articles (<see cref="IndexedArticleLog"/>) from its stored position, and
/// stores the new position in the same transaction as the matches it found: a run killed at any point and run again records every
/// match once.
/// </summary>
public sealed partial class AlertScanJob(
    IndexedArticleLog indexed,
    IDbContextFactory<AlertsDbContext> app,
    IArticleSearch search,
    IAlertPercolator percolator,
    IBackgroundJobClient jobs,
    TimeProvider clock,
    ILogger<AlertScanJob> logger)
{
    public const string RecurringJobId = "alert-scan";

    private const int BatchSize = 500;

    /// <summary>Scans until no new article is left; returns how many matches it recorded.</summary>
    [DisableConcurrentExecution(timeoutInSeconds: 600)]
    [AutomaticRetry(Attempts = 5)]
    public async Task<int> ScanAsync(CancellationToken cancellationToken)
    {
        await SyncPercolatorAsync(cancellationToken).ConfigureAwait(false);
        var recorded = 0;
        var deliveries = 0;
        while (true)
        {
            var batch = await NextArticlesAsync(cancellationToken).ConfigureAwait(false);
            if (batch is null)
            {
                break;
            }

            var (matches, newDeliveries) = await RecordAsync(batch, cancellationToken).ConfigureAwait(false);
            recorded += matches;
            deliveries += newDeliveries;
        }

        if (deliveries > 0)
        {
            jobs.Enqueue<AlertDeliveryJob>(job => job.DeliverAsync(CancellationToken.None));
        }

        if (recorded > 0)
        {
            LogScanned(logger, recorded, deliveries);
        }

        return recorded;
    }

    /// <summary>
    /// The percolator holds every alert's query (the embedded one forgets them on restart); an alert
    /// changed or deleted through the UI is re-registered there at once, this only catches up.
    /// </summary>
    private async Task SyncPercolatorAsync(CancellationToken cancellationToken)
    {
        var db = await app.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var alerts = await db.Alerts.AsNoTracking().Select(alert => new { alert.Id, alert.QueryJson }).ToListAsync(cancellationToken).ConfigureAwait(false);
            var registered = await percolator.RegisteredAsync(cancellationToken).ConfigureAwait(false);
            foreach (var alert in alerts.Where(alert => !registered.Contains(alert.Id.ToString())))
            {
                await AlertQueries.RegisterAsync(percolator, alert.Id, alert.QueryJson, cancellationToken).ConfigureAwait(false);
            }

            var known = alerts.Select(alert => alert.Id.ToString()).ToHashSet(StringComparer.Ordinal);
            foreach (var orphan in registered.Where(id => !known.Contains(id)))
            {
                await percolator.RemoveAsync(orphan, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>The articles indexed after the stored position, up to the first inbox item still pending.</summary>
    private async Task<IndexedArticles?> NextArticlesAsync(CancellationToken cancellationToken)
    {
        long after;
        var appDb = await app.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (appDb.ConfigureAwait(false))
        {
            after = (await appDb.AlertScanStates.AsNoTracking().SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false))?.LastInboxItemId ?? 0;
        }

        return await indexed.ReadAfterAsync(after, BatchSize, cancellationToken).ConfigureAwait(false);
    }

    private async Task<(int Matches, int Deliveries)> RecordAsync(IndexedArticles batch, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var searchableAt = new Dictionary<ArticleId, DateTimeOffset>();
        var articles = new List<EnrichedArticle>();
        foreach (var entry in batch.Articles)
        {
            var article = await search.GetAsync(entry.Id, cancellationToken).ConfigureAwait(false);
            if (article is not null && searchableAt.TryAdd(article.Id, entry.IndexedAt ?? now))
            {
                articles.Add(article);
            }
        }

        var matches = await percolator.PercolateAsync(articles, cancellationToken).ConfigureAwait(false);
        var byId = articles.ToDictionary(article => article.Id);

        var db = await app.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var alertIds = matches.Select(match => Guid.Parse(match.AlertId)).ToHashSet();
            var alerts = await db.Alerts.Where(alert => alertIds.Contains(alert.Id)).ToDictionaryAsync(alert => alert.Id, cancellationToken).ConfigureAwait(false);
            var known = await KnownMatchesAsync(db, alertIds, articles, cancellationToken).ConfigureAwait(false);
            var recorded = 0;
            var deliveries = 0;
            foreach (var match in matches.OrderBy(match => searchableAt[match.ArticleId]).ThenBy(match => match.ArticleId.Value, StringComparer.Ordinal))
            {
                var article = byId[match.ArticleId];
                if (!alerts.TryGetValue(Guid.Parse(match.AlertId), out var alert)
                    || alert.IsMuted(now)
                    || searchableAt[match.ArticleId] < alert.CreatedAt)
                {
                    continue;
                }

                var recordedMatch = RecordMatch(db, known, alert, article, searchableAt[match.ArticleId], now);
                if (recordedMatch is null)
                {
                    continue;
                }

                recorded++;
                if (alert.Mode == DeliveryMode.Instant && !(alert.NewStoriesOnly && recordedMatch.RepeatsAStory))
                {
                    foreach (var channel in alert.Channels())
                    {
                        db.AlertDeliveries.Add(new AlertDelivery
                        {
                            AlertId = alert.Id,
                            Channel = channel,
                            Key = article.Id.Value,
                            State = DeliveryState.Pending,
                            CreatedAt = now,
                            NextAttemptAt = now,
                        });
                        deliveries++;
                    }
                }
            }

            var state = await db.AlertScanStates.SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false);
            if (state is null)
            {
                state = new AlertScanState();
                db.AlertScanStates.Add(state);
            }

            state.LastInboxItemId = batch.Position;
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            return (recorded, deliveries);
        }
    }

    /// <summary>
    /// What the alerts already recorded for this batch's articles and stories, read in one query rather
    /// than one per match (a batch of 500 articles brings thousands of matches).
    /// </summary>
    private static async Task<KnownMatches> KnownMatchesAsync(
        AlertsDbContext db, HashSet<Guid> alertIds, List<EnrichedArticle> articles, CancellationToken cancellationToken)
    {
        var articleIds = articles.Select(article => article.Id.Value).ToList();
        var storyKeys = articles.Select(StoryKey).Distinct(StringComparer.Ordinal).ToList();
        var rows = await db.AlertMatches.AsNoTracking()
            .Where(match => alertIds.Contains(match.AlertId) && (articleIds.Contains(match.ArticleId) || storyKeys.Contains(match.StoryKey)))
            .Select(match => new { match.AlertId, match.ArticleId, match.StoryKey })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return new KnownMatches(
            rows.Select(row => (row.AlertId, row.ArticleId)).ToHashSet(),
            rows.Select(row => (row.AlertId, row.StoryKey)).ToHashSet());
    }

    /// <summary>The new match, or null when this alert already matched the article (a repeated run).</summary>
    private static AlertMatch? RecordMatch(AlertsDbContext db, KnownMatches known, Alert alert, EnrichedArticle article, DateTimeOffset searchableAt, DateTimeOffset now)
    {
        var storyKey = StoryKey(article);
        if (!known.Articles.Add((alert.Id, article.Id.Value)))
        {
            return null;
        }

        var match = new AlertMatch
        {
            AlertId = alert.Id,
            ArticleId = article.Id.Value,
            StoryKey = storyKey,
            SearchableAt = searchableAt,
            MatchedAt = now,
            RepeatsAStory = !known.Stories.Add((alert.Id, storyKey)),
        };
        db.AlertMatches.Add(match);
        return match;
    }

    private static string StoryKey(EnrichedArticle article) => (article.Article.StoryId ?? article.Id).Value;

    [LoggerMessage(Level = LogLevel.Information, Message = "Alert matching recorded {Matches} matches and {Deliveries} deliveries")]
    private static partial void LogScanned(ILogger logger, int matches, int deliveries);

    private sealed record KnownMatches(HashSet<(Guid AlertId, string ArticleId)> Articles, HashSet<(Guid AlertId, string StoryKey)> Stories);
}
