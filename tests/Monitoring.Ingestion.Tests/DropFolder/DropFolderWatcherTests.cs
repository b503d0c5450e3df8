using Hangfire;
using Hangfire.InMemory;
using Hangfire.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Monitoring.Ingestion.DropFolder;

namespace Monitoring.Ingestion.Tests.DropFolder;

/// <summary>The watcher on a real temporary folder, with Hangfire's in-memory storage to see what it enqueues.</summary>
public sealed class DropFolderWatcherTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("monitoring-drop-").FullName;
    private readonly InMemoryStorage _jobs = new(new InMemoryStorageOptions());

    [Fact]
    public async Task Start_CreatesTheFolders_SchedulesTheMinutelySweep_AndSweepsOnce()
    {
        var dropFolder = Path.Combine(_folder, "drop");
        using var watcher = CreateWatcher(dropFolder, TimeSpan.FromMilliseconds(100));

        await watcher.StartAsync(TestContext.Current.CancellationToken);

        Assert.True(Directory.Exists(Path.Combine(dropFolder, DropFolderSweepJob.ProcessedFolder)));
        Assert.True(Directory.Exists(Path.Combine(dropFolder, DropFolderSweepJob.RejectedFolder)));
        var recurring = Assert.Single(_jobs.GetConnection().GetRecurringJobs());
        Assert.Equal((DropFolderSweepJob.RecurringJobId, "* * * * *"), (recurring.Id, recurring.Cron));
        Assert.Equal(1, SweepsEnqueued());
    }

    [Fact]
    public async Task ADroppedFile_EnqueuesOneSweep_OnceItsWritesHaveStopped()
    {
        using var watcher = CreateWatcher(_folder, TimeSpan.FromMilliseconds(300));
        await watcher.StartAsync(TestContext.Current.CancellationToken);
        var atStart = SweepsEnqueued();

        await using (var writer = new StreamWriter(Path.Combine(_folder, "slow.ndjson")))
        {
            for (var line = 0; line < 5; line++)
            {
                await writer.WriteLineAsync("{}");
                await writer.FlushAsync(TestContext.Current.CancellationToken);
                await Task.Delay(100, TestContext.Current.CancellationToken);
            }
        }

        var whileWriting = SweepsEnqueued();
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (SweepsEnqueued() == atStart && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }

        await Task.Delay(1_000, TestContext.Current.CancellationToken); // no second sweep for the same burst of writes

        Assert.Equal(atStart, whileWriting);
        Assert.Equal(atStart + 1, SweepsEnqueued());
    }

    [Fact]
    public async Task NoFolder_MeansNoWatcherAndNoSweep()
    {
        using var watcher = new DropFolderWatcher(
            new DropFolderLocation(null),
            new BackgroundJobClient(_jobs),
            new RecurringJobManager(_jobs),
            Microsoft.Extensions.Options.Options.Create(new IngestionOptions()),
            TimeProvider.System,
            NullLogger<DropFolderWatcher>.Instance);

        await watcher.StartAsync(TestContext.Current.CancellationToken);

        Assert.Empty(_jobs.GetConnection().GetRecurringJobs());
        Assert.Equal(0, SweepsEnqueued());
    }

    public void Dispose()
    {
        _jobs.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    private DropFolderWatcher CreateWatcher(string folder, TimeSpan settleTime) => new(
        new DropFolderLocation(folder),
        new BackgroundJobClient(_jobs),
        new RecurringJobManager(_jobs),
        Microsoft.Extensions.Options.Options.Create(new IngestionOptions { DropFolderSettleTime = settleTime }),
        TimeProvider.System,
        NullLogger<DropFolderWatcher>.Instance);

    private long SweepsEnqueued() => _jobs.GetMonitoringApi().EnqueuedJobs("default", 0, 100)
        .Count(job => job.Value.Job.Type == typeof(DropFolderSweepJob) && job.Value.Job.Method.Name == nameof(DropFolderSweepJob.SweepAsync));
}
