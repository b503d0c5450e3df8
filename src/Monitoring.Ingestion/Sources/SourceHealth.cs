using Microsoft.EntityFrameworkCore;
using Monitoring.Ingestion.Inbox;
using Monitoring.Ingestion.Store;

namespace Monitoring.Ingestion.Sources;

/// <summary>The figures a source's health shows besides its last fetch: items per day and lag.</summary>
internal static class SourceHealth
{
    /// <summary>The window over which items per day are counted.</summary>
    public static readonly TimeSpan RateWindow = TimeSpan.FromDays(7);

    /// <summary>How many recent items the median lag is taken over.</summary>
    public const int LagSample = 50;

    /// <summary>
    /// Recomputes <see cref="FeedSource.ItemsPerDay"/> and <see cref="FeedSource.MedianLag"/> from the items
    /// the source delivered. Items of the first poll are left out of the lag: they are the feed's backlog,
    /// published long before the source was added, and say nothing about how fast the monitor is.
    /// </summary>
    public static async Task UpdateAsync(IngestionDbContext db, FeedSource source, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var records = await db.FeedItemRecords.AsNoTracking()
            .Where(record => record.SourceId == source.Id)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var since = now - RateWindow;
        source.ItemsPerDay = records.Count(record => (record.Published ?? record.FirstSeenAt) is var when && when > since && when <= now) / RateWindow.TotalDays;

        var firstPoll = records.Count == 0 ? now : records.Min(record => record.FirstSeenAt);
        var recent = records
            .Where(record => record.Published is not null && record.InboxItemId is not null && record.FirstSeenAt > firstPoll)
            .OrderByDescending(record => record.InboxItemId)
            .Take(LagSample)
            .ToDictionary(record => record.InboxItemId!.Value, record => record.Published!.Value);
        var ids = recent.Keys.ToList();
        var searchable = await db.InboxItems.AsNoTracking()
            .Where(item => ids.Contains(item.Id) && item.State == InboxItemState.Indexed)
            .Select(item => new { item.Id, item.ProcessedAt })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var lags = searchable
            .Where(item => item.ProcessedAt is not null)
            .Select(item => item.ProcessedAt!.Value - recent[item.Id])
            .Select(lag => lag < TimeSpan.Zero ? TimeSpan.Zero : lag)
            .Order()
            .ToList();
        source.MedianLag = lags.Count == 0 ? null : Median(lags);
    }

    private static TimeSpan Median(List<TimeSpan> sorted) => sorted.Count % 2 == 1
        ? sorted[sorted.Count / 2]
        : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
}
