using System.Globalization;
using Hangfire;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Monitoring.Core.Articles;
using Monitoring.Ingestion.Feeds;
using Monitoring.Ingestion.Fetching;
using Monitoring.Ingestion.Inbox;
using Monitoring.Ingestion.Pages;
using Monitoring.Ingestion.Store;
using Npgsql;

namespace Monitoring.Ingestion.Sources;

/// <summary>
/// Polls one source: a conditional GET of its feed, the parse, the pages of summary-only items, the new
/// items into the durable inbox, and the source's health. Whatever the feed does wrong (no answer, an
/// error status, too large, binary, not XML, an entity bomb) ends as a recorded error on that source and
/// a back-off, never as an exception that would touch another source.
/// </summary>
public sealed partial class FeedPollJob(
    IDbContextFactory<IngestionDbContext> store,
    WebFetcher fetcher,
    HostPoliteness politeness,
    ArticlePageExtractor extractor,
    IngestionPipeline pipeline,
    IOptions<FeedPollingOptions> options,
    IOptions<PageExtractionOptions> pageOptions,
    TimeProvider clock,
    ILogger<FeedPollJob> logger)
{
    // A poll that lost a race and then finds the feed's items taken has nothing left to conflict on.
    private const int MaxAttempts = 3;

    private const int SqliteConstraintViolation = 19;

    /// <summary>
    /// Whatever the outcome, the source's health is updated; a missing source is nothing to do. Two polls of
    /// one source at once ("poll now" while the scheduled poll runs, or two app instances) record each item
    /// once: the new items and their per-source records are committed in one transaction, the unique
    /// (source, item key) index refuses the second poll's copy, and that poll starts over and finds them taken.
    /// </summary>
    [AutomaticRetry(Attempts = 0)] // failures are recorded on the source and retried on its back-off schedule
    public async Task<FeedPollOutcome> PollAsync(int sourceId, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await PollOnceAsync(sourceId, cancellationToken).ConfigureAwait(false);
            }
            catch (DbUpdateException ex) when (attempt < MaxAttempts && IsConflict(ex))
            {
                LogRaced(logger, sourceId, ex.InnerException?.Message ?? ex.Message);
            }
        }
    }

    private static bool IsConflict(DbUpdateException ex) =>
        ex is DbUpdateConcurrencyException
        || ex.InnerException is SqliteException { SqliteErrorCode: SqliteConstraintViolation }
        || ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation };

    private async Task<FeedPollOutcome> PollOnceAsync(int sourceId, CancellationToken cancellationToken)
    {
        var db = await store.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var source = await db.FeedSources.FindAsync([sourceId], cancellationToken).ConfigureAwait(false);
            if (source is null)
            {
                return FeedPollOutcome.Missing;
            }

            var started = clock.GetUtcNow();
            source.LastFetchAt = started;
            FeedPollOutcome outcome;
            var staged = new List<(FeedItemRecord Record, InboxItem Item)>();
            try
            {
                outcome = await FetchAndTakeInAsync(db, source, staged, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                // Anything a feed can provoke stays with this source; a shutdown is not the feed's fault.
                outcome = new FeedPollOutcome(FeedPollStatus.Failed, 0, ex is FetchException or FeedFormatException ? ex.Message : $"unexpected {ex.GetType().Name}: {ex.Message}");
            }

            var finished = clock.GetUtcNow();
            if (outcome.Status == FeedPollStatus.Failed)
            {
                source.ConsecutiveFailures++;
                source.LastError = outcome.Error;
                source.NextDueAt = finished + Backoff(source.PollInterval, source.ConsecutiveFailures, options.Value.MaxBackoff);
                LogFailed(logger, source.Id, source.Name, source.ConsecutiveFailures, outcome.Error!);
            }
            else
            {
                source.ConsecutiveFailures = 0;
                source.LastSuccessAt = finished;
                source.LastError = outcome.Error; // a feed that broke off part-way: its items were kept
                source.LastNewItems = outcome.NewItems;
                source.NextDueAt = finished + source.PollInterval;
            }

            await CommitAsync(db, staged, cancellationToken).ConfigureAwait(false);

            // After the commit, so that the figures count this poll's items too.
            await SourceHealth.UpdateAsync(db, source, finished, cancellationToken).ConfigureAwait(false);
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            return outcome;
        }
    }

    // The inbox items first (for their ids), then the records that point at them, in one transaction: either
    // both are there, or (a concurrent poll recorded the same items) neither is.
    private async Task CommitAsync(IngestionDbContext db, List<(FeedItemRecord Record, InboxItem Item)> staged, CancellationToken cancellationToken)
    {
        var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (transaction.ConfigureAwait(false))
        {
            db.InboxItems.AddRange(staged.Select(pair => pair.Item));
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            foreach (var (record, item) in staged)
            {
                record.InboxItemId = item.Id;
            }

            db.FeedItemRecords.AddRange(staged.Select(pair => pair.Record));
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }

        if (staged.Count > 0)
        {
            pipeline.EnqueueProcessing(staged[0].Item.Id, staged[^1].Item.Id);
        }
    }

    /// <summary>
    /// How long to wait after <paramref name="failures"/> failed polls in a row: the interval after the
    /// first, then doubling, never more than <paramref name="cap"/> (unless the interval itself is longer).
    /// </summary>
    public static TimeSpan Backoff(TimeSpan interval, int failures, TimeSpan cap)
    {
        var doublings = Math.Clamp(failures - 1, 0, 30);
        var delay = interval.TotalSeconds * Math.Pow(2, doublings);
        return TimeSpan.FromSeconds(Math.Max(interval.TotalSeconds, Math.Min(delay, cap.TotalSeconds)));
    }

    private async Task<FeedPollOutcome> FetchAndTakeInAsync(IngestionDbContext db, FeedSource source, List<(FeedItemRecord Record, InboxItem Item)> staged, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (source.Url is null)
        {
            throw new FetchException("the source has no feed address: its articles arrive another way");
        }

        if (!Uri.TryCreate(source.Url, UriKind.Absolute, out var feedUrl))
        {
            throw new FetchException($"'{source.Url}' is not an absolute address");
        }

        FetchedResource response;
        using (await politeness.WaitForFeedTurnAsync(feedUrl, cancellationToken).ConfigureAwait(false))
        {
            response = await fetcher.GetAsync(
                feedUrl,
                settings.MaxFeedBytes,
                WebFetcher.SourcesSetting(nameof(FeedPollingOptions.MaxFeedBytes)),
                source.ETag,
                source.LastModified,
                cancellationToken).ConfigureAwait(false);
        }

        if (response.NotModified)
        {
            return new FeedPollOutcome(FeedPollStatus.NotModified, 0, null);
        }

        var body = response.Body;
        var isGzip = body is [0x1F, 0x8B, ..]; // FeedParser unpacks a gzipped document itself
        if (!isGzip && BinaryContent.Describe(body, "a feed") is { } binary)
        {
            throw new FeedFormatException(response.MediaType is null ? binary : $"{binary} (served as {response.MediaType})");
        }

        var feed = FeedParser.Parse(body, response.Url, settings.MaxFeedBytes);
        var seen = await db.FeedItemRecords
            .Where(record => record.SourceId == source.Id)
            .ToDictionaryAsync(record => record.Key, StringComparer.Ordinal, cancellationToken).ConfigureAwait(false);
        var zone = FindZone(source.TimeZone);
        var now = clock.GetUtcNow();
        var fresh = new List<(FeedItemRecord Record, IncomingArticle Article)>();
        var pages = new PageBudget(settings.MaxPagesPerPoll);
        foreach (var item in feed.Items)
        {
            var key = KeyOf(item);
            if (seen.ContainsKey(key) || fresh.Any(candidate => candidate.Record.Key == key))
            {
                continue;
            }

            var published = FeedItemMapper.Published(item, zone);
            var article = await ToArticleAsync(source, item, zone, pages, cancellationToken).ConfigureAwait(false);
            fresh.Add((new FeedItemRecord { SourceId = source.Id, Key = key, FirstSeenAt = now, Published = published }, article));
        }

        if (pages.Fetched > 0)
        {
            source.LastPageError = pages.LastError;
        }

        // Committed with the source's new validators by CommitAsync: a crash before it re-reads the feed in full.
        staged.AddRange(fresh.Select(candidate => (candidate.Record, IngestionPipeline.ItemFor(ChannelOf(source.Id), candidate.Article, now))));
        source.ETag = response.ETag;
        source.LastModified = response.LastModified;
        ForgetOldItems(db, seen.Values, feed.Items.Select(KeyOf).ToHashSet(StringComparer.Ordinal), now);
        var partly = feed.Error is null ? null : $"feed read only in part: {feed.Error}";
        return new FeedPollOutcome(FeedPollStatus.Fetched, fresh.Count, partly);
    }

    private async Task<IncomingArticle> ToArticleAsync(FeedSource source, FeedItem item, TimeZoneInfo? zone, PageBudget pages, CancellationToken cancellationToken)
    {
        var article = FeedItemMapper.ToIncoming(item, source.Name, fallbackLanguage: source.Language, zone: zone) with { SourceCountry = source.Country };
        var html = article.Html;

        var textLength = html is null ? 0 : HtmlText.ToPlainText(html).Length;
        if (textLength >= options.Value.SummaryOnlyBelowCharacters || item.Link is null || !pages.TryTake())
        {
            return article;
        }

        ExtractedPage page;
        try
        {
            var fetched = await fetcher.GetAsync(
                item.Link,
                pageOptions.Value.MaxPageBytes,
                $"{PageExtractionOptions.SectionName}:{nameof(PageExtractionOptions.MaxPageBytes)}",
                cancellationToken: cancellationToken).ConfigureAwait(false);
            page = extractor.Extract(fetched.Body, fetched.Url);
        }
        catch (FetchException ex)
        {
            pages.Failed($"{item.Link}: {ex.Message}");
            return article;
        }

        if (!page.Succeeded || page.Text.Length <= textLength)
        {
            pages.Failed($"{item.Link}: {page.Error ?? "the page holds no more text than the feed"}");
            return article;
        }

        return article with
        {
            Title = article.Title ?? page.Title,
            Html = null,
            Text = page.Text,
            Language = FeedItemMapper.LanguageCode(item.Language) ?? FeedItemMapper.LanguageCode(page.Language) ?? article.Language,
            Published = article.Published ?? page.Published?.ToString("O", CultureInfo.InvariantCulture),
            Credit = article.Credit ?? page.Byline,
        };
    }

    /// <summary>The inbox channel of a source's items.</summary>
    public static string ChannelOf(int sourceId) => string.Create(CultureInfo.InvariantCulture, $"feed:{sourceId}");

    /// <summary>What identifies an item across polls: its canonical URL, else its guid, else its text.</summary>
    internal static string KeyOf(FeedItem item)
    {
        if (item.Link is not null && CanonicalUrl.TryNormalise(item.Link.AbsoluteUri, null, out var canonical))
        {
            return canonical!.AbsoluteUri;
        }

        return item.Id is { Length: > 0 } id
            ? "id:" + id
            : "text:" + ArticleNormaliser.ContentKeyOf(item.Title ?? string.Empty, item.Summary ?? item.Content ?? string.Empty);
    }

    private static TimeZoneInfo? FindZone(string? id) =>
        !string.IsNullOrWhiteSpace(id) && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : null;

    // An item gone from the feed and older than a month will not come back; its record can go.
    private static void ForgetOldItems(IngestionDbContext db, IEnumerable<FeedItemRecord> records, HashSet<string> inFeed, DateTimeOffset now)
    {
        var horizon = now - TimeSpan.FromDays(30);
        db.FeedItemRecords.RemoveRange(records.Where(record => record.FirstSeenAt < horizon && !inFeed.Contains(record.Key)));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Feed {SourceId} was polled twice at once; this poll starts over ({Conflict})")]
    private static partial void LogRaced(ILogger logger, int sourceId, string conflict);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Feed {SourceId} ({Name}) failed {Failures} time(s) in a row: {Error}")]
    private static partial void LogFailed(ILogger logger, int sourceId, string name, int failures, string error);

    private sealed class PageBudget(int limit)
    {
        public int Fetched { get; private set; }

        public string? LastError { get; private set; }

        public bool TryTake()
        {
            if (Fetched >= limit)
            {
                return false;
            }

            Fetched++;
            return true;
        }

        public void Failed(string error) => LastError = error;
    }
}

public enum FeedPollStatus
{
    /// <summary>The source no longer exists.</summary>
    Missing,

    /// <summary>304: nothing new since the last poll.</summary>
    NotModified,

    /// <summary>The feed was read; <see cref="FeedPollOutcome.NewItems"/> went to the inbox.</summary>
    Fetched,

    /// <summary>Nothing usable; <see cref="FeedPollOutcome.Error"/> says why.</summary>
    Failed,
}

/// <summary>What one poll did.</summary>
/// <param name="Error">Why it failed, or a warning about a feed read only in part.</param>
public sealed record FeedPollOutcome(FeedPollStatus Status, int NewItems, string? Error)
{
    public static readonly FeedPollOutcome Missing = new(FeedPollStatus.Missing, 0, null);
}
