using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Monitoring.Ingestion.Store;

namespace Monitoring.Ingestion.Inbox;

/// <summary>
/// At start-up (after <see cref="IngestionStoreMigrator"/>), processes whatever a previous run left pending, and keeps a
/// minutely sweep for items whose enqueue was lost (a crash between commit and enqueue).
/// </summary>
public sealed class InboxStarter(
    IBackgroundJobClient jobs,
    IRecurringJobManager recurringJobs) : IHostedService
{
    public const string SweepJobId = "inbox-sweep";

    public Task StartAsync(CancellationToken cancellationToken)
    {
        jobs.Enqueue<InboxProcessingJob>(job => job.ProcessAsync(0, long.MaxValue, CancellationToken.None));
        recurringJobs.AddOrUpdate<InboxProcessingJob>(SweepJobId, job => job.ProcessAsync(0, long.MaxValue, CancellationToken.None), Cron.Minutely());
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
