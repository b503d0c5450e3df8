using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Monitoring.Ingestion.Store;

namespace Monitoring.Ingestion.Inbox;

/// <summary>
/// Creates the ingestion store at start-up, processes whatever a previous run left pending, and keeps a
/// minutely sweep for items whose enqueue was lost (a crash between commit and enqueue).
/// </summary>
public sealed class InboxStarter(
    IDbContextFactory<IngestionDbContext> store,
    IBackgroundJobClient jobs,
    IRecurringJobManager recurringJobs) : IHostedService
{
    public const string SweepJobId = "inbox-sweep";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var db = await store.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            await db.EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);
        }

        jobs.Enqueue<InboxProcessingJob>(job => job.ProcessAsync(0, long.MaxValue, CancellationToken.None));
        recurringJobs.AddOrUpdate<InboxProcessingJob>(SweepJobId, job => job.ProcessAsync(0, long.MaxValue, CancellationToken.None), Cron.Minutely());
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
