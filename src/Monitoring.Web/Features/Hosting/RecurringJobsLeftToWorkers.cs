using Hangfire;
using Hangfire.Common;

namespace Monitoring.Web.Features.Hosting;

/// <summary>
/// The recurring-job manager of a web node. Features keep their schedules current at start-up; on a web node
/// those registrations are dropped, so that the workers alone own the schedules (and a web node of an older
/// version, during a rolling upgrade, cannot put back a schedule a newer worker changed). Triggering a
/// schedule now still works.
/// </summary>
internal sealed partial class RecurringJobsLeftToWorkers(JobStorage storage, ILogger<RecurringJobsLeftToWorkers> logger) : IRecurringJobManager
{
    public void AddOrUpdate(string recurringJobId, Job job, string cronExpression, RecurringJobOptions options) =>
        LogLeftToWorkers(logger, recurringJobId);

    public void RemoveIfExists(string recurringJobId) => LogLeftToWorkers(logger, recurringJobId);

    public void Trigger(string recurringJobId) => new RecurringJobManager(storage).Trigger(recurringJobId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Recurring job {RecurringJobId} is left for the workers to schedule")]
    private static partial void LogLeftToWorkers(ILogger logger, string recurringJobId);
}
