using Hangfire;
using Hangfire.Common;
using Hangfire.InMemory;
using Hangfire.Server;
using Monitoring.Ingestion.Inbox;

namespace Monitoring.Ingestion.Tests.Inbox;

/// <summary>
/// The inbox job's lock as Hangfire's worker applies it: a run asked for while one runs in this process is not left
/// waiting on a worker, and its work is not lost.
/// </summary>
public sealed class FoldedInboxRunsAttributeTests : IDisposable
{
    // Ten minutes, as on the job: a run that waited for the lock would hang the test, not pass it.
    private readonly IServerFilter _filter = new FoldedInboxRunsAttribute(timeoutInSeconds: 600);
    private readonly InMemoryStorage _storage = new();

    [Fact]
    public void ARunAskedForWhileOneRuns_IsNotPerformed_AndItsWorkerIsFreeAtOnce()
    {
        var running = Start(_storage, 1, 500);

        var asked = Start(_storage, 501, 900);

        Assert.False(running.Canceled);
        Assert.True(asked.Canceled);
        Assert.Empty(Enqueued(_storage));
    }

    [Fact]
    public void RunsFoldedIntoARun_BecomeOneFollowUpRunOfEveryPendingItem_WhenItEnds()
    {
        var running = Start(_storage, 1, 500);
        Start(_storage, 501, 900);
        Start(_storage, 901, 950);

        _filter.OnPerformed(Performed(running));

        var followUp = Assert.Single(Enqueued(_storage));
        Assert.Equal(typeof(InboxProcessingJob), followUp.Type);
        Assert.Equal(nameof(InboxProcessingJob.ProcessAsync), followUp.Method.Name);
        Assert.Equal([0L, long.MaxValue], followUp.Args.Take(2));
    }

    [Fact]
    public void ARunNobodyAskedForMeanwhile_EndsWithoutAFollowUp_AndTheNextRunIsPerformed()
    {
        var first = Start(_storage, 1, 500);
        _filter.OnPerformed(Performed(first));

        var next = Start(_storage, 501, 900);

        Assert.False(next.Canceled);
        Assert.Empty(Enqueued(_storage));
    }

    [Fact]
    public void ARunThatFailed_StillEnqueuesTheFollowUpOfWhatWasFoldedIntoIt()
    {
        var running = Start(_storage, 1, 500);
        Start(_storage, 501, 900);

        _filter.OnPerformed(Performed(running, new InvalidOperationException("index write failed")));

        Assert.Single(Enqueued(_storage));
    }

    [Fact]
    public void RunsOnAnotherJobStorage_AreNotFoldedIntoThisOne()
    {
        using var other = new InMemoryStorage();
        Start(_storage, 1, 500);

        var elsewhere = Start(other, 1, 500);

        Assert.False(elsewhere.Canceled);
    }

    public void Dispose() => _storage.Dispose();

    /// <summary>A worker about to perform the run of items <paramref name="first"/>–<paramref name="last"/>, through the filter.</summary>
    private PerformingContext Start(JobStorage storage, long first, long last)
    {
        var context = Performing(storage, RangeRun(first, last));
        _filter.OnPerforming(context);
        return context;
    }

    private static Job RangeRun(long first, long last) =>
        Job.FromExpression<InboxProcessingJob>(job => job.ProcessAsync(first, last, CancellationToken.None));

    private static PerformingContext Performing(JobStorage storage, Job job)
    {
        var id = new BackgroundJobClient(storage).Create(job, new Hangfire.States.ScheduledState(TimeSpan.FromDays(1)) /* kept out of the queue the test reads */);
        var context = new PerformContext(storage, storage.GetConnection(), new BackgroundJob(id, job, DateTime.UtcNow), new JobCancellationToken(false));
        return new PerformingContext(context);
    }

    private static PerformedContext Performed(PerformingContext performing, Exception? failure = null) =>
        new(performing, result: null, canceled: false, exception: failure);

    private static List<Job> Enqueued(JobStorage storage) =>
        [.. storage.GetMonitoringApi().EnqueuedJobs("default", 0, 100).Select(pair => pair.Value.Job)];
}
