using Hangfire;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Monitoring.Ingestion.DropFolder;

/// <summary>
/// Creates the drop folder, keeps the minutely sweep scheduled, and watches the folder so that a dropped
/// file is taken seconds after it settles rather than at the next minute. The watcher only speeds things
/// up: it misses events (buffer overflows, network shares, files dropped while the app was down), and the
/// minutely sweep is what guarantees every file is taken.
/// </summary>
public sealed partial class DropFolderWatcher(
    DropFolderLocation location,
    IBackgroundJobClient jobs,
    IRecurringJobManager recurringJobs,
    IOptions<IngestionOptions> options,
    TimeProvider clock,
    ILogger<DropFolderWatcher> logger) : IHostedService, IDisposable
{
    private FileSystemWatcher? _watcher;
    private ITimer? _debounce;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (location.FullPath is not { } folder)
        {
            recurringJobs.RemoveIfExists(DropFolderSweepJob.RecurringJobId);
            return Task.CompletedTask;
        }

        Directory.CreateDirectory(Path.Combine(folder, DropFolderSweepJob.ProcessedFolder));
        Directory.CreateDirectory(Path.Combine(folder, DropFolderSweepJob.RejectedFolder));
        recurringJobs.AddOrUpdate<DropFolderSweepJob>(DropFolderSweepJob.RecurringJobId, job => job.SweepAsync(CancellationToken.None), Cron.Minutely());
        jobs.Enqueue<DropFolderSweepJob>(job => job.SweepAsync(CancellationToken.None)); // files dropped while the app was down

        _debounce = clock.CreateTimer(_ => EnqueueSweep(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        _watcher = new FileSystemWatcher(folder)
        {
            IncludeSubdirectories = false,
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.LastWrite | NotifyFilters.Size,
        };
        _watcher.Created += (_, _) => Poke();
        _watcher.Changed += (_, _) => Poke();
        _watcher.Renamed += (_, _) => Poke();
        _watcher.Error += (_, error) =>
        {
            LogWatcherError(logger, error.GetException().Message);
            Poke();
        };
        _watcher.EnableRaisingEvents = true;
        LogWatching(logger, folder);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        if (_watcher is not null)
        {
            _watcher.EnableRaisingEvents = false;
        }

        return Task.CompletedTask;
    }

    public void Dispose()
    {
        _watcher?.Dispose();
        _debounce?.Dispose();
    }

    // Every write to a file being copied raises an event: wait until they stop for the settle time
    // (and a little more, as the sweep checks that time against the file's own clock) and sweep once.
    private void Poke() => _debounce?.Change(options.Value.DropFolderSettleTime + TimeSpan.FromMilliseconds(250), Timeout.InfiniteTimeSpan);

    private void EnqueueSweep()
    {
        try
        {
            jobs.Enqueue<DropFolderSweepJob>(job => job.SweepAsync(CancellationToken.None));
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // A timer callback must not throw; the minutely sweep takes the file instead.
            LogWatcherError(logger, ex.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Watching the drop folder {Folder}")]
    private static partial void LogWatching(ILogger logger, string folder);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Drop folder watcher: {Error}; the minutely sweep still takes every file")]
    private static partial void LogWatcherError(ILogger logger, string error);
}
