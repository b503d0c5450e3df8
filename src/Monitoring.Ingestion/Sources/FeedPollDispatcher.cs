using Hangfire;
using Microsoft.EntityFrameworkCore;
using Monitoring.Ingestion.Store;

namespace Monitoring.Ingestion.Sources;

/// <summary>
/// The minutely recurring job: enqueues one <see cref="FeedPollJob"/> per enabled source that is due.
/// Each dispatched source is claimed for one interval first, so a slow or lost poll is not dispatched
/// twice, and is dispatched again once that claim runs out.
/// </summary>
public sealed class FeedPollDispatcher(IDbContextFactory<IngestionDbContext> store, IBackgroundJobClient jobs, TimeProvider clock)
{
    public const string RecurringJobId = "feed-dispatch";

    /// <summary>How often the dispatcher runs (<see cref="FeedPollingStarter"/> schedules it minutely).</summary>
    public static readonly TimeSpan Period = TimeSpan.FromMinutes(1);

    /// <returns>The ids of the sources whose poll was enqueued.</returns>
    [DisableConcurrentExecution(timeoutInSeconds: 60)]
    [AutomaticRetry(Attempts = 0)] // the next minute's run is the retry
    public async Task<IReadOnlyList<int>> DispatchAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        List<FeedSource> due;
        var db = await store.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            // Sources number in the hundreds at most; filtering in memory avoids SQLite's weak date comparisons.
            var enabled = await db.FeedSources.Where(source => source.Enabled).ToListAsync(cancellationToken).ConfigureAwait(false);
            // A poll sets its source due one interval after it finished, a few seconds after this run's minute:
            // taken strictly, a one-minute source would be polled every other minute. So a source due before the
            // middle of the next period is dispatched now, at most half a period early.
            var horizon = now + (Period / 2);
            due = enabled.Where(source => source.IsDue(horizon)).OrderBy(source => source.NextDueAt ?? DateTimeOffset.MinValue).ToList();
            foreach (var source in due)
            {
                source.NextDueAt = now + source.PollInterval;
            }

            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }

        foreach (var source in due)
        {
            var id = source.Id;
            jobs.Enqueue<FeedPollJob>(job => job.PollAsync(id, CancellationToken.None));
        }

        return due.Select(source => source.Id).ToList();
    }
}
